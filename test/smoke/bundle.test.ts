// The published package: dist/ runs without node_modules (so `dependencies` install nothing it needs),
// the bundle's third-party licences ship beside it, and the package has its own LICENSE.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  license: string;
  files: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

test(
  'dist runs with no node_modules anywhere: nothing is a runtime dependency',
  { timeout: 60_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roma-dash-pkg-'));
    try {
      cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
      const child = spawn(process.execPath, [join(dir, 'dist', 'cli.js'), 'emulator', '--seed', 'empty'], {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_PATH: '' },
      });
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      const line = await new Promise<string>((resolve, reject) => {
        let buf = '';
        child.stdout.on('data', (c: Buffer) => {
          buf += c.toString();
          const i = buf.indexOf('\n');
          if (i >= 0) resolve(buf.slice(0, i));
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
      });
      const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
      child.kill('SIGTERM');
      assert.match((JSON.parse(line) as { endpoint: string }).endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(await exited, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.deepEqual(Object.keys(pkg.dependencies ?? {}), [], 'the bundle needs no installed package');
    assert.equal(pkg.devDependencies?.['@alcalzone/ink-table'], undefined, 'ink-table is not used');
  },
);

test('LICENSE (MIT, roma-dash authors) and the third-party notices of the bundle', () => {
  assert.equal(pkg.license, 'MIT');
  const licence = readFileSync(join(root, 'LICENSE'), 'utf8');
  assert.match(licence, /^MIT License/);
  assert.match(licence, /Copyright \(c\) \d{4} roma-dash authors/);
  assert.ok(pkg.files.includes('dist'), 'dist/ (with the notices) is published');
  const notices = readFileSync(join(root, 'dist', 'THIRD-PARTY-NOTICES.txt'), 'utf8');
  for (const name of ['ink', 'react', 'ky', 'zustand', 'undici', 'yoga-layout', 'string-width']) {
    assert.match(notices, new RegExp(`^${name}@\\d+\\.\\d+\\.\\d+ \\(MIT\\)$`, 'm'), `${name} listed`);
  }
  assert.doesNotMatch(notices, /no licence file/);
  assert.match(notices, /Copyright \(c\) Meta Platforms/);
  const head = readFileSync(join(root, 'dist', 'main.js'), 'utf8').slice(0, 300);
  assert.match(head, /THIRD-PARTY-NOTICES\.txt/, 'the bundle points at its notices');
});
