/* eslint-disable @typescript-eslint/no-explicit-any -- JSON wire bodies are checked field by field by the assertions */
// `--state FILE`: saved off the request path (changes coalesce, the answer does not wait for the disk),
// a failed save is logged and never turns an applied change into a 500, no temp file is left behind,
// the file (it holds secrets) is 0600, and the last changes are flushed on close and on SIGTERM.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { call, instPath } from './support.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'roma-emu-state-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Publishes the next unpublished API to RELEASE; returns its publish id. */
async function publishOne(h: EmulatorHandle): Promise<{ status: number; apiId: string; publishId: string }> {
  const apis = (await call(h, 'GET', instPath(h, '/apis?limit=500'))).body.apis as any[];
  const api = apis.find((x) => x.publish_id === '');
  assert.ok(api, 'an unpublished API in the seed');
  const r = await call(h, 'POST', instPath(h, '/apis/action'), {
    action: 'online',
    api_id: api.id,
    env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID',
  });
  return { status: r.status, apiId: api.id, publishId: r.body?.publish_id };
}

describe('--state FILE', () => {
  test('changes are answered before the save, coalesce, and reach the file on close', async () => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    const h = await startEmulator({ seed: 'demo', statePath: file, stateSaveDelayMs: 60_000 });
    const atStart = readFileSync(file, 'utf8');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const p = await publishOne(h);
      assert.equal(p.status, 201);
      ids.push(p.publishId);
    }
    // answered: the save waits for more changes, the file is still the one written at start
    assert.equal(readFileSync(file, 'utf8'), atStart);
    await h.close();
    const saved = readFileSync(file, 'utf8');
    for (const id of ids) assert.ok(saved.includes(id), `publication ${id} saved on close`);
    assert.deepEqual(readdirSync(dir), ['state.json']);
  });

  test('the file is written 0600, even over a 0644 one', async () => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    const first = await startEmulator({ seed: 'demo', statePath: file });
    await first.close();
    assert.equal(statSync(file).mode & 0o777, 0o600);
    // a file left 0644 by an older version becomes 0600 at the next save
    const { chmodSync } = await import('node:fs');
    chmodSync(file, 0o644);
    const again = await startEmulator({ statePath: file, stateSaveDelayMs: 0 });
    await publishOne(again);
    await again.close();
    assert.equal(statSync(file).mode & 0o777, 0o600);
  });

  test('a failed save is logged, the change keeps its 2xx answer, and no temp file is left', async () => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    const log: string[] = [];
    const h = await startEmulator({
      seed: 'demo',
      statePath: file,
      stateSaveDelayMs: 0,
      log: (l) => log.push(l),
    });
    try {
      // FILE becomes a non-empty directory: the temp file is written, the rename over FILE fails
      rmSync(file);
      mkdirSync(file);
      writeFileSync(join(file, 'keep'), '');
      const p = await publishOne(h);
      assert.equal(p.status, 201, 'an applied change is answered as applied');
      const api = await call(h, 'GET', instPath(h, `/apis/${p.apiId}`));
      assert.equal(api.body.publish_id, p.publishId, 'and it is applied once');
      const deadline = Date.now() + 10_000;
      while (log.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      assert.match(log.join('\n'), /cannot save the state to .*state\.json/);
      assert.ok(!log.join('\n').includes(h.sk), 'the log holds no secret');
      assert.deepEqual(readdirSync(dir), ['state.json'], 'no temp file left behind');
    } finally {
      await h.close();
    }
    assert.deepEqual(readdirSync(dir), ['state.json'], 'the flush at close failed cleanly too');
  });

  test('a state file that cannot be written fails the start with its name', async () => {
    const dir = tempDir();
    const file = join(dir, 'missing-dir', 'state.json');
    await assert.rejects(
      startEmulator({ seed: 'empty', statePath: file }),
      /cannot write emulator state .*missing-dir\/state\.json/,
    );
  });

  test('SIGTERM flushes the changes not yet saved', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    const src = new URL('../../src/emulator/index.ts', import.meta.url).pathname;
    const script = `import { runEmulatorCommand } from ${JSON.stringify(src)};
process.exit(await runEmulatorCommand({ seed: 'demo', state: ${JSON.stringify(file)}, stateSaveDelayMs: 600000 }));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (c: Buffer) => {
        buf += c.toString();
        const i = buf.indexOf('\n');
        if (i >= 0) resolve(buf.slice(0, i));
      });
      child.once('exit', () => reject(new Error('exited before printing')));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    try {
      const info = JSON.parse(line) as EmulatorHandle;
      const p = await publishOne(info);
      assert.equal(p.status, 201);
      assert.ok(!readFileSync(file, 'utf8').includes(p.publishId), 'held back by the save delay');
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      assert.ok(readFileSync(file, 'utf8').includes(p.publishId), 'saved on SIGTERM');
    } finally {
      child.kill('SIGKILL'); // a failed assertion must not leave the emulator running
    }
  });
});
