// Production bundle: dist/main.js (one ESM file, React in production mode) behind the small launcher
// dist/cli.js (see LAUNCHER below), so `roma-dash` starts fast.
import { build } from 'esbuild';
import { readFileSync, chmodSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { writeNotices } from './notices.mjs';
import { patchInkOutput } from './ink-frame-cache.mjs';
import { patchAnsiTokenizer, patchLineUpdate, patchSanitizeAnsi } from './ink-line-work.mjs';
import { patchColorize } from './ink-colorize.mjs';
import { MEMO_STRING_WIDTH } from './memo-string-width.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const root = new URL('..', import.meta.url).pathname;
/** The path of a module next to this script (a patched file imports its helpers from there). */
const here = (name) => new URL(`./${name}`, import.meta.url).pathname;
const LINE_WORK = here('ink-line-work.mjs');

/** Ink's build files the build patches, and how; the why of each is in its script. */
const INK_PATCHES = [
  // line cells kept across frames and made in one pass (ink-frame-cache.mjs, ink-fast-cells.mjs)
  ['output.js', (src) => patchInkOutput(src, here('ink-frame-cache.mjs'), here('ink-fast-cells.mjs'))],
  // the line diff without Intl.Segmenter for lines of simple characters (ink-line-work.mjs)
  ['line-update.js', (src) => patchLineUpdate(src, LINE_WORK)],
  // sanitizeAnsi remembered (ink-line-work.mjs)
  ['sanitize-ansi.js', (src) => patchSanitizeAnsi(src, LINE_WORK)],
  // the ANSI tokenizer passing plain runs at once (ink-line-work.mjs)
  ['ansi-tokenizer.js', (src) => patchAnsiTokenizer(src, LINE_WORK)],
  // one chalk builder per hex colour instead of one per coloured run (ink-colorize.mjs)
  ['colorize.js', (src) => patchColorize(src, here('ink-colorize.mjs'))],
];

// An ESM `import … from 'node:http'` builds Node's ESM facade of the module, which reads every
// export and so loads the lazy ones (node:http pulls in its bundled undici: ~30 ms at start-up).
// A CommonJS require() does not; esbuild's interop then reads only the properties used.
const BUILTIN = new RegExp(`^(node:)?(${builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|')})$`);

/** @type {import('esbuild').Plugin[]} */
const plugins = [
  {
    // Yoga's emscripten loader fetch()es its inlined data: URL when a global fetch exists, and on
    // Node the first fetch() loads undici (~30 ms of start-up). Its fallback decodes the same
    // base64 synchronously; make the loader see no fetch.
    name: 'yoga-without-fetch',
    setup(b) {
      b.onLoad({ filter: /[/\\]yoga-layout[/\\].*yoga-wasm-base64-esm\.js$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        return { contents: text.replaceAll('typeof fetch', 'typeof __yogaNoFetch'), loader: 'js' };
      });
    },
  },
  {
    name: 'builtins-via-require',
    setup(b) {
      // A dynamic import() stays a native import: it runs after start-up, and through a split
      // chunk a CommonJS wrapper would arrive as a default export only (no named exports).
      b.onResolve({ filter: BUILTIN }, (args) =>
        args.namespace === 'builtin-cjs' || args.kind === 'dynamic-import'
          ? { path: args.path, external: true }
          : { path: args.path, namespace: 'builtin-cjs' },
      );
      b.onLoad({ filter: /.*/, namespace: 'builtin-cjs' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
    },
  },
  {
    // Ink loads its devtools bridge only when DEV=true; keep react-devtools-core out of the bundle.
    name: 'no-devtools',
    setup(b) {
      b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'stub', namespace: 'no-devtools' }));
      b.onLoad({ filter: /.*/, namespace: 'no-devtools' }, () => ({
        contents: 'export default { initialize() {}, connectToDevTools() {} };',
      }));
    },
  },
  {
    // Ink's build files patched in place (INK_PATCHES): each patch fails the build when its anchor moved.
    name: 'ink-patches',
    setup(b) {
      for (const [file, patch] of INK_PATCHES) {
        const filter = new RegExp(`[/\\\\]ink[/\\\\]build[/\\\\]${file.replace('.', '\\.')}$`);
        b.onLoad({ filter }, (args) => ({ contents: patch(readFileSync(args.path, 'utf8')), loader: 'js' }));
      }
    },
  },
  {
    // string-width memoised, and skipped for ASCII plus common narrow symbols (scripts/memo-string-width.mjs)
    name: 'memo-string-width',
    setup(b) {
      b.onResolve({ filter: /^string-width$/ }, (args) =>
        args.namespace === 'memo-string-width' ? undefined : { path: 'memo', namespace: 'memo-string-width' },
      );
      b.onLoad({ filter: /.*/, namespace: 'memo-string-width' }, () => ({
        contents: MEMO_STRING_WIDTH,
        resolveDir: root,
      }));
    },
  },
];

// dist/cli.js is a small launcher: it turns on Node's compile cache (V8 code cache on disk, Node
// ≥ 22.1) before the 1.3 MB bundle dist/main.js is parsed, so starts after the first skip most of
// the compiling, and answers --version / --help without loading the bundle at all.
const LAUNCHER = `
try { require('node:module').enableCompileCache?.(); } catch {}
const argv = process.argv.slice(2);
if (argv.includes('--demo')) {
  // the demo emulator's worker boots and seeds on the second core while the bundle loads
  const { startDemoEmulatorEarly } = await import('./src/app/demo-emulator.ts');
  startDemoEmulatorEarly(new URL('./main.js', import.meta.url).href);
}
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  process.stdout.write(__ROMA_DASH_VERSION__ + '\\n');
} else if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
  const { USAGE } = await import('./src/config/args.ts');
  process.stdout.write(USAGE + '\\n');
} else {
  await import('./main.js');
}
`;

// For profiling: ROMA_DASH_BUILD_OUT=/tmp/dir ROMA_DASH_BUILD_MINIFY=0 keeps function names.
const outdir = process.env.ROMA_DASH_BUILD_OUT ?? 'dist';
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: process.env.ROMA_DASH_BUILD_MINIFY !== '0',
  sourcemap: false,
  legalComments: 'none',
  define: {
    'process.env.NODE_ENV': '"production"',
    __ROMA_DASH_VERSION__: JSON.stringify(pkg.version),
    __ROMA_DASH_DEMO_WORKER__: JSON.stringify('./demo-worker.js'),
  },
  banner: {
    // Some bundled CommonJS dependencies call require(); give ESM output a real one.
    js: "#!/usr/bin/env node\n// roma-dash (MIT). Bundled third-party packages and their licences: THIRD-PARTY-NOTICES.txt\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
};
// Code splitting (ESM only): what is reached through a dynamic import() goes to dist/chunks/ and is
// read only when first used — the emulator (--demo, `emulator`), undici (--insecure) and the
// message and device families' code (src/api/families.ts, screens/family-views.ts) — so a start
// evaluates the eager part alone: dist/main.js and the shared chunks it imports.
rmSync(`${outdir}/chunks`, { recursive: true, force: true });
const main = await build({
  ...common,
  // the --demo emulator's worker thread (src/app/demo-emulator.ts) is an entry of its own
  entryPoints: { main: 'src/cli.tsx', 'demo-worker': 'src/emulator/demo-worker.ts' },
  outdir,
  splitting: true,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  plugins,
  metafile: true,
});
// ROMA_DASH_BUILD_META=file.json keeps esbuild's metafile: which module landed in which output, and
// which outputs dist/main.js imports at start (test/smoke/lazy-families.test.ts reads it).
if (process.env.ROMA_DASH_BUILD_META)
  writeFileSync(process.env.ROMA_DASH_BUILD_META, JSON.stringify(main.metafile));
// The licences of what the bundle holds (legalComments: 'none' strips their comments).
writeNotices(main.metafile, root, `${outdir}/THIRD-PARTY-NOTICES.txt`, pkg.name);
await build({
  ...common,
  stdin: { contents: LAUNCHER, resolveDir: root, sourcefile: 'launcher.js' },
  outfile: `${outdir}/cli.js`,
  external: ['./main.js'],
});
chmodSync(`${outdir}/cli.js`, 0o755);
