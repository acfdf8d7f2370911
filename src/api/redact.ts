// Secrets never reach logs, errors or --log-file: known secret values and secret-bearing headers are masked.

const SECRET_HEADERS = new Set(['authorization', 'x-auth-token', 'x-security-token', 'x-subject-token']);

export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    // Very short values would mask unrelated text; real AK/SK/tokens are long.
    if (s && s.length >= 6) out = out.split(s).join('***');
  }
  return out;
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? '***' : v;
  return out;
}

/** Masks the values of secret-looking keys in a JSON-able value (password, sk, token, secret). */
export function redactObject(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactObject);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = /password|secret|token|^sk$|securitytoken/i.test(k) ? '***' : redactObject(v);
    }
    return out;
  }
  return value;
}
