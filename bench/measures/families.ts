// Key-to-frame on the lists of the product families beyond the gateway: devices (LINK, BENCH_DEVICES
// of them, 100,000 by default) and a topic's messages (MQS), against the bare list driven in the same
// run. Each family gets an emulator of its own size; the dashboard starts on the instance list
// and opens the family through the palette, as a user would.
import { startBareList } from '../lib/bare.ts';
import { errorMessage, notAvailable, type Measure } from '../lib/result.ts';
import { RATIO_TARGET, interleaved, ratioMeasures } from '../lib/latency.ts';
import { INSTANCE_READY, dashboardBuilt, itemsLoaded, loadStartEmulator, openByPalette } from '../lib/app.ts';
import type { CliSession } from '../../test/helpers/pty.ts';
import { launch, quit } from './dashboard.ts';

export interface FamiliesOptions {
  devices: number;
  messagesScale: number;
  moves: number;
  bareList: { bundle: string; count: number } | null;
}

async function onList(
  o: FamiliesOptions,
  id: string,
  label: string,
  scale: number,
  open: (cli: CliSession) => Promise<void>,
): Promise<Measure[]> {
  const na = (why: string) =>
    ['p50', 'p95'].map((p) => notAvailable(`${id}-${p}`, `${label} ${p}`, 'ms', why, RATIO_TARGET));
  if (!dashboardBuilt()) return na('dist/cli.js is still the skeleton');
  const start = await loadStartEmulator();
  if (typeof start === 'string') return na(start);
  const emu = await start({ seed: { scale } });
  let cli: CliSession | undefined;
  let bare: CliSession | undefined;
  try {
    cli = launch(emu, { instance: false });
    await cli.waitForText(INSTANCE_READY, 60_000);
    await open(cli);
    bare = o.bareList ? await startBareList(o.bareList.bundle, o.bareList.count) : undefined;
    const [s, b] = await interleaved(cli, bare, 'down', o.moves);
    return ratioMeasures(id, label, s, b);
  } catch (e) {
    return na(errorMessage(e));
  } finally {
    if (bare) await quit(bare);
    if (cli) await quit(cli);
    await emu.close();
  }
}

export async function measureFamilies(o: FamiliesOptions): Promise<Measure[]> {
  const devices = await onList(
    o,
    'latency-devices',
    `key-to-frame: move selection (${o.devices} devices)`,
    o.devices,
    (cli) => openByPalette(cli, 'devices', itemsLoaded(o.devices)),
  );
  const messages = await onList(
    o,
    'latency-messages',
    'key-to-frame: move selection (messages of a topic)',
    o.messagesScale,
    async (cli) => {
      await openByPalette(cli, 'topics', itemsLoaded());
      cli.press('enter');
      await cli.waitForText(/^Messages|messages/m, 60_000);
      await cli.waitForText(itemsLoaded(), 60_000);
      await cli.waitForQuiet(200, 30_000);
    },
  );
  return [...devices, ...messages];
}
