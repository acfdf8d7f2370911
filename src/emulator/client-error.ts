// Requests node:http cannot parse (oversized headers, garbage bytes) never reach the router; Node's
// default answer is a bare `400`/`431` with no body. A gateway answers those in its error envelope
// too, so a client (or a fuzzer) sees the same shape as for every other refusal. The 7.4.2 list has
// no code for them: APIG.0201 (the runtime "bad request" family, as for the 413 body limit).
import type { Duplex } from 'node:stream';

const ANSWERS: Record<string, [status: number, reason: string, message: string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'Request header fields too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'Request timeout'],
};
const BAD_REQUEST: [number, string, string] = [
  400,
  'Bad Request',
  'Bad request: the request could not be parsed',
];

/** The `clientError` handler: the envelope when the socket can still take it, else just close. */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, message] = (err.code ? ANSWERS[err.code] : undefined) ?? BAD_REQUEST;
  const body = JSON.stringify({ error_code: 'APIG.0201', error_msg: message });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\n` +
      'Content-Type: application/json;charset=UTF-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
