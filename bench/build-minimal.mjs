// Bundles the baselines bench/minimal-ink.mjs and bench/bare-list.mjs like scripts/build.mjs bundles
// the CLI (same target, minify, production React, no devtools), into bench/results/ (gitignored).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const MINIMAL_INK_BUNDLE = fileURLToPath(new URL('./results/minimal-ink.js', import.meta.url));
export const BARE_LIST_BUNDLE = fileURLToPath(new URL('./results/bare-list.js', import.meta.url));

export async function buildMinimalInk() {
  await bundle('./minimal-ink.mjs', MINIMAL_INK_BUNDLE);
  return MINIMAL_INK_BUNDLE;
}

export async function buildBareList() {
  await bundle('./bare-list.mjs', BARE_LIST_BUNDLE);
  return BARE_LIST_BUNDLE;
}

async function bundle(entry, outfile) {
  await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    plugins: [
      {
        name: 'no-devtools',
        setup(b) {
          b.onResolve({ filter: /^react-devtools-core$/ }, () => ({
            path: 'stub',
            namespace: 'no-devtools',
          }));
          b.onLoad({ filter: /.*/, namespace: 'no-devtools' }, () => ({
            contents: 'export default { initialize() {}, connectToDevTools() {} };',
          }));
        },
      },
    ],
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildMinimalInk();
  await buildBareList();
}
