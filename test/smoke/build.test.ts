import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

test('the built CLI runs on Node 22', () => {
  assert.ok(Number(process.versions.node.split('.')[0]) >= 22, `node ${process.versions.node}`);
  const r = spawnSync(process.execPath, ['dist/cli.js', '--version'], { encoding: 'utf8', timeout: 20000 });
  assert.equal(r.status, 0, r.stderr);
});
