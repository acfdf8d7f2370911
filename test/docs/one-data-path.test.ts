// The data-path rule of ARCHITECTURE.md ("One data path"), checked as the grep it states: views call no
// client, and the flows' reads of screen data go through the screens' requests.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p, ext) : ext.test(name) ? [p] : [];
  });
}

/** Lines of `files` matching `pattern`, as `path:line: text`, comments left out. */
function grep(files: readonly string[], pattern: RegExp): string[] {
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        pattern.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [],
      ),
  );
}

// The one view that hands the client on: the form engine's store is the executor of `n`/`e`.
const EXECUTOR_WIRING = new Set(['screens/forms/index.tsx']);

test('no view (.tsx under screens/ and components/) calls the client: reads are store requests', () => {
  const views = [...filesUnder('screens', /\.tsx$/), ...filesUnder('components', /\.tsx$/)];
  const calls = grep(
    views.filter((f) => !EXECUTOR_WIRING.has(f)),
    /client\.(instance|link)\(|\.client\.|\bRomaClient\b/,
  );
  assert.deepEqual(
    calls,
    [],
    'move the call into a request builder (a .ts module) and read it through the store',
  );
});

test('the flows read environments, apps and policies through the screens requests, not their own', () => {
  const flows = [
    ...filesUnder('screens/actions', /\.tsx?$/),
    ...filesUnder('screens/gateway-more', /\.tsx?$/),
    'screens/mqs-dialogs.tsx',
    'screens/mqs-requests.ts',
    'src/store/debug.ts',
    'src/app/debug-action.ts',
  ];
  // a list call of a family a screen lists, outside a descriptor's own `list`
  const own = grep(
    flows.filter(
      (f) =>
        !/\/(apps|app-parts|quotas|backends|domains|dictionaries|assets|integration-apps|instance-settings)\.ts$/.test(
          f,
        ),
    ),
    /\.(envs|apps|throttles|signs|acls|groups|authorizers)\.listAll\(/,
  );
  assert.deepEqual(own, [], 'use sharedListRequest(<screen>, …) (src/app/screen-requests.ts)');
});
