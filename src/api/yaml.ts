// A small YAML writer and reader for OpenAPI files (4.14): block mappings and sequences, quoted and plain
// scalars, flow `{}`/`[]` and JSON-style flow collections. The writer quotes every string as JSON, so
// whatever it writes the reader reads back unchanged (exports round-trip); anchors, tags and multi-line
// block scalars are not supported and are reported as errors.

export class YamlError extends Error {}

const SAFE_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

const isComposite = (v: unknown): v is object => typeof v === 'object' && v !== null;
const isEmpty = (v: object): boolean => (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);

function write(v: unknown, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (Array.isArray(v)) {
    for (const item of v) {
      if (isComposite(item) && !isEmpty(item)) {
        out.push(`${pad}-`);
        write(item, indent + 2, out);
      } else out.push(`${pad}- ${isComposite(item) ? (Array.isArray(item) ? '[]' : '{}') : scalar(item)}`);
    }
    return;
  }
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if (val === undefined) continue;
    const key = SAFE_KEY.test(k) ? k : JSON.stringify(k);
    if (isComposite(val) && !isEmpty(val)) {
      out.push(`${pad}${key}:`);
      write(val, indent + 2, out);
    } else out.push(`${pad}${key}: ${isComposite(val) ? (Array.isArray(val) ? '[]' : '{}') : scalar(val)}`);
  }
}

export function toYaml(v: unknown): string {
  if (!isComposite(v)) return scalar(v) + '\n';
  if (isEmpty(v)) return (Array.isArray(v) ? '[]' : '{}') + '\n';
  const out: string[] = [];
  write(v, 0, out);
  return out.join('\n') + '\n';
}

interface Line {
  indent: number;
  text: string;
  no: number;
}

function stripComment(s: string): string {
  // A `#` after whitespace outside quotes starts a comment.
  let q: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '\\' && q === '"') i++;
      else if (c === q) q = null;
    } else if (c === '"' || c === "'") q = c;
    else if (c === '#' && (i === 0 || /\s/.test(s[i - 1] as string))) return s.slice(0, i).trimEnd();
  }
  return s.trimEnd();
}

function parseScalar(raw: string, no: number): unknown {
  const s = raw.trim();
  if (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  if (s === 'true' || s === 'True') return true;
  if (s === 'false' || s === 'False') return false;
  if (s.startsWith('"') || s.startsWith('{') || s.startsWith('[')) {
    try {
      return JSON.parse(s);
    } catch {
      throw new YamlError(`line ${no}: cannot read ${s.slice(0, 40)}`);
    }
  }
  if (s.startsWith("'")) {
    if (!s.endsWith("'") || s.length < 2) throw new YamlError(`line ${no}: unterminated string`);
    return s.slice(1, -1).replace(/''/g, "'");
  }
  if (/^[|>][+-]?$/.test(s) || s.startsWith('&') || s.startsWith('*') || s.startsWith('!'))
    throw new YamlError(`line ${no}: block scalars, anchors and tags are not supported`);
  if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(s)) return Number(s);
  return s;
}

/** Splits `key: value` (key plain or quoted); undefined when the line is not a mapping entry. */
function splitKey(text: string, no: number): [string, string] | undefined {
  if (text.startsWith('"') || text.startsWith("'")) {
    const q = text[0] as string;
    let i = 1;
    for (; i < text.length; i++) {
      if (q === '"' && text[i] === '\\') i++;
      else if (text[i] === q) {
        if (q === "'" && text[i + 1] === "'") i++;
        else break;
      }
    }
    const rest = text.slice(i + 1);
    if (!/^:(\s|$)/.test(rest)) return undefined;
    return [String(parseScalar(text.slice(0, i + 1), no)), rest.slice(1).trim()];
  }
  const m = /^([^:#{}[\],]+?):(\s+(.*))?$/.exec(text);
  return m ? [(m[1] as string).trim(), (m[3] ?? '').trim()] : undefined;
}

export function parseYaml(text: string): unknown {
  const lines: Line[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (/^\s*(#.*)?$/.test(l) || l.trim() === '---' || l.trim() === '...') return;
    if (/^\s*\t/.test(l)) throw new YamlError(`line ${i + 1}: tabs are not allowed for indentation`);
    const t = stripComment(l);
    lines.push({ indent: t.length - t.trimStart().length, text: t.trim(), no: i + 1 });
  });
  if (lines.length === 0) return null;
  let pos = 0;

  function block(): unknown {
    const first = lines[pos] as Line;
    if (first.text === '-' || first.text.startsWith('- ')) return sequence(first.indent);
    if (splitKey(first.text, first.no)) return mapping(first.indent);
    pos++;
    return parseScalar(first.text, first.no);
  }

  function sequence(ind: number): unknown[] {
    const out: unknown[] = [];
    while (pos < lines.length) {
      const l = lines[pos] as Line;
      if (l.indent !== ind || !(l.text === '-' || l.text.startsWith('- '))) break;
      const rest = l.text.slice(1).trim();
      if (rest === '') {
        pos++;
        out.push(pos < lines.length && (lines[pos] as Line).indent > ind ? block() : null);
      } else if (splitKey(rest, l.no) && !rest.startsWith('{') && !rest.startsWith('[')) {
        // `- key: value` opens a mapping indented past the dash.
        lines[pos] = { indent: ind + 2, text: rest, no: l.no };
        out.push(mapping(ind + 2));
      } else {
        pos++;
        out.push(parseScalar(rest, l.no));
      }
    }
    return out;
  }

  function mapping(ind: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (pos < lines.length) {
      const l = lines[pos] as Line;
      if (l.indent < ind) break;
      if (l.indent > ind) throw new YamlError(`line ${l.no}: unexpected indentation`);
      if (l.text === '-' || l.text.startsWith('- ')) break;
      const kv = splitKey(l.text, l.no);
      if (!kv) throw new YamlError(`line ${l.no}: expected "key: value"`);
      const [k, v] = kv;
      pos++;
      if (v !== '') out[k] = parseScalar(v, l.no);
      else if (pos < lines.length) {
        const next = lines[pos] as Line;
        const nested =
          next.indent > ind || (next.indent === ind && (next.text === '-' || next.text.startsWith('- ')));
        out[k] = nested ? block() : null;
      } else out[k] = null;
    }
    return out;
  }

  const v = block();
  if (pos < lines.length) throw new YamlError(`line ${(lines[pos] as Line).no}: unexpected content`);
  return v;
}
