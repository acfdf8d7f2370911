// Third-party licence notices for the bundle. esbuild drops the packages' comments
// (`legalComments: 'none'`) and most MIT packages carry their licence only in a LICENSE file, so the
// notices come from the packages themselves: every package with a file in the bundle (esbuild's
// metafile), its name, version, licence and LICENSE text, written next to the bundle.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `node_modules/a/node_modules/@s/b/x.js` → `node_modules/a/node_modules/@s/b` (the innermost package). */
function packageDirOf(input) {
  const parts = input.split('/');
  const i = parts.lastIndexOf('node_modules');
  if (i < 0) return undefined;
  const n = parts[i + 1]?.startsWith('@') ? 3 : 2;
  return parts.slice(0, i + n).join('/');
}

function licenceText(dir) {
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying|notice)(\..*)?$/i.test(f));
  return file ? readFileSync(join(dir, file), 'utf8').trim() : undefined;
}

const MIT = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
USE OR OTHER DEALINGS IN THE SOFTWARE.`;

/**
 * A package that ships no LICENSE file (yoga-layout): the copyright line of its bundled sources, and for
 * MIT the licence's standard text, which that line refers to.
 */
function fallbackText(root, files, licence) {
  for (const f of files) {
    const m = /\/\*[\s\S]*?\*\//.exec(readFileSync(join(root, f), 'utf8'));
    const line = m && /Copyright[^\n*]*/.exec(m[0]);
    if (line) return `${line[0].trim()}\n\n${licence === 'MIT' ? MIT : `Licensed under ${licence}.`}`;
  }
  return undefined;
}

/** Writes `outFile` from an esbuild metafile; returns the package names listed. */
export function writeNotices(metafile, root, outFile, ownName) {
  const dirs = new Map(); // package dir → its files in the bundle
  for (const input of Object.keys(metafile.inputs)) {
    const file = input.replace(/^[^:]+:/, '');
    const d = packageDirOf(file);
    if (d) dirs.set(d, [...(dirs.get(d) ?? []), file]);
  }
  const entries = new Map();
  for (const [d, files] of dirs) {
    const pj = join(root, d, 'package.json');
    if (!existsSync(pj)) continue;
    const pkg = JSON.parse(readFileSync(pj, 'utf8'));
    if (pkg.name === ownName) continue;
    const key = `${pkg.name}@${pkg.version}`;
    if (entries.has(key)) continue;
    const licence = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'see package');
    const text = licenceText(join(root, d)) ?? fallbackText(root, files, licence);
    entries.set(key, { key, licence, text });
  }
  const sorted = [...entries.values()].sort((a, b) => a.key.localeCompare(b.key));
  const head =
    `${ownName} bundles the following third-party packages in dist/main.js.\n` +
    'Their licences require these notices to accompany the bundle.\n';
  const body = sorted.map(
    (e) =>
      `${'='.repeat(78)}\n${e.key} (${e.licence})\n${'='.repeat(78)}\n` +
      (e.text ?? `(no licence file in the package; its package.json says ${e.licence})`),
  );
  writeFileSync(outFile, [head, ...body].join('\n\n') + '\n');
  return sorted.map((e) => e.key);
}
