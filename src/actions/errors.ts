// Any failure of a mutation becomes an ActionError with a code and a hint. Reads RomaError's fields
// structurally (kind, status, errorCode, errorMsg, requestId, hint) so nothing thrown can crash a flow.
import { ERROR_CODE_HINTS } from '../api/error-codes.ts';
import { fillPlaceholders } from '../api/errors.ts';
import type { ActionError } from './types.ts';
import type { Refusal } from './preconditions.ts';

const KIND_HINTS: Record<string, string> = {
  'read-only': 'Read-only mode: restart without --read-only to change anything.',
  network: 'The gateway could not be reached; check the endpoint and the network. Nothing was retried.',
  timeout: 'No answer in time; the change may or may not have happened — refresh before trying again.',
  auth: 'Credentials were refused; check the profile.',
};

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function hintForCode(code: string | undefined, status?: number, message?: string): string | undefined {
  if (code) {
    const known = ERROR_CODE_HINTS[code];
    if (known) return fillPlaceholders(known[2], message);
  }
  if (status === 403)
    return 'The credentials lack permission for this operation; ask for the APIC write permission.';
  if (status !== undefined && status >= 500)
    return 'The service failed; the change may or may not have happened — refresh before trying again.';
  return undefined;
}

export function toActionError(err: unknown): ActionError {
  if (err && typeof err === 'object') {
    const e = err as Record<string, unknown>;
    const status = typeof e.status === 'number' ? e.status : undefined;
    const kind = str(e.kind);
    const code = str(e.errorCode) ?? (kind === 'read-only' ? 'READ_ONLY' : kind) ?? 'UNKNOWN';
    const message = str(e.errorMsg) ?? str(e.message) ?? 'Unknown failure';
    const hint =
      str(e.hint) ??
      hintForCode(str(e.errorCode), status, str(e.errorMsg)) ??
      (kind ? KIND_HINTS[kind] : undefined) ??
      'See the message; nothing was retried.';
    const requestId = str(e.requestId);
    return {
      code,
      message,
      hint,
      ...(e.outcome === 'unknown' ? { outcome: 'unknown' as const } : {}),
      ...(status !== undefined ? { status } : {}),
      ...(requestId ? { requestId } : {}),
    };
  }
  return { code: 'UNKNOWN', message: String(err), hint: 'See the message; nothing was retried.' };
}

export function refusalError(r: Refusal): ActionError {
  return { code: r.code, message: r.reason, hint: r.hint };
}
