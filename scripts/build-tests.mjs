// Compiles the test files for `npm test`: each test file becomes one ESM file under .test-build/
// (the same relative path, .mjs), with our own sources bundled in and packages left to node_modules.
// Node then loads plain JavaScript: under `--import tsx` every one of ~200 test processes spent about
// a second resolving and transforming the same few hundred modules through loader hooks.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const TEST_BUILD_DIR = '.test-build';

/** A bundled module's import.meta is the output file's; tests locate fixtures from their source. */
const importMetaOfSource = {
  name: 'import-meta-of-source',
  setup(b) {
    b.onLoad({ filter: /[/\\](test|src|screens|components)[/\\].*\.tsx?$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const loader = args.path.endsWith('.tsx') ? 'tsx' : 'ts';
      if (!text.includes('import.meta')) return { contents: text, loader };
      const contents = text
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return { contents, loader };
    });
  },
};

/**
 * A file of a package reached by a relative path (components/SelectList.tsx imports Ink's own
 * StdinContext module) must stay that package's instance: left to node_modules, not bundled again.
 */
const packageFilesExternal = {
  name: 'package-files-external',
  setup(b) {
    b.onResolve({ filter: /[/\\]node_modules[/\\]/ }, (args) => ({
      path: resolve(args.resolveDir, args.path),
      external: true,
    }));
  },
};

/**
 * @param {string[]} files test files (paths relative to the repository root)
 * @returns {Promise<Map<string, string>>} source file → compiled file
 */
export async function buildTests(files) {
  rmSync(TEST_BUILD_DIR, { recursive: true, force: true });
  await build({
    entryPoints: files,
    outdir: TEST_BUILD_DIR,
    outbase: '.',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    target: 'node22',
    format: 'esm',
    packages: 'external',
    jsx: 'automatic',
    sourcemap: false,
    logLevel: 'warning',
    plugins: [importMetaOfSource, packageFilesExternal],
  });
  return new Map(files.map((f) => [f, resolve(TEST_BUILD_DIR, f.replace(/\.tsx?$/, '.mjs'))]));
}
