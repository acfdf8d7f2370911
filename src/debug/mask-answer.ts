// The debug answer as the screen shows it until x: a backend (an echo service) may return the
// credentials the request carried, as headers, JSON members or query parameters.
import { redactByName } from '../api/redact.ts';
import { scrubSecrets, secretValuesOf } from './secrets.ts';
import type { DebugAnswerWire, DebugRequestBody } from './types.ts';

/** The answer with secret-named parts and the sent request's credential values masked. */
export function maskAnswer(answer: DebugAnswerWire, sent: DebugRequestBody | null): DebugAnswerWire {
  const values = sent ? secretValuesOf(sent) : [];
  const mask = (s: string): string => scrubSecrets(redactByName(s), values);
  return { ...answer, request: mask(answer.request), response: mask(answer.response), log: mask(answer.log) };
}
