/* eslint-disable @typescript-eslint/no-explicit-any -- JSON wire bodies are checked field by field by the assertions */
// Test support for the emulator contract tests: a real emulator on loopback and signed fetch calls.
import { signRequest } from '../../src/auth/signer.ts';
import type { EmulatorHandle } from '../../src/emulator/index.ts';

export interface CallResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** Calls the emulator signed with the permanent AK/SK (SDK-HMAC-SHA256), like a client would. */
export async function call<T = any>(
  h: EmulatorHandle,
  method: string,
  pathAndQuery: string,
  body?: unknown,
  opts: { raw?: string; headers?: Record<string, string> } = {},
): Promise<CallResult<T>> {
  const url = h.endpoint + pathAndQuery;
  const text = opts.raw ?? (body === undefined ? '' : JSON.stringify(body));
  const headers: Record<string, string> = {
    ...(text ? { 'Content-Type': 'application/json' } : {}),
    ...opts.headers,
  };
  Object.assign(
    headers,
    signRequest({ method, url, headers, body: text }, { ak: h.ak, sk: h.sk, projectId: h.projectId }),
  );
  const res = await fetch(url, { method, headers, ...(text ? { body: text } : {}) });
  const resText = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = resText ? JSON.parse(resText) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text: resText };
}

export function instPath(h: EmulatorHandle, rest: string, instance = h.instances[0]): string {
  return `/v2/${h.projectId}/apic/instances/${instance}${rest}`;
}
