import { RomaError, isRomaError, networkKind } from '../api/errors.ts';

/** Anything thrown by a fetcher becomes a RomaError; non-client failures keep their message. */
export function toRomaError(err: unknown): RomaError {
  if (isRomaError(err)) return err;
  const message = err instanceof Error ? err.message : String(err);
  const kind = networkKind(err);
  return new RomaError({
    kind,
    method: '-',
    path: '-',
    errorMsg: message,
    ...(kind === 'network' ? { hint: 'An unexpected failure in the dashboard; see the message.' } : {}),
    cause: err,
  });
}
