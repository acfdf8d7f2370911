// Copies say where they went; inside tmux the text goes to tmux itself, not a DCS passthrough.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { copyToClipboard, tmuxLoadBuffer } from '../../src/app/clipboard.ts';

test('inside tmux the text is handed to tmux load-buffer -w, nothing is written to the terminal', () => {
  const raw: string[] = [];
  const taken: string[] = [];
  const r = copyToClipboard(
    { writeRaw: (s) => void raw.push(s), tmux: true, tmuxLoadBuffer: (t) => (taken.push(t), true) },
    'api-1',
  );
  assert.equal(r.route, 'tmux');
  assert.match(r.where, /tmux buffer/);
  assert.deepEqual(taken, ['api-1']);
  assert.deepEqual(raw, []);
});

test('when tmux refuses, a bare OSC 52 (no DCS passthrough) is sent and the message says so', () => {
  const raw: string[] = [];
  const r = copyToClipboard(
    { writeRaw: (s) => void raw.push(s), tmux: true, tmuxLoadBuffer: () => false },
    'x',
  );
  assert.equal(r.route, 'osc52');
  assert.match(r.where, /set-clipboard/);
  assert.equal(raw.join(''), `\x1b]52;c;${Buffer.from('x').toString('base64')}\x07`);
});

test('outside tmux: OSC 52, and the message does not claim more than it knows', () => {
  const raw: string[] = [];
  const r = copyToClipboard({ writeRaw: (s) => void raw.push(s), tmux: false }, 'x');
  assert.equal(r.route, 'osc52');
  assert.match(r.where, /if your terminal allows it/);
  assert.ok(raw[0]?.includes(']52;c;'));
});

test('tmuxLoadBuffer runs the tmux binary with load-buffer -w - and the text on stdin', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rd-tmux-'));
  const bin = join(dir, 'tmux');
  const out = join(dir, 'out');
  writeFileSync(bin, `#!/bin/sh\necho "$@" > ${out}.args\ncat > ${out}\n`);
  chmodSync(bin, 0o755);
  assert.equal(tmuxLoadBuffer('secret-free text', bin), true);
  assert.equal(readFileSync(out, 'utf8'), 'secret-free text');
  assert.equal(readFileSync(`${out}.args`, 'utf8').trim(), 'load-buffer -w -');
  assert.equal(tmuxLoadBuffer('x', join(dir, 'missing')), false);
});
