// Secrets never reach logs, errors, --log-file, the screen or the debug history. Two ways of masking:
// by VALUE (the session's known AK/SK/tokens, wherever they appear) and by NAME (a header, query
// parameter, form field or JSON member whose name says it holds a credential). `isSecretName` is the
// one rule for names, used by the JSON view, the masked curl and the debug history alike.

export const MASK = '***';

// Whole words (after splitting snake_case, kebab-case and camelCase) that name a credential.
const SECRET_WORDS = new Set([
  'sk',
  'pwd',
  'passphrase',
  'cookie',
  'authorization',
  'session',
  'appcode',
  'apikey',
]);
// Inside a word too: clientsecret, securitytoken, accesstoken, password, passwd, credentials.
const SECRET_PART = /secret|passw|token|credential/;
// `…_key` is a credential after these words (x-api-key, private_key, X-Auth-Key), not after others:
// app_key and sign_key name the app or the key pair and stay visible.
const KEY_OWNERS = new Set(['api', 'auth', 'private', 'secret']);

function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Whether a header, query parameter, form field or JSON member of this name holds a credential.
 * Errs towards masking (a retyped value) over leaking; `auth_type` or `authorizer_id` are not secrets.
 */
export function isSecretName(name: string): boolean {
  const w = nameWords(name);
  if (w.some((x) => SECRET_WORDS.has(x) || SECRET_PART.test(x))) return true;
  const last = w[w.length - 1];
  const before = w[w.length - 2];
  if (before === undefined) return false;
  return (last === 'key' && KEY_OWNERS.has(before)) || (last === 'code' && before === 'app');
}

export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    // Very short values would mask unrelated text; real AK/SK/tokens are long.
    if (s && s.length >= 6) out = out.split(s).join(MASK);
  }
  return out;
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = isSecretName(k) ? MASK : v;
  return out;
}

/** Masks the values of secret-named members at any depth of a JSON-able value. */
export function redactObject(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactObject);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = isSecretName(k) ? MASK : redactObject(v);
    return out;
  }
  return value;
}

/** Masks the values of secret-named entries of `{ name: [values] }` (debug request headers and query). */
export function redactNamedValues(query: Readonly<Record<string, string[]>>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(query).map(([k, vs]) => [k, isSecretName(k) ? vs.map(() => MASK) : vs]),
  );
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

function unescapeJsonString(quoted: string): string {
  try {
    return String(JSON.parse(quoted));
  } catch {
    return quoted.slice(1, -1);
  }
}

// `Name: value` header lines (raw HTTP messages, one per line).
const HEADER_LINE = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)(:[ \t]*)(.*?)(\r?)$/gm;
// `"name": value` JSON members with a scalar value, also in a JSON text that was cut short.
const JSON_MEMBER = /("((?:[^"\\\n]|\\.)*)"\s*:\s*)("(?:[^"\\\n]|\\.)*"|-?\d[\d.eE+-]*|true|false|null)/g;
// `name=value` pairs of a query string or a form body.
const PAIR = /(^|[?&;])([^=&;?#\s"'<>]+)=([^&;#\s"'<>]*)/gm;

/**
 * Masks, by name, the credentials in a text: a JSON document (any depth), JSON members of a text
 * that is not whole JSON (a cut body), `Name: value` header lines, and `name=value` query or form
 * pairs. Text without a secret-named part comes back unchanged (formatting kept).
 */
export function redactByName(text: string): string {
  const whole = redactJsonDocument(text);
  if (whole !== undefined) return whole;
  return text
    .replace(HEADER_LINE, (line, name: string, sep: string, _v: string, cr: string) =>
      isSecretName(name) ? `${name}${sep}${MASK}${cr}` : line,
    )
    .replace(JSON_MEMBER, (m, head: string, name: string) =>
      isSecretName(unescapeJsonString(`"${name}"`)) ? `${head}"${MASK}"` : m,
    )
    .replace(PAIR, (m, lead: string, name: string) =>
      isSecretName(safeDecode(name)) ? `${lead}${name}=${MASK}` : m,
    );
}

/** The whole text as a JSON document with secret-named members masked; undefined if it is not JSON. */
function redactJsonDocument(text: string): string | undefined {
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(t);
  } catch {
    return undefined;
  }
  const masked = redactObject(parsed);
  if (JSON.stringify(masked) === JSON.stringify(parsed)) return text;
  // Keep the document's look: members are masked in place where they are scalars.
  const inPlace = text.replace(JSON_MEMBER, (m, head: string, name: string) =>
    isSecretName(unescapeJsonString(`"${name}"`)) ? `${head}"${MASK}"` : m,
  );
  try {
    if (JSON.stringify(JSON.parse(inPlace)) === JSON.stringify(masked)) return inPlace;
  } catch {
    // fall through: re-serialise
  }
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? (text.includes('\n') ? 2 : undefined);
  return JSON.stringify(masked, null, indent);
}

/**
 * The values `redactByName` would mask in a text (JSON members, header lines, query/form pairs), so a
 * copy echoed elsewhere (an echo backend returning the body as an escaped string) can be scrubbed too.
 */
export function secretValuesByName(text: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (isSecretName(k) && (typeof x === 'string' || typeof x === 'number')) out.push(String(x));
        else walk(x);
      }
  };
  try {
    walk(JSON.parse(text));
  } catch {
    // not a whole JSON document: the patterns below still find members and pairs
  }
  for (const m of text.matchAll(HEADER_LINE)) if (isSecretName(m[1] ?? '')) out.push(m[3] ?? '');
  for (const m of text.matchAll(JSON_MEMBER))
    if (isSecretName(unescapeJsonString(`"${m[2] ?? ''}"`))) out.push(unescapeJsonString(m[3] ?? ''));
  for (const m of text.matchAll(PAIR))
    if (isSecretName(safeDecode(m[2] ?? ''))) out.push(safeDecode(m[3] ?? ''));
  return [...new Set(out)].filter((v) => v !== '' && v !== MASK);
}
