// The documented quirks of the reference, normalised in one place (APIC-CORE.md C4, C13).

/**
 * RFC 3339 timestamps arrive with 0, 6 or 9 fraction digits (and in the reference's examples as
 * `2020-07-31T06:55:55Z.866474185Z` or `22020-08-04T…`). Returns a Date, or undefined when unparseable.
 */
export function parseTimestamp(value: unknown): Date | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Unix seconds (instances, metrics); milliseconds when clearly too large to be seconds.
    return new Date(value > 1e11 ? value : value * 1000);
  }
  if (typeof value !== 'string') return undefined;
  // 4.2.2's `2020-07-31T06:55:55Z.866474185Z`: a zone letter before the fraction; the instant is plain.
  const text = value.trim().replace(/^(.*\d)Z(\.\d+Z)$/, '$1$2');
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    text,
  );
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac = '', zone = 'Z'] = m;
  const ms = frac.padEnd(3, '0').slice(0, 3);
  const z = zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${z}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Canonical ISO string when parseable; the original text otherwise (shown as is, never a crash). */
export function normalizeTimestamp(value: string): string {
  const canonical = canonicalUtc(value);
  if (canonical !== undefined) return canonical;
  const d = parseTimestamp(value);
  return d ? d.toISOString() : value;
}

/** The `n` digits of `v` at `at` as a number; -1 when one of them is not a digit 0-9. */
function digitsAt(v: string, at: number, n: number): number {
  let x = 0;
  for (let i = at; i < at + n; i++) {
    const c = v.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    x = x * 10 + c;
  }
  return x;
}

/** The character codes of `-`, `:`, `.`, `T` and `Z`. */
const DASH = 45;
const COLON = 58;
const DOT = 46;
const T = 84;
const Z = 90;

/**
 * What `toISOString()` of the parsed value would give, without building a Date, for the common forms
 * `2024-04-28T02:00:00Z` and `2024-04-28T02:00:00.000Z` (a page of 500 APIs holds a thousand of them).
 * Only fields whose value can neither roll over nor be refused qualify (day ≤ 28, hour ≤ 23); the rest
 * take the full parse. Read character by character: a regular expression's match array and captures
 * were most of what a page's timestamps allocated.
 */
function canonicalUtc(value: string): string | undefined {
  const len = value.length;
  const withMs = len === 24;
  if (len !== 20 && !withMs) return undefined;
  const punctuation =
    value.charCodeAt(4) === DASH &&
    value.charCodeAt(7) === DASH &&
    value.charCodeAt(10) === T &&
    value.charCodeAt(13) === COLON &&
    value.charCodeAt(16) === COLON &&
    value.charCodeAt(len - 1) === Z &&
    (!withMs || value.charCodeAt(19) === DOT);
  if (!punctuation || digitsAt(value, 0, 4) < 0 || (withMs && digitsAt(value, 20, 3) < 0)) return undefined;
  const mo = digitsAt(value, 5, 2);
  const d = digitsAt(value, 8, 2);
  const h = digitsAt(value, 11, 2);
  const mi = digitsAt(value, 14, 2);
  const s = digitsAt(value, 17, 2);
  const inRange =
    mo >= 1 && mo <= 12 && d >= 1 && d <= 28 && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59;
  if (!inRange) return undefined;
  // join, not `+` or a template: those give a rope over a slice of `value` (it and the raw text
  // stay alive with the row: 112 bytes a timestamp instead of 48, two per row of a list).
  return withMs ? value : [value.slice(0, 19), '.000Z'].join('');
}

const TIME_FIELDS = [
  'register_time',
  'update_time',
  'create_time',
  'apply_time',
  'binding_time',
  'bind_time',
  'auth_time',
  'publish_time',
];

type Obj = Record<string, unknown>;

function normalizeTimes(o: Obj): void {
  for (const f of TIME_FIELDS) {
    const v = o[f];
    if (typeof v === 'string') o[f] = normalizeTimestamp(v);
  }
}

/** `auth_opt.auth_code_auth_type` (examples) → `app_code_auth_type` (table); an array (4.3.10) → its first item. */
export function normalizeApi(o: Obj): Obj {
  normalizeTimes(o);
  let opt = o.auth_opt;
  if (Array.isArray(opt)) opt = opt[0];
  if (opt && typeof opt === 'object') {
    const a = opt as Obj;
    // A copy only when the alias is added (the object may be the caller's).
    o.auth_opt =
      a.app_code_auth_type === undefined && a.auth_code_auth_type !== undefined
        ? { ...a, app_code_auth_type: a.auth_code_auth_type }
        : a;
  } else if (opt !== undefined) {
    delete o.auth_opt;
  }
  return o;
}

/** `is_includ_special_throttle` (4.7.5 table) / `is_inclu_speci al_throttle` (PDF wrap) → `is_inclu_special_throttle`. */
export function normalizeThrottle(o: Obj): Obj {
  normalizeTimes(o);
  if (o.is_inclu_special_throttle === undefined) {
    for (const k of [
      'is_includ_special_throttle',
      'is_inclu_speci al_throttle',
      'is_include_special_throttle',
    ]) {
      if (o[k] !== undefined) {
        o.is_inclu_special_throttle = o[k];
        break;
      }
    }
  }
  // Integer 1/2 in the tables (C6); a server sending a boolean means the same thing.
  if (typeof o.is_inclu_special_throttle === 'boolean')
    o.is_inclu_special_throttle = o.is_inclu_special_throttle ? 1 : 2;
  // 4.7.1's request table says `app_calls`; every answer says `app_call_limits`.
  if (o.app_call_limits === undefined && o.app_calls !== undefined) o.app_call_limits = o.app_calls;
  // A String "TRUE"/"FALSE" on the wire (C6), not a boolean; accept either, and any letter case.
  if (typeof o.enable_adaptive_control === 'boolean')
    o.enable_adaptive_control = o.enable_adaptive_control ? 'TRUE' : 'FALSE';
  else if (typeof o.enable_adaptive_control === 'string')
    o.enable_adaptive_control = o.enable_adaptive_control.toUpperCase();
  return o;
}

/** Authorizer cache time: `ttl` (bodies, examples) vs `ttn` (4.20.4) vs `ttd` (4.20.5) → `ttl`. */
export function normalizeAuthorizer(o: Obj): Obj {
  normalizeTimes(o);
  if (o.ttl === undefined) o.ttl = o.ttn ?? o.ttd;
  if (o.ttl === undefined) delete o.ttl;
  return o;
}

/** Instance: `create_time` Unix seconds (may come as a numeric string); list rows call the name `name`. */
export function normalizeInstance(o: Obj): Obj {
  if (typeof o.create_time === 'string' && /^\d+$/.test(o.create_time)) o.create_time = Number(o.create_time);
  if (o.instance_name === undefined && typeof o.name === 'string') o.instance_name = o.name;
  return o;
}

/** Environment create (4.4.1) answers `env_id` instead of `id`. */
export function normalizeEnv(o: Obj): Obj {
  normalizeTimes(o);
  if (o.id === undefined && o.env_id !== undefined) o.id = o.env_id;
  return o;
}

/** 4.3.8 `latency` is typed String, examples show a number; "12ms" → 12. */
export function normalizeDebug(o: Obj): Obj {
  if (typeof o.latency === 'string') {
    const n = parseFloat(o.latency);
    if (Number.isFinite(n)) o.latency = n;
    else delete o.latency;
  }
  return o;
}

export function normalizeGeneric(o: Obj): Obj {
  normalizeTimes(o);
  return o;
}
