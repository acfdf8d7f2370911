/* eslint-disable @typescript-eslint/no-explicit-any -- JSON wire bodies are checked field by field by the assertions */
// Over HTTP: debug (mock, HTTP echo backend, CONSUMER rules), metrics, fault modes, stats, persistence,
// the scale seed, the hostile seed and the `emulator` command's JSON line.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { runEmulatorCommand, startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { HOSTILE_STRINGS } from '../../src/emulator/hostile-strings.ts';
import { call, instPath } from './support.ts';

let h: EmulatorHandle;
before(async () => {
  h = await startEmulator({ seed: 'demo' });
});
after(() => h.close());

async function findApi(pred: (a: any) => boolean): Promise<any> {
  const list = await call(h, 'GET', instPath(h, '/apis?limit=500'));
  for (const a of list.body.apis) {
    if (!pred(a)) continue;
    const d = await call(h, 'GET', instPath(h, `/apis/${a.id}`));
    return d.body;
  }
  throw new Error('no such API in the seed');
}

const concrete = (uri: string): string => uri.replace(/\{[^}]+\}/g, 'demo-1');

describe('debug 4.3.8', () => {
  test('MOCK backend answers its configured body', async () => {
    const api = await findApi(
      (a) => a.backend_type === 'MOCK' && a.auth_type !== 'APP' && a.match_mode === 'NORMAL',
    );
    const r = await call(h, 'POST', instPath(h, `/apis/debug/${api.id}`), {
      mode: 'DEVELOPER',
      scheme: 'HTTPS',
      method: api.req_method,
      path: concrete(api.req_uri),
    });
    assert.equal(r.status, 200);
    assert.match(r.body.request, new RegExp(`^${api.req_method} `));
    assert.match(r.body.response, /^HTTP\/1\.1 200/);
    assert.ok(r.body.response.includes(api.mock_info.result_content));
    assert.equal(typeof r.body.log, 'string');
  });

  test('HTTP backend really calls the loopback echo service', async () => {
    const api = await findApi(
      (a) =>
        a.backend_type === 'HTTP' &&
        a.auth_type !== 'APP' &&
        a.req_method === 'GET' &&
        a.match_mode === 'NORMAL',
    );
    assert.ok(api.backend_api.url_domain === '' || h.echoBackend.includes(api.backend_api.url_domain));
    const r = await call(h, 'POST', instPath(h, `/apis/debug/${api.id}`), {
      mode: 'DEVELOPER',
      scheme: 'HTTPS',
      method: 'GET',
      path: concrete(api.req_uri),
      query: { probe: ['xyz123'] },
    });
    assert.equal(r.status, 200);
    assert.ok(r.body.response.includes('xyz123'), 'the echo reflects the query');
  });

  test('CONSUMER mode needs the API published in the stage; unknown API → 404; bad mode → 400', async () => {
    const api = await findApi(
      (a) => a.publish_id === '' && a.auth_type === 'NONE' && a.match_mode === 'NORMAL',
    );
    const r = await call(h, 'POST', instPath(h, `/apis/debug/${api.id}`), {
      mode: 'CONSUMER',
      scheme: 'HTTPS',
      method: api.req_method,
      path: concrete(api.req_uri),
    });
    assert.equal(r.status, 200);
    assert.match(r.body.response, /^HTTP\/1\.1 404/);
    const nf = await call(h, 'POST', instPath(h, `/apis/debug/${'0'.repeat(32)}`), {
      mode: 'DEVELOPER',
      scheme: 'HTTPS',
      method: 'GET',
      path: '/x',
    });
    assert.equal(nf.body.error_code, 'APIG.3002');
    const bad = await call(h, 'POST', instPath(h, `/apis/debug/${api.id}`), {
      mode: 'PLAY',
      scheme: 'HTTPS',
      method: 'GET',
      path: '/x',
    });
    assert.equal(bad.status, 400);
  });
});

describe('metrics 4.21', () => {
  test('recent API statistics; bad duration → 400; unknown API → 404', async () => {
    const api = (await call(h, 'GET', instPath(h, '/apis?limit=1'))).body.apis[0];
    const a = await call(h, 'GET', instPath(h, `/statistics/api/latest?api_id=${api.id}&duration=30m`));
    assert.equal(a.status, 200);
    assert.equal(a.body.code, 'APIG.0000');
    assert.ok(Array.isArray(a.body.list));
    assert.equal(
      (await call(h, 'GET', instPath(h, `/statistics/api/latest?api_id=${api.id}&duration=2h`))).status,
      400,
    );
    assert.equal(
      (await call(h, 'GET', instPath(h, `/statistics/api/latest?api_id=${'0'.repeat(32)}&duration=1h`))).body
        .error_code,
      'APIG.3002',
    );
    const inst = await call(h, 'GET', instPath(h, '/statistics/api?mode=INSTANCE&cycle=minute&duration=1h'));
    assert.equal(inst.status, 200);
  });
});

describe('faults', () => {
  test('5xx, 429 with Retry-After, malformed JSON, reset, latency; off again restores', async () => {
    try {
      h.setFaults('5xx=1');
      const a = await call(h, 'GET', instPath(h, '/envs'));
      assert.ok(a.status === 500 || a.status === 503);
      h.setFaults('429=1:7');
      const b = await call(h, 'GET', instPath(h, '/envs'));
      assert.equal(b.status, 429);
      assert.equal(b.headers.get('retry-after'), '7');
      h.setFaults('malformed=1');
      const c = await call(h, 'GET', instPath(h, '/envs'));
      assert.equal(c.status, 200);
      assert.throws(() => JSON.parse(c.text));
      h.setFaults('reset=1');
      await assert.rejects(call(h, 'GET', instPath(h, '/envs')));
      h.setFaults('slow=1:50');
      const s = await call(h, 'GET', instPath(h, '/envs'));
      assert.equal(s.body.total, 3);
      h.setFaults('latency=30');
      const l = await call(h, 'GET', instPath(h, '/envs'));
      assert.equal(l.status, 200);
    } finally {
      h.setFaults(null);
    }
    assert.equal((await call(h, 'GET', instPath(h, '/envs'))).status, 200);
  });

  test('a 5xx fault happens before the handler: no state change', async () => {
    const api = (await call(h, 'GET', instPath(h, '/apis?limit=500'))).body.apis.find(
      (a: any) => a.publish_id === '',
    );
    h.setFaults('5xx=1');
    try {
      const r = await call(h, 'POST', instPath(h, '/apis/action'), {
        action: 'online',
        api_id: api.id,
        env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID',
      });
      assert.ok(r.status >= 500);
    } finally {
      h.setFaults(null);
    }
    assert.equal((await call(h, 'GET', instPath(h, `/apis/${api.id}`))).body.publish_id, '');
  });
});

describe('stats, persistence, seeds, command', () => {
  test('stats count requests by method', async () => {
    const before = h.stats.byMethod['POST'] ?? 0;
    await call(h, 'POST', instPath(h, '/api-groups/check'), { group_name: 'stats_probe_name' });
    assert.equal(h.stats.byMethod['POST'], before + 1);
    assert.ok(h.stats.log.some((l) => l.path.endsWith('/api-groups/check') && l.status === 204));
  });

  test('--state persists atomically and reloads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roma-emu-'));
    const file = join(dir, 'state.json');
    try {
      const a = await startEmulator({ seed: 'demo', statePath: file });
      const api = (await call(a, 'GET', instPath(a, '/apis?limit=500'))).body.apis.find(
        (x: any) => x.publish_id === '',
      );
      const p = await call(a, 'POST', instPath(a, '/apis/action'), {
        action: 'online',
        api_id: api.id,
        env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID',
      });
      await a.close();
      assert.deepEqual(readdirSync(dir), ['state.json'], 'no temp file left behind');
      assert.ok(readFileSync(file, 'utf8').includes(p.body.publish_id));
      const b = await startEmulator({ statePath: file });
      try {
        assert.deepEqual(b.instances, a.instances);
        assert.equal(
          (await call(b, 'GET', instPath(b, `/apis/${api.id}`))).body.publish_id,
          p.body.publish_id,
        );
      } finally {
        await b.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('demo seed is deterministic', async () => {
    const other = await startEmulator({ seed: 'demo' });
    try {
      assert.deepEqual(other.instances, h.instances);
      const a = await call(h, 'GET', instPath(h, '/api-groups?limit=500'));
      const b = await call(other, 'GET', instPath(other, '/api-groups?limit=500'));
      assert.deepEqual(b.body, a.body);
    } finally {
      await other.close();
    }
  });

  test('scale seed pages 10,000 APIs', async () => {
    const s = await startEmulator({ seed: { scale: 10_000 } });
    try {
      const r = await call(s, 'GET', instPath(s, '/apis?offset=9900&limit=500'));
      assert.equal(r.body.total, 10_000);
      assert.equal(r.body.size, 100);
    } finally {
      await s.close();
    }
  });

  test('hostile seed carries HOSTILE_STRINGS in names', async () => {
    const s = await startEmulator({ seed: 'hostile' });
    try {
      const r = await call(s, 'GET', instPath(s, '/api-groups?limit=500'));
      assert.ok(r.body.groups.some((g: any) => HOSTILE_STRINGS.includes(g.name)));
    } finally {
      await s.close();
    }
  });

  test('runEmulatorCommand prints one JSON line and stops on SIGTERM', async () => {
    const script = `import { runEmulatorCommand } from ${JSON.stringify(new URL('../../src/emulator/index.ts', import.meta.url).pathname)};
process.exit(await runEmulatorCommand({ seed: 'empty' }));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (c: Buffer) => {
        buf += c.toString();
        const i = buf.indexOf('\n');
        if (i >= 0) resolve(buf.slice(0, i));
      });
      child.once('exit', () => reject(new Error('exited before printing')));
    });
    const info = JSON.parse(line);
    assert.match(info.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    for (const k of ['projectId', 'ak', 'sk', 'token']) assert.equal(typeof info[k], 'string');
    assert.deepEqual(info.instances, []);
    const r = await fetch(`${info.endpoint}/v2/${info.projectId}/instances`, {
      headers: { 'X-Auth-Token': info.token },
    });
    assert.equal(r.status, 200);
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    assert.equal(code, 0);
    void runEmulatorCommand;
  });
});
