// The :messages search box and the message viewer: windows relative and absolute, partition@offset,
// JSON pretty-printed, text as text, anything with control bytes as a hex dump.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSearch, searchQuery } from '../../screens/mqs-window.ts';
import { hexDump, previewValue, renderValue, valueKind } from '../../screens/mqs-value.ts';

const NOW = Date.UTC(2026, 10, 30, 6, 0, 0);

describe('message search', () => {
  it('reads relative windows back from now', () => {
    assert.deepEqual(parseSearch('15m', NOW), {
      kind: 'window',
      start: NOW - 15 * 60_000,
      end: NOW,
      label: 'last 15m',
    });
    assert.equal(parseSearch('2h', NOW).kind, 'window');
    const d = parseSearch(' 3d ', NOW);
    assert.ok(d.kind === 'window' && d.end - d.start === 3 * 86_400_000);
    assert.throws(() => parseSearch('0m', NOW), /between 1s and 30d/);
    assert.throws(() => parseSearch('31d', NOW), /between 1s and 30d/);
  });

  it('reads absolute windows in UTC, the end time on the start date, or until now', () => {
    const w = parseSearch('2026-11-30 05:00..06:30', NOW);
    assert.ok(w.kind === 'window');
    assert.equal(w.start, Date.UTC(2026, 10, 30, 5, 0, 0));
    assert.equal(w.end, Date.UTC(2026, 10, 30, 6, 30, 0));
    const open = parseSearch('2026-11-30T05:30:15Z', NOW);
    assert.ok(open.kind === 'window' && open.end === NOW && open.start === Date.UTC(2026, 10, 30, 5, 30, 15));
    assert.throws(() => parseSearch('2026-11-30 06:00..05:00', NOW), /ends before it starts/);
    assert.throws(() => parseSearch('yesterday', NOW), /use 15m/);
  });

  it('reads partition@offset, and builds the two query kinds', () => {
    const o = parseSearch('p0@237', NOW);
    assert.deepEqual(o, { kind: 'offset', partition: 0, offset: 237, label: 'partition 0 offset 237' });
    assert.deepEqual(parseSearch('2 @ 5', NOW), {
      kind: 'offset',
      partition: 2,
      offset: 5,
      label: 'partition 2 offset 5',
    });
    assert.deepEqual(searchQuery('t', o, { offset: 0, limit: 100 }), {
      topic: 't',
      partition: 0,
      message_offset: 237,
    });
    const w = parseSearch('1h', NOW);
    assert.deepEqual(searchQuery('t', w, { offset: 100, limit: 100 }), {
      topic: 't',
      start_time: NOW - 3_600_000,
      end_time: NOW,
      asc: false,
      offset: 100,
      limit: 100,
    });
  });
});

describe('message viewer', () => {
  it('pretty-prints JSON, one field per line', () => {
    assert.equal(valueKind('{"a":1,"b":[2]}'), 'json');
    assert.deepEqual(renderValue('{"a":1,"b":"x"}'), ['JSON', '{', '  "a": 1,', '  "b": "x"', '}']);
  });

  it('escapes control characters inside JSON strings instead of passing them on', () => {
    const lines = renderValue(JSON.stringify({ note: '\u001b]52;c;AAAA\u0007' }));
    assert.ok(lines.join('\n').includes('\\u001b]52;c;AAAA\\u0007'));
    assert.ok(!lines.join('\n').includes('\u001b'));
  });

  it('shows text as text and a value with control bytes as a hex dump', () => {
    assert.deepEqual(renderValue('hello\nworld'), ['text', 'hello', 'world']);
    assert.equal(valueKind('\u001b[2Jcleared'), 'binary');
    assert.equal(valueKind('\u0090dcs'), 'binary');
    const bin = '\u0000\u00ff\u0010AB';
    const lines = renderValue(bin);
    assert.equal(lines[0], 'not text: 5 bytes, shown as hex');
    assert.match(lines[1] ?? '', /^000000  00 ff 10 41 42 +\|\.\.\.AB\|$/);
    assert.equal(previewValue(bin), '<5 bytes>');
  });

  it('marks huge messages and cuts long values', () => {
    assert.equal(renderValue('', { huge: true, size: 200_000 })[0], 'huge message (200000 bytes)');
    assert.equal(previewValue('x', true), '<huge>');
    const long = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n');
    const lines = renderValue(long);
    assert.equal(lines.length, 402);
    assert.match(lines.at(-1) ?? '', /600 more lines/);
    assert.equal(hexDump('a'.repeat(5000)).at(-1), '… 904 more bytes (W saves the whole value)');
  });
});
