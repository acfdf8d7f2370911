// The dashboard exits (SIGTERM) while $EDITOR is open: the editor and what it started are ended and
// its temp directory removed. A fake editor script records its pid, its file and a child's pid, then
// sleeps as a real editor waits for the user.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { editText } from '../../src/debug/editor.ts';

let dir: string;
let editor: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'roma-dash-fake-editor-'));
  editor = join(dir, 'fake-editor.sh');
  writeFileSync(
    editor,
    [
      '#!/bin/sh',
      `echo "$1" > "${dir}/file"`,
      `sleep 300 & echo $! > "${dir}/child"`,
      `echo $$ > "${dir}/editor"`,
      'wait',
      '',
    ].join('\n'),
  );
  chmodSync(editor, 0o755);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Alive and not a zombie (a container's init may not reap orphans at once). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

async function until(what: string, cond: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('aborting an open editor ends its processes and removes the temp directory', async () => {
  const stop = new AbortController();
  const editing = editText('{"a":1}', {
    env: { ...process.env, VISUAL: '', EDITOR: editor },
    suffix: '.json',
    signal: stop.signal,
  });
  let settled = false;
  editing.then(
    () => (settled = true),
    () => (settled = true),
  );
  try {
    // The shell creates each file before it writes the line: wait for whole lines, not for the files.
    const line = (name: string): string => {
      try {
        return readFileSync(join(dir, name), 'utf8');
      } catch {
        return '';
      }
    };
    await until('the editor to start', () =>
      ['editor', 'child', 'file'].every((f) => line(f).endsWith('\n')),
    );
    const editorPid = Number(line('editor'));
    const childPid = Number(line('child'));
    const tempDir = dirname(line('file').trim());
    assert.ok(alive(editorPid) && alive(childPid) && existsSync(tempDir));
    await abortAndCheck(editorPid, childPid, tempDir);
  } finally {
    stop.abort();
  }

  async function abortAndCheck(editorPid: number, childPid: number, tempDir: string): Promise<void> {
    stop.abort();
    await until('editText to settle after the abort', () => settled, 8_000);
    await assert.rejects(editing, /dashboard is exiting/);
    await until('the editor and its child to end', () => !alive(editorPid) && !alive(childPid), 5_000);
    assert.equal(existsSync(tempDir), false, 'the temp directory is removed');
  }
});
