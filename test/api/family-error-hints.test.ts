// The message and device families' code tables (7.4.3, 7.4.4) load with the families, on first use:
// an error of either family still comes with its code and its documented hint.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type RomaClient } from '../../src/api/client.ts';
import { RomaError, hintFor } from '../../src/api/errors.ts';
import { LINK_ERROR_CODE_HINTS } from '../../src/api/link/error-codes.ts';
import { MQS_ERROR_HINTS } from '../../src/api/mqs/error-codes.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { clientOf } from '../helpers/emulator-client.ts';

let em: EmulatorHandle;
let client: RomaClient;

before(async () => {
  em = await startEmulator({ seed: 'demo' });
  client = clientOf(em);
});
after(() => em.close());

const documented = (t: Readonly<Record<string, readonly [number, string, string]>>, code: string) => {
  const row = t[code];
  assert.ok(row, code);
  return `${row[1]}. ${row[2]}`;
};

async function rejection(p: Promise<unknown>): Promise<RomaError> {
  const e = await p.then(
    () => assert.fail('expected a refusal'),
    (x: unknown) => x,
  );
  assert.ok(e instanceof RomaError, String(e));
  return e;
}

test('before a family is opened its table is not loaded; its first error carries code and hint', async () => {
  const before = hintFor({ kind: 'http', status: 404, errorCode: 'ROMA.00110006' });
  assert.notEqual(before, documented(LINK_ERROR_CODE_HINTS, 'ROMA.00110006'), 'LINK table not loaded yet');

  const link = await client.link(em.instances[0] as string);
  const e = await rejection(link.devices.get(987654321));
  assert.equal(e.status, 404);
  assert.equal(e.errorCode, 'ROMA.00110006');
  // The table's `… correct: {0}` has no value in this answer: the placeholder is dropped (placeholder-hints.test.ts).
  assert.equal(e.hint, documented(LINK_ERROR_CODE_HINTS, 'ROMA.00110006').replace(': {0}', ''));
});

test('an MQS refusal is mapped with its 7.4.3 hint once the family has loaded', async () => {
  const frozen = em.instances[2] as string;
  const e = await rejection(client.mqs.instance(frozen).then((m) => m.detail()));
  assert.equal(e.errorCode, 'MQS.00404022');
  assert.equal(e.hint, documented(MQS_ERROR_HINTS, 'MQS.00404022'));
  // the table stays registered for every later error of the family
  assert.equal(
    hintFor({ kind: 'http', status: 404, errorCode: 'MQS.00404022' }),
    documented(MQS_ERROR_HINTS, 'MQS.00404022'),
  );
});
