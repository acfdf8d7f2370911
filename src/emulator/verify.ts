// Server-side verification of SDK-HMAC-SHA256 signatures, following shared/reference/SIGNING.md
// "Verifying on a server". The canonical request is rebuilt with the same building blocks the client
// signs with, but from what was received: the client's own SignedHeaders, the raw path and query, and
// the raw body bytes (never re-serialised JSON).
import { timingSafeEqual } from 'node:crypto';
import { canonicalRequest, hmacSignature, parseRawQuery, sha256Hex, stringToSign } from '../auth/signer.ts';

export const AKSK_ERROR_CODE = 'APIC.0301';
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface VerifyInput {
  method: string;
  /** Path and query exactly as received (req.url). */
  rawUrl: string;
  /** Header values by lower-case name. */
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
  /** The `{project_id}` of the path, when the route has one. */
  pathProjectId?: string;
}

export interface AkSecret {
  sk: string;
  /** Present for temporary (STS) credentials: the request must carry and sign this token. */
  securityToken?: string;
}

export type VerifyResult =
  { ok: true; ak: string } | { ok: false; status: 401; error_code: string; error_msg: string };

const AUTH_RE = /^SDK-HMAC-SHA256\s+Access=([^,]+),\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]{64})$/;
const SDK_DATE_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function fail(reason: string): VerifyResult {
  return {
    ok: false,
    status: 401,
    error_code: AKSK_ERROR_CODE,
    error_msg: `Incorrect IAM authentication information: ${reason}`,
  };
}

/** Parses `YYYYMMDDTHHMMSSZ`; undefined when malformed or not a real calendar time. */
export function parseSdkDate(s: string): number | undefined {
  const m = SDK_DATE_RE.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, se);
  const back = new Date(ms);
  // Date.UTC rolls 2024-02-31 over to March; a real SDK never sends that, so refuse it.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h) return undefined;
  if (back.getUTCMinutes() !== mi || back.getUTCSeconds() !== se) return undefined;
  return ms;
}

function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  // timingSafeEqual needs equal lengths; comparing a against itself keeps the timing flat.
  if (ba.length !== bb.length) {
    timingSafeEqual(ba, ba);
    return false;
  }
  return timingSafeEqual(ba, bb);
}

export function verifyAkSk(
  input: VerifyInput,
  lookupSecret: (ak: string) => AkSecret | undefined,
  nowMs: number,
): VerifyResult {
  const h = input.headers;
  const authorization = h['authorization'];
  if (!authorization) return fail('verify aksk signature fail, missing Authorization header');
  const m = AUTH_RE.exec(authorization.trim());
  if (!m) return fail('verify aksk signature fail, malformed Authorization header');
  const ak = m[1]!.trim();
  const signedHeaders = m[2]!
    .trim()
    .split(';')
    .map((s) => s.trim().toLowerCase());
  const signature = m[3]!;

  if (signedHeaders.some((s) => s === '')) return fail('verify aksk signature fail, malformed SignedHeaders');
  for (const name of signedHeaders) {
    // Strict as an emulator: a header listed as signed must have been sent.
    if (h[name] === undefined) return fail(`verify aksk signature fail, signed header ${name} is missing`);
  }

  const sdkDate = h['x-sdk-date'];
  if (!sdkDate) return fail('verify aksk signature fail, missing X-Sdk-Date header');
  const dateMs = parseSdkDate(sdkDate.trim());
  if (dateMs === undefined)
    return fail('verify aksk signature fail, malformed X-Sdk-Date (want YYYYMMDDTHHMMSSZ)');
  if (Math.abs(nowMs - dateMs) > MAX_CLOCK_SKEW_MS)
    return fail('verify aksk signature fail, X-Sdk-Date is more than 15 minutes off the server clock');

  const headerProject = h['x-project-id'];
  if (
    headerProject !== undefined &&
    input.pathProjectId !== undefined &&
    headerProject.trim() !== input.pathProjectId
  )
    return fail('verify aksk signature fail, X-Project-Id does not match the project in the path');

  const secret = lookupSecret(ak);
  if (!secret) return fail('verify aksk signature fail, unknown access key');

  const sentToken = h['x-security-token'];
  if (secret.securityToken !== undefined) {
    if (sentToken === undefined)
      return fail('verify aksk signature fail, temporary access key requires X-Security-Token');
    if (!signedHeaders.includes('x-security-token'))
      return fail('verify aksk signature fail, X-Security-Token must be signed');
    if (!safeEqual(sentToken.trim(), secret.securityToken))
      return fail('verify aksk signature fail, X-Security-Token does not belong to this access key');
  } else if (sentToken !== undefined) {
    // A permanent key never comes with a security token; accepting one would hide a client mix-up.
    return fail('verify aksk signature fail, X-Security-Token sent with a permanent access key');
  }

  const q = input.rawUrl.indexOf('?');
  const path = q < 0 ? input.rawUrl : input.rawUrl.slice(0, q);
  const rawQuery = q < 0 ? '' : input.rawUrl.slice(q + 1);
  // X-Sdk-Content-Sha256 stands in for the body hash (SIGNING.md step 6). Strict as an emulator: beside
  // UNSIGNED-PAYLOAD it must be the hash of the body actually received, or a signed request could carry
  // a body nobody signed.
  const declared = h['x-sdk-content-sha256']?.trim();
  const actual = sha256Hex(input.rawBody);
  if (declared && declared !== 'UNSIGNED-PAYLOAD' && !safeEqual(declared.toLowerCase(), actual))
    return fail('verify aksk signature fail, X-Sdk-Content-Sha256 does not match the body');
  const bodySha256 = declared || actual;

  const canonical = canonicalRequest({
    method: input.method,
    path,
    query: parseRawQuery(rawQuery),
    headers: h,
    signedHeaders,
    bodySha256,
  });
  const expected = hmacSignature(secret.sk, stringToSign(sdkDate.trim(), canonical));
  if (!safeEqual(expected, signature)) return fail('verify aksk signature fail, signature does not match');
  return { ok: true, ak };
}
