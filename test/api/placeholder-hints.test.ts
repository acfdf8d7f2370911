// The reference's error tables print message templates with `{0}` placeholders; a hint never shows one:
// it is filled from the server's own message when that carries the value, otherwise dropped cleanly.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RomaClient } from '../../src/api/client.ts';
import { ERROR_CODE_HINTS } from '../../src/api/error-codes.ts';
import { RomaError, fillPlaceholders, hintFor } from '../../src/api/errors.ts';
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

async function rejection(p: Promise<unknown>): Promise<RomaError> {
  const e = await p.then(
    () => assert.fail('expected a refusal'),
    (x: unknown) => x,
  );
  assert.ok(e instanceof RomaError, String(e));
  return e;
}

const PLACEHOLDER = /\{\d+\}/;

describe('over HTTP (the emulator)', () => {
  it('a rule test with data that is not JSON: the validation rule is filled from the answer', async () => {
    const link = await client.link(em.instances[0] as string);
    const e = await rejection(link.rules.test({ test_rule_express: 'SELECT x', test_data: 'not json' }));
    assert.equal(e.errorCode, 'ROMA.00110001');
    assert.doesNotMatch(e.hint, PLACEHOLDER);
    assert.match(e.hint, /^The parameter does not conform to the validation rules: \[test_data:[^\]]+\]\. /);
  });
  it('a headerless CSV import: the file problem is filled from the answer', async () => {
    const link = await client.link(em.instances[0] as string);
    const e = await rejection(link.products.importCsv('x,y\n1,2\n'));
    assert.equal(e.errorCode, 'ROMA.00110726');
    assert.doesNotMatch(e.hint, PLACEHOLDER);
    assert.match(e.hint, /check the file content: missing header\. /);
  });
  it('an answer without the value: the placeholder and its lead-in are dropped', async () => {
    const link = await client.link(em.instances[0] as string);
    const e = await rejection(link.devices.get(987654321));
    assert.equal(e.errorCode, 'ROMA.00110006');
    assert.equal(
      e.hint,
      'The resource does not exist; check whether the resource ID is correct. Check whether the resource ID really exists.',
    );
  });
});

describe('the templates', () => {
  it('several labelled values are each filled from their label in the message', () => {
    assert.equal(
      hintFor({
        kind: 'http',
        status: 500,
        errorCode: 'ROMA.00110002',
        errorMsg: 'The instance does not exist. project_id: p1, instance_id: i-9',
      }),
      'Instance does not exist! project_id: p1, instance_id: i-9. Create a new instance or use another instance.',
    );
  });
  it('a value the message does not carry is dropped with its colon; advice after a semicolon stays', () => {
    assert.equal(
      fillPlaceholders('The parameter does not conform to the validation rules: {0}', 'bad'),
      'The parameter does not conform to the validation rules',
    );
    assert.equal(
      fillPlaceholders('The file is abnormal; check the file content: {0}'),
      'The file is abnormal; check the file content',
    );
  });
  it('a label clause without a value is dropped whole', () => {
    assert.equal(
      fillPlaceholders(
        'Duplicate ModBus policy name, device ID: {0}, ModBus connection point ID: {1}, ModBus policy name: {2}; change the ModBus policy name',
      ),
      'Duplicate ModBus policy name; change the ModBus policy name',
    );
    assert.equal(
      fillPlaceholders('Device name: {0} already exists in product: {1}'),
      'Device name already exists in product',
    );
    assert.equal(
      fillPlaceholders('The product name already exists, name: {0}'),
      'The product name already exists',
    );
    assert.equal(
      fillPlaceholders('Product {0} already has devices; delete them'),
      'Product already has devices; delete them',
    );
  });
  it('no row of any table leaves a placeholder or a dangling separator, with or without a message', () => {
    for (const table of [ERROR_CODE_HINTS, MQS_ERROR_HINTS, LINK_ERROR_CODE_HINTS]) {
      for (const [code, [, meaning, handling]] of Object.entries(table)) {
        if (!PLACEHOLDER.test(meaning + handling)) continue;
        for (const msg of [undefined, 'Something failed.']) {
          for (const text of [fillPlaceholders(meaning, msg), fillPlaceholders(handling, msg)]) {
            assert.doesNotMatch(text, PLACEHOLDER, code);
            assert.doesNotMatch(text, /\s[,;:.!]|[,;:]$|\s{2}|^\s|\s$/, `${code}: ${text}`);
          }
        }
      }
    }
  });
});
