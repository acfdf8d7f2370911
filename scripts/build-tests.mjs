// Compiles the test files for `npm test`: each test file becomes one ESM file under .test-build/
// (the same relative path, .mjs), with our own sources bundled in and packages left to node_modules.
// Node then loads plain JavaScript: under `--import tsx` each of the ~180 test processes spent about
// a second resolving and transforming the same few hundred modules through loader hooks.
import { build, transformSync } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
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
 * Modules that set up the process before any package is evaluated (force-color.ts: chalk reads
 * FORCE_COLOR when Ink is first imported). In a bundle, shared chunks and packages are imported
 * before the file's own code, so such a module stays a separate file, and a test file importing it
 * becomes a small entry that runs it, then imports the compiled test (`*.test-body.mjs`).
 */
const PRELUDE = /[/\\]test[/\\]helpers[/\\]force-color\.ts$/;
const preludeOut = (source) => resolve(TEST_BUILD_DIR, relative('.', source).replace(/\.ts$/, '.mjs'));
const preludesApart = {
  name: 'preludes-apart',
  setup(b) {
    b.onResolve({ filter: /force-color\.ts$/ }, (args) => {
      const source = resolve(args.resolveDir, args.path);
      return PRELUDE.test(source) ? { path: preludeOut(source), external: true } : undefined;
    });
  },
};

/** The prelude modules a test file imports (by the file's own import lines). */
function preludesOf(file) {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import ['"]([^'"]+)['"];/gm)]
    .map((m) => resolve(dirname(file), m[1]))
    .filter((p) => PRELUDE.test(p));
}

/**
 * @param {string[]} files test files (paths relative to the repository root)
 * @returns {Promise<Map<string, string>>} source file → compiled file
 */
export async function buildTests(files) {
  rmSync(TEST_BUILD_DIR, { recursive: true, force: true });
  const preludes = new Map(files.map((f) => [f, preludesOf(f)]));
  const hasPrelude = (f) => (preludes.get(f) ?? []).length > 0;
  // x.test.tsx → x.test.mjs, or x.test-body.mjs behind an x.test.mjs that runs the preludes first
  const outName = (f) => f.replace(/\.tsx?$/, hasPrelude(f) ? '-body' : '');
  await build({
    entryPoints: files.map((f) => ({ in: f, out: outName(f) })),
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
    plugins: [preludesApart, importMetaOfSource, packageFilesExternal],
  });
  for (const [file, list] of preludes) {
    if (list.length === 0) continue;
    for (const p of list) {
      mkdirSync(dirname(preludeOut(p)), { recursive: true });
      writeFileSync(preludeOut(p), transformSync(readFileSync(p, 'utf8'), { loader: 'ts' }).code);
    }
    const body = `./${basename(outName(file))}.mjs`;
    const entry = [
      ...list.map((p) => `import ${JSON.stringify(preludeOut(p))};`),
      `await import(${JSON.stringify(body)});`,
    ];
    writeFileSync(resolve(TEST_BUILD_DIR, file.replace(/\.tsx?$/, '.mjs')), `${entry.join('\n')}\n`);
  }
  return new Map(files.map((f) => [f, resolve(TEST_BUILD_DIR, f.replace(/\.tsx?$/, '.mjs'))]));
}
