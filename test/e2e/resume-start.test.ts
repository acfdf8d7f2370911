// The built dashboard resumed on a saved view other than the root one: its first reads are that
// view's (the root list it would leave at once is not asked for), and a saved instance that is gone
// ends on the instance list with a note and no instance chosen, without drawing a view of it first.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { startCli, type CliSession } from '../helpers/pty.ts';
import { akskEnv } from '../helpers/emulator-client.ts';

/** A device row (name, node id, status): the list has its rows, not its loading frame's `0 of 0`. */
const DEVICE_ROW = /^\s*\S+-\d{4}\s+\S+\s+(online|offline|inactive|disabled)\b/m;

function start(emu: EmulatorHandle, stateHome: string, args: string[] = []): CliSession {
  return startCli(['--endpoint', emu.endpoint, ...args], {
    cols: 120,
    rows: 32,
    env: {
      ...akskEnv(emu),
      XDG_STATE_HOME: stateHome,
    },
  });
}

async function quit(cli: CliSession): Promise<void> {
  cli.type('q');
  assert.equal(await cli.waitForExit(10_000), 0);
}

test('resumed on :devices, the first reads are the devices’, not the APIs list’s (pinned or not)', async () => {
  const emu = await startEmulator({ seed: 'demo' });
  const stateHome = mkdtempSync(join(tmpdir(), 'roma-dash-resume-'));
  const instance = emu.instances[0] ?? '';
  try {
    const first = start(emu, stateHome, ['--instance', instance]);
    try {
      await first.waitForText(/\d+ items/, 20_000);
      await first.key(':');
      first.type('devices');
      first.press('enter');
      await first.waitForText('NODE ID', 20_000);
      await quit(first);
    } finally {
      first.kill();
    }
    // the saved point names the instance: with it pinned, and without (the instance list's root)
    for (const args of [['--instance', instance], []]) {
      // the log keeps the last requests only (and the first session filled it): count them
      const before = emu.stats.requests;
      const second = start(emu, stateHome, args);
      try {
        await second.waitForText('NODE ID', 20_000);
        await second.waitForText(DEVICE_ROW, 20_000);
        const { log, requests } = emu.stats;
        assert.ok(requests - before <= log.length, 'more requests than the emulator’s log keeps');
        const paths = log.slice(log.length - (requests - before)).map((r) => `${r.method} ${r.path}`);
        assert.ok(
          paths.some((p) => /^GET .*\/link\/instances\/[^/]+\/devices$/.test(p)),
          paths.join('\n'),
        );
        assert.ok(
          !paths.some((p) => /^GET .*\/apic\/instances\/[^/]+\/apis$/.test(p)),
          `the APIs list was asked for: ${paths.join('\n')}`,
        );
        await quit(second);
      } finally {
        second.kill();
      }
    }
  } finally {
    rmSync(stateHome, { recursive: true, force: true });
    await emu.close();
  }
});

test('resumed on :devices of an instance that is gone: the instance list, a note, no instance', async () => {
  const emu = await startEmulator({ seed: 'demo' });
  const stateHome = mkdtempSync(join(tmpdir(), 'roma-dash-resume-'));
  const statePath = join(stateHome, 'roma-dash', 'state.json');
  mkdirSync(dirname(statePath), { recursive: true });
  const point = { instanceId: 'gone-0000', instanceName: 'old-hub', screen: 'devices', filter: '' };
  writeFileSync(
    statePath,
    JSON.stringify({
      version: 1,
      profiles: { [`endpoint:${emu.endpoint}|${emu.projectId}`]: { point, history: [] } },
    }),
  );
  const cli = start(emu, stateHome);
  try {
    await cli.waitForText('the last instance old-hub no longer exists', 20_000);
    await cli.waitForText(/RUNNING/, 20_000);
    assert.doesNotMatch(cli.screenText(), /gone-0000/, 'the gone instance is not the chosen one');
    // the first frame is already the instance list: no view of the gone instance was drawn
    assert.doesNotMatch(cli.rawOutput(), /Devices|NODE ID/);
    await quit(cli);
  } finally {
    cli.kill();
    rmSync(stateHome, { recursive: true, force: true });
    await emu.close();
  }
});
