// Kept apart from the MQS client so that screens can recognise the answer without loading the client.
import { RomaError } from '../errors.ts';

/** True for the answer the service gives when the instance has no message integration (5.1.2 404). */
export function isMqsNotEnabled(e: unknown): boolean {
  return e instanceof RomaError && e.kind === 'http' && e.status === 404 && e.errorCode === 'MQS.00404022';
}
