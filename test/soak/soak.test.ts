// Fault soak: the built CLI in a pseudo-terminal against the emulator with faults on (20% 5xx, 10%
// 429, 5% resets, 5% malformed JSON, 15% of writes applied and then answered with a garbled 2xx,
// latency spikes), driven by a seeded random sequence of keystrokes
// across every screen and action (read-write; confirmations answered at random). Afterwards: the app
// is alive and quits with 0, nothing unhandled reached the screen, the terminal is restored, and with
// faults off a refresh shows what the emulator really holds. Writes are never sent twice (the request
// log), and a change whose answer was garbled is shown as an unknown outcome with what a re-read found,
// never as a failure to retry.
// SOAK_SEED and SOAK_KEYS tune the run; SOAK_DELAY_MS the pause between keys (default 45 ms).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { apisScreen } from '../../screens/apis.ts';
import { RESOURCES } from '../../screens/registry.ts';
import { createRomaClient } from '../../src/api/client.ts';
import type { ApiSummary } from '../../src/api/types/apis.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { startCli, terminalRestored, withoutProbe, type CliSession } from '../helpers/pty.ts';
import { akskEnv } from '../helpers/emulator-client.ts';

const SEED = Number(process.env.SOAK_SEED ?? 20240607);
const KEYS = Number(process.env.SOAK_KEYS ?? 2000);
const DELAY_MS = Number(process.env.SOAK_DELAY_MS ?? 45);
// The keys alone take KEYS × DELAY_MS; a loaded CI machine can double that. Above the suite's 120 s.
const SOAK_TIMEOUT_MS = KEYS * DELAY_MS * 3 + 120_000;
const FAULTS = `5xx=0.2,429=0.1:0,reset=0.05,malformed=0.05,garble=0.15,spike=0.1:400,seed=${SEED}`;

/** mulberry32: small, fast, good enough to pick keys; the same seed gives the same sequence. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Keys by weight. `q` and Ctrl-C are left out (they end the run); Ctrl-E too (it opens $EDITOR).
const WEIGHTED: ReadonlyArray<[number, string[]]> = [
  [30, ['j', 'k', '\x1b[B', '\x1b[A', 'g', 'G', '\x1b[6~', '\x1b[5~', '\x04', '\x15']],
  [12, ['\r', 'i', '\t', '\x1b[Z', ']', '[']],
  [10, ['\x1b']],
  [6, ['y', 'c', 's', 'S', ' ', '*', '?']],
  [4, ['r', 'R', '\x0c']],
  // actions: publish, offline, delete, create, edit, versions, bind, unbind, authorize, debug, reveal
  [14, ['p', 'o', 'D', 'n', 'e', 'v', 'b', 'u', 'A', 'd', 'x']],
  // confirmations and dialog answers, at random
  [10, ['y', 'n', '\r', 'Y', 'N']],
  // debug console keys
  [3, ['\x18', '\x12', '\x0f', '\x14', '\x0e', '\x0b', 'w', 'm', '=']],
];
const TOTAL_WEIGHT = WEIGHTED.reduce((s, [w]) => s + w, 0);

// Whole action flows (open, pick the highlighted choice, accept the default, confirm), typed one key
// per step: single random keys almost never get through a picker and a confirmation.
const FLOWS: ReadonlyArray<readonly string[]> = [
  ['p', '\r', '\r', 'y'],
  ['o', '\r', '\r', 'y'],
  ['v', 'j', '\r', 'y'],
  ['b', '\r', '\r', 'y'],
  ['A', ' ', '\r', '\r', 'y'],
  ['D', 'y'],
];
const queued: string[] = [];

function nextInput(rand: () => number): string {
  const next = queued.shift();
  if (next !== undefined) return next;
  const r = rand();
  if (r < 0.03) {
    const flow = FLOWS[Math.floor(rand() * FLOWS.length)] ?? ['p'];
    queued.push(...flow.slice(1));
    return flow[0] ?? 'p';
  }
  if (r < 0.07) {
    // jump to a screen through the palette
    const res = RESOURCES[Math.floor(rand() * RESOURCES.length)];
    return `:${res?.id === 'instances' ? 'ctx' : (res?.id ?? 'apis')}\r`;
  }
  if (r < 0.1) {
    // filter with a couple of characters, then keep or clear it
    const letters = 'aeiorstu_0123';
    const text = Array.from(
      { length: 1 + Math.floor(rand() * 3) },
      () => letters[Math.floor(rand() * letters.length)],
    ).join('');
    return `/${text}${rand() < 0.5 ? '\r' : '\x1b'}`;
  }
  let pick = rand() * TOTAL_WEIGHT;
  for (const [w, keys] of WEIGHTED) {
    if (pick < w) return keys[Math.floor(rand() * keys.length)] ?? 'j';
    pick -= w;
  }
  return 'j';
}

/** A result pane of a change whose answer could not be read must say so and show the re-read. */
function unknownOutcomeProblem(screen: string): string | undefined {
  const lines = screen.split('\n');
  const at = lines.findIndex((l) => l.includes('outcome unknown'));
  if (at < 0) return undefined;
  // the pane's own lines: from its top border to its bottom border (a status line elsewhere may
  // rightly say "retry later" about a failed read)
  const top = lines.slice(0, at + 1).findLastIndex((l) => l.includes('╭'));
  const bottom = lines.findIndex((l, i) => i > at && l.includes('╰'));
  const pane = lines.slice(Math.max(0, top), bottom < 0 ? undefined : bottom + 1).join('\n');
  if (/\bretry\b|try again/i.test(pane)) return 'an unknown outcome suggests a retry';
  if (!/Re-read now:/.test(pane)) return 'an unknown outcome without the re-read';
  return undefined;
}

/** Write attempts in the request log (--log-file): `<ts> POST <url> attempt=N <status> …`. */
function writeAttempts(log: string): Array<{ method: string; url: string; attempt: number }> {
  const out = [];
  for (const m of log.matchAll(/^\S+ (POST|PUT|DELETE) (\S+) attempt=(\d+) /gm))
    out.push({ method: m[1] ?? '', url: m[2] ?? '', attempt: Number(m[3]) });
  return out;
}

const UNHANDLED =
  /Unhandled|UnhandledPromiseRejection|TypeError|ReferenceError|RangeError|\n\s+at .+\.(?:js|ts|tsx):\d+/;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** The APIs list's title line, unfiltered: the title, then the position (`APIs   1 of 288`). */
const APIS_TITLE = /^APIs\s+(?:⟳ )?(?:STALE )?\d+ of \d+/m;
/** The list's own key hints in the footer: no dialog or input has the keys. */
const LIST_FOOTER = /<Enter> open .*<:> cmd/;
const onApisList = (cli: CliSession) =>
  APIS_TITLE.test(cli.screenText()) && LIST_FOOTER.test(cli.screenText());
const APIS_PATH = /\/apic\/instances\/[^/]+\/apis(\?|$)/;

/**
 * Leaves whatever dialog, detail or input the random keys left open and returns to the APIs list.
 * Keys are sent one at a time, each after the screen went quiet (the state each one meets is the one
 * the previous one left); a palette command swallowed by an open input is retried.
 */
async function backToApis(cli: CliSession): Promise<void> {
  for (let attempt = 0; attempt < 6; attempt++) {
    for (const k of ['\x1b', '\x1b', '\x0c']) {
      cli.type(k);
      await cli.waitForQuiet(150, 20_000);
    }
    cli.type(':apis\r');
    await cli.waitForQuiet(200, 20_000);
    try {
      await cli.waitFor(() => onApisList(cli), 'the APIs list', 5_000);
      return;
    } catch {
      // still inside something that took the keys as text; leave it and try again
    }
  }
  await cli.waitFor(() => onApisList(cli), 'the APIs list with its own key hints', 10_000);
}

/** The PUBLISHED cell of each visible row of the APIs list, by API name. */
function publishedCells(cli: CliSession): Map<string, string> {
  const lines = cli.screenLines();
  const headerAt = lines.findIndex((l) => /\bNAME\b.*\bPUBLISHED\b/.test(l));
  const at = (lines[headerAt] ?? '').indexOf('PUBLISHED');
  const out = new Map<string, string>();
  if (headerAt < 0 || at < 0) return out;
  for (const l of lines.slice(headerAt + 1)) {
    const m = /^[▶ ]?\s*([A-Za-z]\w*)\s/.exec(l);
    if (!m?.[1] || l.length <= at) break; // the rows end at the first blank or status line
    out.set(m[1], l.slice(at).trim());
  }
  return out;
}

/** Versions per API and environment: a publish adds exactly one. */
function versionCounts(emu: EmulatorHandle): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of emu.state.stores.get(emu.instances[0] ?? '')?.data.versions.values() ?? [])
    out.set(`${v.api_id} ${v.env_id}`, (out.get(`${v.api_id} ${v.env_id}`) ?? 0) + 1);
  return out;
}

async function garbledPublish(cli: CliSession, emu: EmulatorHandle): Promise<void> {
  const db = emu.state.stores.get(emu.instances[0] ?? '');
  assert.ok(db);
  const before = versionCounts(emu);
  const posts = emu.stats.byMethod.POST ?? 0;
  await cli.key('g');
  await cli.key('p');
  await cli.waitForText(/Publish API \w/);
  await cli.key('\r');
  await cli.waitForText('Remark (optional)');
  await cli.key('\r');
  await cli.waitForText(/y yes|type y/);
  cli.type('y');
  await cli.waitFor(
    () => /outcome unknown/.test(cli.screenText()) && /Esc\/Enter: close/.test(cli.screenText()),
    'the unknown outcome of the garbled publish',
    20_000,
  );
  const screen = cli.screenText();
  assert.equal(unknownOutcomeProblem(screen), undefined, screen);
  assert.equal((emu.stats.byMethod.POST ?? 0) - posts, 1, 'the publish was sent once');
  const after = versionCounts(emu);
  const grown = [...after].filter(([k, n]) => n !== (before.get(k) ?? 0));
  assert.equal(grown.length, 1, 'one publication changed');
  const [key, n] = grown[0] ?? ['', 0];
  assert.equal(n - (before.get(key) ?? 0), 1, 'applied exactly once');
  const [apiId, envId] = key.split(' ');
  const api = db.data.apis.get(apiId ?? '');
  const env = db.data.envs.get(envId ?? '');
  assert.ok(api && env);
  const flat = screen.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');
  assert.ok(
    flat.includes(`${api.name} is published in ${env.name}`),
    `the re-read shows the publication:\n${screen}`,
  );
  await cli.key('\x1b');
}

test(
  `fault soak: ${KEYS} seeded keystrokes (seed ${SEED}) under faults, then the screen matches the emulator`,
  { timeout: SOAK_TIMEOUT_MS },
  async () => {
    const emu = await startEmulator({ seed: 'demo', faults: FAULTS });
    const dir = mkdtempSync(join(tmpdir(), 'roma-dash-soak-'));
    mkdirSync(join(dir, 'state'), { recursive: true });
    const cli = startCli(
      [
        '--endpoint',
        emu.endpoint,
        '--instance',
        emu.instances[0] ?? '',
        '--timeout',
        '5',
        '--log-file',
        join(dir, 'requests.log'),
      ],
      {
        cols: 140,
        rows: 36,
        env: {
          ...akskEnv(emu),
          XDG_STATE_HOME: join(dir, 'state'),
          EDITOR: 'true',
          VISUAL: 'true',
        },
      },
    );
    let exited: number | undefined;
    void cli.exitCode.then((c) => (exited = c));
    try {
      await cli.waitForText(/APIs/, 30_000);
      const rand = prng(SEED);
      let unknownShown = 0;
      for (let i = 0; i < KEYS; i++) {
        cli.type(nextInput(rand));
        await sleep(DELAY_MS);
        const screen = cli.screenText();
        const problem = unknownOutcomeProblem(screen);
        assert.equal(problem, undefined, `${problem} after ${i + 1} keys\n${screen}`);
        if (/outcome unknown/.test(screen)) unknownShown++;
        if (i % 100 === 99) {
          await cli.settled();
          assert.equal(
            exited,
            undefined,
            `the dashboard exited (${exited}) after ${i + 1} keys\n${cli.screenText()}`,
          );
          assert.doesNotMatch(cli.screenText(), UNHANDLED, `after ${i + 1} keys`);
        }
      }

      // Every write answered with a garbled 2xx: a publish from the APIs list is applied once, and the
      // pane says the outcome is unknown and shows the publication a re-read found.
      emu.setFaults('garble=1');
      await backToApis(cli);
      await garbledPublish(cli, emu);

      // Faults off, back to the APIs list, a clean refresh: what the dashboard shows is the truth.
      emu.setFaults(null);
      await backToApis(cli);
      // The emulator keeps only its last 200 log entries: look at the ones after the mark.
      const mark = emu.stats.requests;
      const refreshed = () =>
        emu.stats.log
          .slice(-(emu.stats.requests - mark) || emu.stats.log.length)
          .some((r) => r.method === 'GET' && r.status === 200 && APIS_PATH.test(r.path));
      await cli.key('g');
      await cli.key('r');
      await cli.waitFor(
        () => emu.stats.requests > mark && refreshed(),
        'the refresh to reach the emulator',
        20_000,
      );
      // The title shows ⟳ while loading; the refreshed list is on screen once it is gone.
      await cli.waitFor(
        () => onApisList(cli) && !/^APIs\b.*⟳/m.test(cli.screenText()),
        'the refreshed APIs list',
        20_000,
      );
      await cli.waitForQuiet(300, 20_000);
      const shown = publishedCells(cli);
      assert.ok(shown.size >= 5, `too few API rows on screen to compare:\n${cli.screenText()}`);

      const client = createRomaClient({
        endpoint: emu.endpoint,
        projectId: emu.projectId,
        auth: akskProvider({ ak: emu.ak, sk: emu.sk, projectId: emu.projectId }),
        instanceIds: emu.instances,
        retry: { limit: 0, baseMs: 1, maxDelayMs: 1 },
      });
      const truth = await client.instance(emu.instances[0] ?? '').apis.listAll({});
      const column = apisScreen.columns.find((c) => c.id === 'published');
      assert.ok(column, 'APIs screen has no PUBLISHED column');
      const byName = new Map<string, ApiSummary>(truth.map((a) => [String(a.name), a]));
      for (const [name, cell] of shown) {
        const api = byName.get(name);
        assert.ok(api, `the dashboard shows API ${name}, which the emulator does not hold`);
        const expected = column.get(api);
        const visible = cell.replace(/…$/, '');
        assert.ok(
          expected.startsWith(visible),
          `API ${name}: screen shows "${cell}", emulator says "${expected}"`,
        );
      }

      cli.type('q');
      assert.equal(await cli.waitForExit(20_000), 0, 'q did not end the dashboard with 0');
      const raw = withoutProbe(cli.rawOutput());
      assert.doesNotMatch(
        raw.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ''),
        UNHANDLED,
        'an error escaped to the terminal',
      );
      assert.deepEqual(terminalRestored(cli.rawOutput()).problems, []);

      // What was attempted, for the record (writes reach the emulator only once actions are wired).
      // byMethod counts every request; the log keeps only the last 200 (most of them GETs).
      const byMethod = JSON.stringify(emu.stats.byMethod);
      const auditPath = join(dir, 'state', 'roma-dash', 'audit.log');
      const audit = existsSync(auditPath)
        ? readFileSync(auditPath, 'utf8').trim().split('\n').filter(Boolean)
        : [];
      const outcomes: Record<string, number> = {};
      for (const l of audit) {
        try {
          const entry = JSON.parse(l) as { result?: string; reread?: unknown };
          const o = entry.result ?? 'no result';
          outcomes[o] = (outcomes[o] ?? 0) + 1;
          if (o === 'unknown')
            assert.ok(
              Array.isArray(entry.reread) && entry.reread.length > 0,
              `an unknown outcome audited without what was re-read: ${l}`,
            );
        } catch (e) {
          if (e instanceof assert.AssertionError) throw e;
          outcomes.unparsable = (outcomes.unparsable ?? 0) + 1;
        }
      }

      // Nothing applied twice: no write was sent a second time, and the emulator received no write
      // the client did not log (a cancelled one may be logged without reaching it).
      const writes = writeAttempts(readFileSync(join(dir, 'requests.log'), 'utf8'));
      const resent = writes.filter((w) => w.attempt > 1);
      assert.deepEqual(resent, [], 'a write was sent again');
      const m = emu.stats.byMethod;
      const received = (m.POST ?? 0) + (m.PUT ?? 0) + (m.DELETE ?? 0);
      assert.ok(received <= writes.length, `emulator got ${received} writes, client logged ${writes.length}`);
      console.log(
        `soak: ${KEYS} keys, ${emu.stats.requests} requests ${byMethod}, audit: ${
          audit.length ? JSON.stringify(outcomes) : 'no audit log written'
        }, ${writes.length} write attempts, unknown outcome on screen after ${unknownShown} keys`,
      );
    } finally {
      cli.kill();
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
