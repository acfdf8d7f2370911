// The --demo emulator's worker thread as the CLI sees it (src/app/demo-emulator.ts): quitting never
// waits on what the worker still runs, and a worker that dies says why instead of going silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startDemoEmulator } from '../../src/app/demo-emulator.ts';

const fixture = (name: string) => new URL(`../fixtures/demo-workers/${name}`, import.meta.url).href;

test('close() ends a worker that does not end itself (terminated after a second)', async () => {
  const emu = await startDemoEmulator(fixture('stuck.mjs'), fixture('stuck.mjs'));
  let stopped = false;
  emu.onStop(() => (stopped = true));
  await emu.close(); // would never resolve if it waited for the worker to end by itself
  assert.equal(stopped, false, 'an exit asked for by close() is not a failure');
});

test('a worker that dies after start-up is reported with its error', async () => {
  const emu = await startDemoEmulator(fixture('crashes.mjs'), fixture('crashes.mjs'));
  const why = await new Promise<string>((resolve) => emu.onStop(resolve));
  assert.match(why, /boom in a route/);
  await emu.close();
});
