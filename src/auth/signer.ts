// SDK-HMAC-SHA256 request signing, as Huawei Cloud's official SDKs do it (see shared/reference/SIGNING.md).
// Shared by the client (signing) and the emulator (verifying), so both build the canonical request the same way.
import { createHash, createHmac } from 'node:crypto';

export const SIGN_ALGORITHM = 'SDK-HMAC-SHA256';
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface SigningCredentials {
  ak: string;
  sk: string;
  /** Temporary (STS) credentials carry a security token that is sent and signed along. */
  securityToken?: string;
  projectId?: string;
}

/** RFC 3986 encoding over UTF-8: only A-Z a-z 0-9 - _ . ~ stay literal; space is %20, never '+'. */
export function encodeRfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Canonical URI: each segment decoded then re-encoded, with a trailing '/' appended when missing. */
export function canonicalUri(rawPath: string): string {
  const encoded = rawPath
    .split('/')
    .map((seg) => encodeRfc3986(safeDecode(seg)))
    .join('/');
  return encoded.endsWith('/') ? encoded : encoded + '/';
}

/** Canonical query: keys sorted by code unit, values of a repeated key sorted, `k=v` joined by '&'. */
export function canonicalQuery(pairs: ReadonlyArray<readonly [string, string]>): string {
  const byKey = new Map<string, string[]>();
  for (const [k, v] of pairs) {
    const list = byKey.get(k) ?? [];
    list.push(v);
    byKey.set(k, list);
  }
  const keys = [...byKey.keys()].sort(compareCodeUnits);
  const out: string[] = [];
  for (const k of keys) {
    for (const v of (byKey.get(k) ?? []).sort(compareCodeUnits))
      out.push(`${encodeRfc3986(k)}=${encodeRfc3986(v)}`);
  }
  return out.join('&');
}

/** Parses a raw query string (without '?') into decoded pairs; '+' is kept literal as SDKs never send it for space. */
export function parseRawQuery(raw: string): Array<[string, string]> {
  if (!raw) return [];
  return raw
    .split('&')
    .filter((p) => p.length > 0)
    .map((p) => {
      const i = p.indexOf('=');
      return i < 0 ? [safeDecode(p), ''] : [safeDecode(p.slice(0, i)), safeDecode(p.slice(i + 1))];
    });
}

/** The wire query string, encoded exactly as it is signed. */
export function buildQueryString(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`).join('&');
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface CanonicalRequestInput {
  method: string;
  /** The request path as sent (percent-encoded or not). */
  path: string;
  query: ReadonlyArray<readonly [string, string]>;
  /** Header values by lower-case name; only the signed ones are read. */
  headers: Readonly<Record<string, string | undefined>>;
  signedHeaders: readonly string[];
  bodySha256: string;
}

export function canonicalRequest(r: CanonicalRequestInput): string {
  const signed = r.signedHeaders.map((h) => h.toLowerCase());
  const headerLines = signed.map((h) => `${h}:${(r.headers[h] ?? '').trim()}\n`).join('');
  return [
    r.method.toUpperCase(),
    canonicalUri(r.path),
    canonicalQuery(r.query),
    headerLines,
    signed.join(';'),
    r.bodySha256,
  ].join('\n');
}

export function stringToSign(sdkDate: string, canonical: string): string {
  return `${SIGN_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
}

export function hmacSignature(sk: string, toSign: string): string {
  return createHmac('sha256', Buffer.from(sk, 'utf8')).update(toSign).digest('hex');
}

/** `YYYYMMDDTHHMMSSZ` in UTC. */
export function formatSdkDate(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function authorizationHeader(ak: string, signedHeaders: readonly string[], sig: string): string {
  return `${SIGN_ALGORITHM} Access=${ak}, SignedHeaders=${signedHeaders.join(';')}, Signature=${sig}`;
}

export interface SignInput {
  method: string;
  url: string;
  /** Headers already on the request (any case). Content-Type is signed when present. */
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/**
 * Signs a request like the Node.js SDK: signs content-type (when set), host, x-project-id (when a project
 * id is given), x-sdk-date and x-security-token (temporary credentials). Returns the headers to add.
 */
export function signRequest(
  input: SignInput,
  cred: SigningCredentials,
  now: Date = new Date(),
): Record<string, string> {
  const url = new URL(input.url);
  const date = formatSdkDate(now);
  const lower: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.headers ?? {})) lower[k.toLowerCase()] = v;
  const add: Record<string, string> = { 'X-Sdk-Date': date };
  lower['x-sdk-date'] = date;
  lower['host'] = url.host;
  if (cred.projectId) {
    add['X-Project-Id'] = cred.projectId;
    lower['x-project-id'] = cred.projectId;
  }
  if (cred.securityToken) {
    add['X-Security-Token'] = cred.securityToken;
    lower['x-security-token'] = cred.securityToken;
  }
  const signed = ['host', 'x-sdk-date'];
  if (lower['content-type'] !== undefined) signed.push('content-type');
  if (cred.projectId) signed.push('x-project-id');
  if (cred.securityToken) signed.push('x-security-token');
  signed.sort();
  const body = input.body ?? '';
  const bodySha256 = lower['x-sdk-content-sha256'] ?? sha256Hex(body);
  const canonical = canonicalRequest({
    method: input.method,
    path: url.pathname,
    query: parseRawQuery(url.search.slice(1)),
    headers: lower,
    signedHeaders: signed,
    bodySha256,
  });
  add['Authorization'] = authorizationHeader(
    cred.ak,
    signed,
    hmacSignature(cred.sk, stringToSign(date, canonical)),
  );
  return add;
}
