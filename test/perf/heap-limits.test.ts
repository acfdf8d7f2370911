// The young generation's cap (src/app/heap-limits.ts): semi-spaces grow as V8 grows them until one
// is at the cap, then stop; below it again (V8 shrank them) they may grow again.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { SEMI_SPACE_CAP_BYTES, semiSpaceGrowthFor } from '../../src/app/heap-limits.ts';

it('semi-spaces grow by V8’s factor below the cap and not at or above it', () => {
  const MiB = 1024 * 1024;
  assert.equal(SEMI_SPACE_CAP_BYTES, 8 * MiB);
  // `new_space` as getHeapSpaceStatistics reports it: both semi-spaces.
  for (const semi of [0.5, 1, 2, 4]) assert.equal(semiSpaceGrowthFor(2 * semi * MiB), 2, `${semi} MiB`);
  for (const semi of [8, 16, 32]) assert.equal(semiSpaceGrowthFor(2 * semi * MiB), 1, `${semi} MiB`);
  assert.equal(semiSpaceGrowthFor(2 * SEMI_SPACE_CAP_BYTES - 1), 2, 'just below the cap');
});
