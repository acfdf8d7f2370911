// --log-file is checked at start: a path that cannot be appended to is a clear error naming it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RomaError } from '../../src/api/errors.ts';
import { checkLogFile } from '../../src/config/client-from-config.ts';

test('an unwritable --log-file fails with a message naming it; a writable one is created 0600', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roma-log-file-'));
  try {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, '');
    for (const bad of [join(dir, 'missing', 'x.log'), join(blocker, 'x.log'), dir]) {
      assert.throws(
        () => checkLogFile(bad),
        (e: RomaError) =>
          e.kind === 'file' && e.message.startsWith(`cannot write ${bad}:`) && /--log-file/.test(e.hint),
      );
    }
    const good = join(dir, 'requests.log');
    checkLogFile(good);
    assert.equal(statSync(good).mode & 0o777, 0o600);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
