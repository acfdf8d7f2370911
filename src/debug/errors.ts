// Any failure of the debug call itself → the typed error the console shows (code + hint).
import type { DebugCallError } from './types.ts';

interface ErrorLike {
  kind?: unknown;
  status?: unknown;
  errorCode?: unknown;
  errorMsg?: unknown;
  message?: unknown;
  hint?: unknown;
  name?: unknown;
  outcome?: unknown;
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x !== '' ? x : undefined;
}

/** Hints that know what a debug call is; the client's generic hint is used for the rest. */
function debugHint(code: string, status: number | undefined): string | undefined {
  if (code === 'APIG.3002') return 'The API does not exist any more: refresh the API list.';
  if (code === 'APIG.3003') return 'The environment does not exist: pick another stage.';
  if (code === 'APIG.2030')
    return 'The gateway rejected the debug request: check mode, stage, path and parameters.';
  if (status === 400)
    return 'Check the form: mode, stage (CONSUMER needs a published API), path and parameter names.';
  if (status === 401) return 'Your credentials were not accepted: check the profile (AK/SK or token).';
  if (status === 403)
    return 'You may not debug this API: DEVELOPER mode needs the owner, CONSUMER an authorization.';
  if (status === 404) return 'The API or instance was not found: refresh and try again.';
  return undefined;
}

export function toDebugError(e: unknown): DebugCallError {
  const x: ErrorLike = typeof e === 'object' && e !== null ? (e as ErrorLike) : {};
  const status = typeof x.status === 'number' ? x.status : undefined;
  const aborted = x.name === 'AbortError' || x.kind === 'aborted';
  const timeout = x.name === 'TimeoutError' || x.kind === 'timeout';
  const code =
    str(x.errorCode) ??
    (timeout
      ? 'TIMEOUT'
      : aborted
        ? 'ABORTED'
        : (str(x.kind)?.toUpperCase() ?? (status ? `HTTP_${status}` : 'UNKNOWN')));
  const message = str(x.errorMsg) ?? str(x.message) ?? (typeof e === 'string' ? e : 'debug call failed');
  // A debug call executes the backend: when its answer is lost, the backend may have run it.
  const unknownOutcome =
    x.outcome === 'unknown'
      ? 'The call may have reached the backend, but its answer could not be read: check the backend before sending it again.'
      : undefined;
  const hint =
    debugHint(code, status) ??
    unknownOutcome ??
    str(x.hint) ??
    (timeout
      ? 'The debug call timed out: the backend may be slow; try again or raise the timeout.'
      : 'Try again; press e to edit the request.');
  const out: DebugCallError = { code, message, hint };
  if (status !== undefined) out.status = status;
  return out;
}
