// Malformed input never crashes the emulator: a few hundred seeded random requests (signed, so they reach
// the handlers; and unsigned with junk credentials) on every route. No 500 (faults are off), every error in
// the ROMA envelope, never a hang. Deterministic: one PRNG seed, requests one after another.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signRequest } from '../../src/auth/signer.ts';
import { ALL_ROUTES, startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { INSTANCE_COLLECTIONS } from '../../src/emulator/model.ts';

let em: EmulatorHandle;
let ids: string[];

before(async () => {
  em = await startEmulator({ seed: 'demo' });
  const store = em.state.stores.get(em.instances[0] as string);
  assert.ok(store);
  ids = INSTANCE_COLLECTIONS.flatMap((c) => [...store.data[c].keys()].slice(0, 3));
});
after(() => em.close());

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS = [
  'acl_id', 'action', 'api_id', 'api_ids', 'apis', 'app_id', 'app_ids', 'env_id', 'env_name', 'group_id',
  'group_name', 'publish_ids', 'remark', 'roma_app_id', 'sign_id', 'strategy_id', 'throttle_id', 'version_id',
  'visit_param', 'visit_params', 'name', 'mode', 'scheme', 'method', 'path', 'query', 'header', 'body',
  'app_key', 'app_secret', 'stage', 'acl_ids', 'throttle_binding_ids', 'bind_ids', 'duration', 'type',
]; // prettier-ignore
const QUERY = [
  'offset', 'limit', 'action', 'api_id', 'env_id', 'group_id', 'throttle_id', 'sign_id', 'acl_id', 'app_id',
  'name', 'precise_search', 'duration', 'object_type', 'status', 'version_id', 'roma_app_id', 'id',
]; // prettier-ignore
const NASTY = [
  '',
  ' ',
  '-1',
  '0',
  '501',
  '1e999',
  'NaN',
  '%',
  '%zz',
  '..',
  '\u0000',
  '💥',
  'a'.repeat(3000),
  'null',
  '[]',
];

describe('fuzzed requests', () => {
  it('never answer 500 or hang, and always answer in the ROMA envelope', async () => {
    const rnd = prng(0x5eed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const str = (): string => (rnd() < 0.5 ? pick(ids) : pick(NASTY));
    // Header values travel as bytes: UTF-8 seen as Latin-1, minus what fetch itself refuses (NUL, CR, LF).
    const hdr = (): string =>
      Buffer.from(str())
        .toString('latin1')
        .replace(/[\0\r\n]/g, '');
    const value = (depth: number): unknown => {
      const r = rnd();
      if (r < 0.25) return str();
      if (r < 0.35) return pick([0, -1, 1.5, 1e308, 2 ** 53 + 1]);
      if (r < 0.42) return pick([true, false, null]);
      if (r < 0.62)
        return Array.from({ length: Math.floor(rnd() * 3) }, () => (depth > 2 ? str() : value(depth + 1)));
      if (r < 0.75 && depth < 3) return object(depth + 1);
      return pick(ids);
    };
    const object = (depth: number): Record<string, unknown> =>
      Object.fromEntries(Array.from({ length: Math.floor(rnd() * 6) }, () => [pick(FIELDS), value(depth)]));
    const body = (): string | undefined => {
      const r = rnd();
      if (r < 0.15) return undefined;
      if (r < 0.22) return pick(['{', '{"a":', 'nul', '\u0000', '[1,', '"\\ud800"']);
      if (r < 0.3) return JSON.stringify(value(2));
      return JSON.stringify(object(0));
    };
    const problems: string[] = [];
    for (let i = 0; i < 350; i++) {
      const r = pick(ALL_ROUTES);
      const rel = r.path.replace(/\{[a-z_]+\}/g, () => encodeURIComponent(str()));
      const base = r.scope === 'instance' ? `/v2/${em.projectId}/apic/instances/${em.instances[0]}` : '';
      const target = rnd();
      // Some go to the unauthenticated IAM token endpoint, some to a path no route has.
      const path =
        target < 0.08
          ? '/v3/auth/tokens'
          : target < 0.13
            ? '/' + encodeURIComponent(str()) + rel
            : base + rel;
      const qs = Array.from(
        { length: Math.floor(rnd() * 4) },
        () => `${pick(QUERY)}=${encodeURIComponent(str())}`,
      );
      const url = em.endpoint + path + (qs.length ? '?' + qs.join('&') : '');
      const method =
        target < 0.08 ? 'POST' : rnd() < 0.9 ? r.method : pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);
      const text = method === 'GET' ? undefined : body();
      const headers: Record<string, string> =
        text === undefined ? {} : { 'Content-Type': 'application/json' };
      const signed = rnd() < 0.85;
      if (signed) Object.assign(headers, signRequest({ method, url, headers, body: text }, { ak: em.ak, sk: em.sk }));
      else
        Object.assign(headers, pick([
          { Authorization: 'SDK-HMAC-SHA256 ' + hdr() },
          { Authorization: `SDK-HMAC-SHA256 Access=${em.ak}, SignedHeaders=x-sdk-date;${hdr()}, Signature=${'0'.repeat(64)}`, 'X-Sdk-Date': hdr() },
          { 'X-Auth-Token': hdr() || 'x' },
          { Authorization: hdr() || 'Basic' },
        ])); // prettier-ignore
      const res = await fetch(url, {
        method,
        headers,
        ...(text === undefined ? {} : { body: text }),
        signal: AbortSignal.timeout(10_000),
      });
      const answer = await res.text();
      const where = `${method} ${path.slice(0, 120)} → ${res.status}`;
      if (res.status >= 500) problems.push(`${where} ${answer.slice(0, 200)}`);
      if (res.status >= 400) {
        try {
          const o = JSON.parse(answer) as { error_code?: unknown };
          if (typeof o.error_code !== 'string') problems.push(`${where}: no error_code`);
        } catch {
          problems.push(`${where}: error body is not JSON: ${answer.slice(0, 80)}`);
        }
      }
    }
    assert.deepEqual(problems, []);
    // The server still answers normally afterwards.
    const url = `${em.endpoint}/v2/${em.projectId}/apic/instances/${em.instances[0]}/envs`;
    const res = await fetch(url, { headers: signRequest({ method: 'GET', url }, { ak: em.ak, sk: em.sk }) });
    assert.equal(res.status, 200);
  });
});
