// How a message value is shown: pretty-printed when it is JSON, as text when it is text, as an escaped
// hex dump when it is not (binary frames, control bytes). Values are hostile data: the result is still
// sanitised by the detail view; here nothing is interpreted, and long values are cut.
export type ValueKind = 'json' | 'text' | 'binary' | 'empty';

/** Lines the viewer shows at most; the rest is saved with W. */
export const MAX_VALUE_LINES = 400;
const MAX_DUMP_BYTES = 4096;

/** C0 controls other than tab/newline/CR, DEL, C1 controls, and lone surrogates mean "not text". */
const NOT_TEXT =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function valueKind(v: string | undefined): ValueKind {
  if (v === undefined || v === '') return 'empty';
  const t = v.trim();
  if ((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']'))) {
    try {
      JSON.parse(t);
      return 'json';
    } catch {
      // not JSON after all: fall through
    }
  }
  return NOT_TEXT.test(v) ? 'binary' : 'text';
}

/** Bytes of a value as the wire carried them: code points up to 0xFF are bytes, anything else UTF-8. */
function bytesOf(v: string): Buffer {
  return /^[\u0000-\u00ff]*$/.test(v) ? Buffer.from(v, 'latin1') : Buffer.from(v, 'utf8');
}

export function hexDump(v: string, maxBytes = MAX_DUMP_BYTES): string[] {
  const buf = bytesOf(v);
  const lines: string[] = [];
  const n = Math.min(buf.length, maxBytes);
  for (let i = 0; i < n; i += 16) {
    const row = buf.subarray(i, Math.min(i + 16, n));
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${i.toString(16).padStart(6, '0')}  ${hex.padEnd(47)}  |${ascii}|`);
  }
  if (buf.length > n) lines.push(`… ${buf.length - n} more bytes (W saves the whole value)`);
  return lines;
}

/** The viewer's lines for a value, with a one-line heading that says what it is. */
export function renderValue(v: string | undefined, opts: { huge?: boolean; size?: number } = {}): string[] {
  const kind = valueKind(v);
  const head: string[] = [];
  if (opts.huge) head.push(`huge message (${opts.size ?? '?'} bytes)`);
  let body: string[];
  switch (kind) {
    case 'empty':
      body = [opts.huge ? '(value not listed: open the message to load it)' : '(empty value)'];
      break;
    case 'json':
      head.push('JSON');
      body = JSON.stringify(JSON.parse((v as string).trim()), null, 2).split('\n');
      break;
    case 'text':
      head.push('text');
      body = (v as string).split(/\r?\n/);
      break;
    case 'binary':
      head.push(`not text: ${bytesOf(v as string).length} bytes, shown as hex`);
      body = hexDump(v as string);
      break;
  }
  if (body.length > MAX_VALUE_LINES) {
    const more = body.length - MAX_VALUE_LINES;
    body = [...body.slice(0, MAX_VALUE_LINES), `… ${more} more lines (W saves the whole value)`];
  }
  return [head.join(' · '), ...body].filter((l, i) => i > 0 || l !== '');
}

/** One-line preview for a list cell: JSON compacted, text as is, binary as `<16 bytes>`. */
export function previewValue(v: string | undefined, huge?: boolean): string {
  if (huge) return '<huge>';
  const kind = valueKind(v);
  if (kind === 'empty') return '';
  if (kind === 'binary') return `<${bytesOf(v as string).length} bytes>`;
  return (v as string).slice(0, 200);
}
