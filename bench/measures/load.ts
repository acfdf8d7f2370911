// (4) Time for the client's listAll to fetch every API with 50 ms injected per request, against the
// floor: one round trip for the first page, then the remaining pages at the client's concurrency.
import { performance } from 'node:perf_hooks';
import { median, round } from '../lib/stats.ts';
import { errorMessage, notAvailable, type Measure } from '../lib/result.ts';
import { loadClient, loadStartEmulator } from '../lib/app.ts';

export async function measureLoad(scale: number, latencyMs: number): Promise<Measure> {
  const id = 'load-all';
  const label = `listAll of ${scale} APIs, ${latencyMs} ms per request`;
  const target = '≤ 1.5x floor';
  const start = await loadStartEmulator();
  if (typeof start === 'string') return notAvailable(id, label, 'ms', start, target);
  const client = await loadClient();
  if (typeof client === 'string') return notAvailable(id, label, 'ms', client, target);

  const emu = await start({ seed: { scale }, faults: `latency=${latencyMs}` });
  try {
    const apis = client.createApisClient(emu);
    // The round trip is measured here, under the same injected latency, rather than assumed.
    const rtts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await apis.list({ limit: 1 });
      rtts.push(performance.now() - t0);
    }
    const rtt = median(rtts);
    const t0 = performance.now();
    const all = await apis.listAll();
    const ms = performance.now() - t0;
    if (all.length !== scale)
      return notAvailable(id, label, 'ms', `listAll returned ${all.length} of ${scale}`);
    const pages = Math.ceil(scale / client.pageSize);
    const floor = rtt * (1 + Math.ceil((pages - 1) / client.concurrency));
    return {
      id,
      label,
      unit: 'ms',
      value: round(ms, 0),
      baselines: [
        {
          name: `floor (${pages} pages of ${client.pageSize}, concurrency ${client.concurrency})`,
          value: round(floor, 0),
        },
      ],
      target,
      met: ms <= 1.5 * floor,
      note: `round trip ${round(rtt)} ms`,
      detail: { rtts, pages, pageSize: client.pageSize, concurrency: client.concurrency },
    };
  } catch (e) {
    return notAvailable(id, label, 'ms', errorMessage(e), target);
  } finally {
    await emu.close();
  }
}
