// What the status line says of a list arriving page by page (src/app/list-progress.ts). The total is
// the server's hint: a hostile one must not become a status line hundreds of characters wide.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadingRows, missingRows } from '../../src/app/list-progress.ts';

test('progress lines with the counts, grouped', () => {
  assert.equal(loadingRows({ loaded: 500, total: 10000 }), 'loading 500 of 10,000…');
  assert.equal(missingRows({ loaded: 1500, total: 10000 }), 'rows 1,501–10,000 of 10,000 missing');
});

test('a hostile total stays short', () => {
  for (const total of [1e300, Infinity, Number.MAX_VALUE]) {
    assert.ok(loadingRows({ loaded: 500, total }).length < 40, loadingRows({ loaded: 500, total }));
    assert.ok(missingRows({ loaded: 500, total }).length < 60, missingRows({ loaded: 500, total }));
  }
});
