// The young generation's cap (src/app/heap-limits.ts): semi-spaces grow as V8 grows them until one
// is at the cap, then stop; below it again (V8 shrank them) they may grow again.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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

it('keepHeapSmall holds a churning process to two capped semi-spaces (V8 would grow them further)', () => {
  const script = fileURLToPath(new URL('../fixtures/heap-churn.mjs', import.meta.url));
  const module = fileURLToPath(new URL('../../src/app/heap-limits.ts', import.meta.url));
  const largest = (mode: string) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, mode, module], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return Number(r.stdout);
  };
  const free = largest('none');
  assert.ok(
    free > 2 * SEMI_SPACE_CAP_BYTES,
    `without the cap the churn grows the young generation (${free})`,
  );
  assert.ok(largest('cap') <= 2 * SEMI_SPACE_CAP_BYTES, 'with the cap it stays at two semi-spaces');
});
