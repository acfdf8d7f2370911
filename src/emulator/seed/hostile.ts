// The hostile seed: the demo data with names, remarks, mock bodies and identities replaced by strings from
// HOSTILE_STRINGS (control sequences, bidi, huge widths…), to prove the dashboard renders them inert.
// Ids, paths and relations are untouched so every route still works.
//
// On top of that, deterministic trouble the client must survive per record (see src/api/validate.ts):
// - fields of the wrong JSON type on a few records of each list (objects/arrays in names, numbers in
//   string fields, null in required fields, non-numeric strings in numeric fields);
// - hostile debug answers: MOCK bodies (raw text, JSON whose values decode to escapes, fake header
//   lines) and, on HTTP-backend APIs, constant header parameters the echo backend reflects. HTTP
//   headers cannot carry C0 controls (Node refuses them, as would any gateway), so those values
//   use the 8-bit C1 forms of the same sequences (CSI U+009B, OSC U+009D, ST U+009C), which are
//   legal obs-text in a header and dangerous in a terminal.
import { HOSTILE_STRINGS } from '../hostile-strings.ts';
import type { BackendParam } from '../model.ts';
import type { EmulatorState, InstanceStore } from '../state.ts';
import { seedDemo, type SeedOptions } from './demo.ts';
import { hostileLink } from './link.ts';
import { wrongTypesGatewayMore } from './hostile-more.ts';

const ESC = '\u001b';

/** Header names a backend can be sent: RFC 9110 tokens only, but long, spoofing or odd. */
export const HOSTILE_HEADER_NAMES = [
  'X-Hostile-%s%n%x',
  `X-${'W'.repeat(120)}`,
  'X-Apig-Mode',
  'x-UPPER_lower.dots~',
  "X-Quote'And`Tick|Pipe",
];

/** Header values: the hostile strings' escapes rewritten in their 8-bit forms (legal in HTTP). */
export const HOSTILE_HEADER_VALUES = [
  '\u009b31mred-header\u009b0m',
  '\u009d0;pwned title\u009cvalue',
  '\u009d52;c;cm0gLXJmIH4=\u009c',
  '\u0090dcs\u009c \u00ff\u00fe latin-1',
  '"; DROP TABLE apis; -- ${HOME} {{7*7}}',
  'v'.repeat(2_000),
];

/** MOCK bodies beyond the plain hostile strings. */
export const HOSTILE_MOCK_BODIES = [
  JSON.stringify({
    name: `${ESC}[31mjson-red${ESC}[0m`,
    title: `${ESC}]0;json title\u0007`,
    nested: { bidi: '\u202egnp.exe', family: '👩‍👩‍👧‍👦', lines: 'a\nb\r\nc' },
    list: [`${ESC}[2J`, '界'.repeat(300)],
  }),
  'HTTP/1.1 200 OK\r\nSet-Cookie: stolen=1\r\nX-Injected: yes\r\n\r\n<html>fake second response</html>',
  `{"truncated": "${'x'.repeat(50)}`,
];

type Loose = Record<string, unknown>;

/** Writes a value of the wrong JSON type into a typed record (that is the point of this seed). */
function poke(record: object, field: string, value: unknown): void {
  (record as Loose)[field] = value;
}

export function seedHostile(state: EmulatorState, o: SeedOptions): string[] {
  const ids = seedDemo(state, o);
  let i = 0;
  const next = (): string => HOSTILE_STRINGS[i++ % HOSTILE_STRINGS.length] ?? '';
  for (const inst of state.instances.values()) {
    inst.name = inst.instance_name = next();
    inst.description = next();
  }
  for (const store of state.stores.values()) {
    const d = store.data;
    for (const g of d.groups.values()) [g.name, g.remark] = [next(), next()];
    for (const a of d.apis.values()) {
      a.name = next();
      a.remark = next();
      a.result_normal_sample = next();
      for (const p of a.req_params) if (p.location === 'HEADER') p.name = next();
      if (a.mock_info) a.mock_info.result_content = next();
    }
    for (const v of d.versions.values()) v.remark = next();
    for (const e of d.envs.values()) e.remark = next();
    for (const t of d.throttles.values()) [t.name, t.remark] = [next(), next()];
    for (const s of d.signs.values()) s.name = next();
    for (const a of d.acls.values()) a.acl_name = next();
    for (const a of d.apps.values()) [a.name, a.remark] = [next(), next()];
    for (const v of d.vpcChannels.values()) v.name = next();
    for (const a of d.authorizers.values()) a.name = next();
    for (const v of d.envVariables.values()) v.variable_value = next();
    // Issue 14's families: names, remarks, certificate subjects, scripts and config values.
    for (const c of d.certificates.values()) [c.name, c.common_name, c.issuer] = [next(), next(), [next()]];
    for (const a of d.romaApps.values()) [a.name, a.remark, a.key] = [next(), next(), next()];
    for (const a of d.ldApis.values()) {
      [a.name, a.description] = [next(), next()];
      for (const sc of a.scripts) sc.content = Buffer.from(next(), 'utf8').toString('base64');
    }
    for (const q of d.appQuotas.values()) [q.name, q.remark] = [next(), next()];
    for (const c of d.appConfigs.values()) [c.config_name, c.config_value] = [next(), next()];
    for (const x of d.dictionaries.values()) [x.name, x.remark] = [next(), next()];
    for (const t of d.ldApiTests.values()) t.test_response = next();
    hostileDebugAnswers(store);
    wrongTypes(store);
    wrongTypesGatewayMore(store);
  }
  hostileLink(state, next);
  return ids;
}

/** MOCK bodies and reflected headers, in map order (deterministic). */
function hostileDebugAnswers(store: InstanceStore): void {
  let mocks = 0;
  let https = 0;
  for (const a of store.data.apis.values()) {
    // Debuggable without an app: the bodies go to MOCK APIs open to anyone.
    if (a.mock_info && a.auth_type === 'NONE') {
      const body = HOSTILE_MOCK_BODIES[mocks++];
      if (body !== undefined) a.mock_info.result_content = body;
    }
    if (a.backend_type === 'HTTP' && https++ % 3 === 0) {
      const k = https;
      const headers: BackendParam[] = HOSTILE_HEADER_NAMES.map((name, j) => ({
        id: `hostile${k}h${j}`,
        name,
        location: 'HEADER',
        origin: 'CONSTANT',
        value: HOSTILE_HEADER_VALUES[(k + j) % HOSTILE_HEADER_VALUES.length] ?? '',
      }));
      a.backend_params = [...a.backend_params, ...headers];
    }
  }
}

/** A few records of each family get fields of the wrong JSON type (the nth record, fixed). */
function wrongTypes(store: InstanceStore): void {
  const d = store.data;
  const nth = <T>(m: Map<string, T>, n: number): T | undefined => [...m.values()][n];
  const api = (n: number, field: string, value: unknown) => {
    const a = nth(d.apis, n);
    if (a) poke(a, field, value);
  };
  api(1, 'name', { zh: '对象名称', en: `${ESC}[31mobject-name${ESC}[0m` }); // object in a name
  api(2, 'remark', 12345); // number in a string field
  api(3, 'status', '1'); // numeric string in a numeric field (coerced)
  api(4, 'tags', 'core'); // string where an array is expected
  api(5, 'name', null); // null in a required field: the record cannot be listed
  api(6, 'type', 'public'); // non-numeric string in a numeric field
  api(7, 'name', ['array', 'name']); // array in a name
  const g = nth(d.groups, 1);
  if (g) {
    poke(g, 'name', 404);
    poke(g, 'remark', ['a', { b: 1 }]);
  }
  const t0 = nth(d.throttles, 0);
  if (t0) poke(t0, 'api_call_limits', 'unlimited');
  const t1 = nth(d.throttles, 1);
  if (t1) {
    poke(t1, 'time_interval', '60');
    poke(t1, 'name', 31337);
  }
  const t2 = nth(d.throttles, 2);
  if (t2) poke(t2, 'name', null);
  const app = nth(d.apps, 1);
  if (app) poke(app, 'name', ['app', 'as', 'array']);
  for (const e of d.envs.values()) if (e.name !== 'RELEASE') poke(e, 'remark', { nested: true });
  const acl = nth(d.acls, 0);
  if (acl) poke(acl, 'acl_name', 7);
  const sign = nth(d.signs, 0);
  if (sign) poke(sign, 'name', { name: 'object' });
}
