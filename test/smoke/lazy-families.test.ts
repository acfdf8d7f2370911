// The message (MQS) and device (LINK) families are not paid for at start-up: the build keeps their
// client, error tables and dialogs out of what a start loads (dist/main.js, the UI chunk it imports
// once the first reads are sent, and the chunks both import statically), in chunks read the first
// time a family is opened. And the first reads go out before the UI's code is evaluated: what
// dist/main.js loads statically holds no React, Ink or Yoga.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

interface Metafile {
  outputs: Record<
    string,
    { bytes: number; inputs: Record<string, unknown>; imports: Array<{ path: string; kind: string }> }
  >;
}

const root = new URL('../../', import.meta.url).pathname;
let dir: string;
let meta: Metafile;
/** dist/main.js and what it imports statically: evaluated before the first request is sent. */
let eager: Set<string>;
/** `eager` plus the UI chunk (src/app/run.tsx) and its static imports: everything a start loads. */
let start: Set<string>;

// Modules only the families need: their clients, the 7.4.3 / 7.4.4 code tables, dialogs and views.
const FAMILY_ONLY = [
  /^src\/api\/link\//,
  /^src\/api\/mqs\/(client|schemas|error-codes)\.ts$/,
  /^screens\/mqs-dialogs\.tsx$/,
  /^screens\/(mqs-views\.ts|mqs-requests\.ts|forms\/(devices|topics)\.ts)$/,
  /^screens\/actions\/(SendCommandView|GroupMembersView|ProductFileView|RuleTestView|link-views)\.tsx$/,
  /^screens\/actions\/link-requests\.ts$/,
];

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'roma-dash-build-'));
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], {
    cwd: root,
    env: { ...process.env, ROMA_DASH_BUILD_OUT: dir, ROMA_DASH_BUILD_META: join(dir, 'meta.json') },
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Metafile;
  const main = Object.keys(meta.outputs).find((o) => o.endsWith('/main.js'));
  assert.ok(main, 'main.js is an output');
  eager = staticGraph([main]);
  const ui = Object.keys(meta.outputs).find((o) => meta.outputs[o]?.inputs['src/app/run.tsx']);
  assert.ok(ui, 'src/app/run.tsx is in an output');
  start = staticGraph([main, ui]);
});

function staticGraph(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  for (let o = todo.pop(); o !== undefined; o = todo.pop()) {
    if (seen.has(o)) continue;
    seen.add(o);
    for (const i of meta.outputs[o]?.imports ?? [])
      if (i.kind === 'import-statement' && meta.outputs[i.path]) todo.push(i.path);
  }
  return seen;
}

const inputsOf = (outputs: Set<string>) =>
  [...outputs].flatMap((o) => Object.keys(meta.outputs[o]?.inputs ?? {}));

test('the first reads are sent before the UI code loads: dist/main.js imports no React, Ink or Yoga', () => {
  const ui = inputsOf(eager).filter((i) =>
    /node_modules\/(react|react-reconciler|ink|yoga-layout)\/|\.tsx$/.test(i),
  );
  assert.deepEqual(
    ui.filter((i) => i !== 'src/cli.tsx'),
    [],
  );
  assert.ok(inputsOf(eager).includes('src/app/first-screen.ts'));
  assert.ok(!inputsOf(eager).includes('src/app/run.tsx'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('no module of the message or device families is in what a start loads', () => {
  assert.deepEqual(
    inputsOf(start).filter((i) => FAMILY_ONLY.some((re) => re.test(i))),
    [],
  );
  // …and they are in the build, behind a dynamic import
  const lazyInputs = Object.entries(meta.outputs)
    .filter(([o]) => !start.has(o))
    .flatMap(([, v]) => Object.keys(v.inputs));
  for (const m of [
    'src/api/link/index.ts',
    'src/api/link/error-codes.ts',
    'src/api/mqs/client.ts',
    'screens/mqs-dialogs.tsx',
  ]) {
    assert.ok(lazyInputs.includes(m), `${m} is in a chunk loaded on demand`);
  }
});

test('the files a start loads hold no LINK- or MQS-only text; the gateway table stays', () => {
  // metafile paths are relative to the working directory of the build
  const text = [...start].map((o) => readFileSync(join(root, o), 'utf8'));
  const all = text.join('\n');
  assert.doesNotMatch(all, /ROMA\.00111302/, 'a LINK error code (7.4.4)');
  assert.doesNotMatch(all, /MQS\.00400026/, 'an MQS error code (7.4.3)');
  assert.match(all, /APIG\.3415/, 'the gateway codes are still eager');
});
