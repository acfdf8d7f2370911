// Body presentation: pretty JSON, token kinds for syntax colour, wrapping or truncating long lines.

export interface PrettyBody {
  text: string;
  isJson: boolean;
}

/** Pretty-print when the body parses as JSON (whatever the content type says); otherwise as-is. */
export function prettyBody(body: string): PrettyBody {
  const trimmed = body.trim();
  if (trimmed === '' || !/^[[{"\d\-tfn]/.test(trimmed)) return { text: body, isJson: false };
  try {
    return { text: JSON.stringify(JSON.parse(trimmed), null, 2), isJson: true };
  } catch {
    return { text: body, isJson: false };
  }
}

export type JsonTokenKind = 'key' | 'string' | 'number' | 'literal' | 'punct' | 'space';

export interface JsonToken {
  kind: JsonTokenKind;
  text: string;
}

const TOKEN =
  /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)|([{}[\],:])|(\s+)|(.)/g;

/** Tokenize one line of pretty-printed JSON for colouring (keys vs string values vs numbers...). */
export function jsonLineTokens(line: string): JsonToken[] {
  const out: JsonToken[] = [];
  for (const m of line.matchAll(TOKEN)) {
    if (m[1] !== undefined) {
      if (m[2] !== undefined) {
        out.push({ kind: 'key', text: m[1] }, { kind: 'punct', text: m[2] });
      } else out.push({ kind: 'string', text: m[1] });
    } else if (m[3] !== undefined) out.push({ kind: 'number', text: m[3] });
    else if (m[4] !== undefined) out.push({ kind: 'literal', text: m[4] });
    else if (m[5] !== undefined) out.push({ kind: 'punct', text: m[5] });
    else if (m[6] !== undefined) out.push({ kind: 'space', text: m[6] });
    else out.push({ kind: 'punct', text: m[7] ?? '' });
  }
  return out;
}

export type LongLineMode = 'wrap' | 'truncate';

/** Split text into display lines of at most `width` code points, wrapping or cutting with `…`. */
export function layoutLines(text: string, width: number, mode: LongLineMode): string[] {
  const w = Math.max(1, width);
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const chars = Array.from(line);
    if (chars.length <= w) out.push(line);
    else if (mode === 'truncate') out.push(chars.slice(0, w - 1).join('') + '…');
    else for (let i = 0; i < chars.length; i += w) out.push(chars.slice(i, i + w).join(''));
  }
  return out;
}
