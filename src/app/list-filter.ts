// The `/` filter language of every list (and `:apis <text>`): whitespace-separated terms that all
// must hold. `field:value` matches one column (substring, case-insensitive), `field:!value` is its
// negation, a bare word matches anywhere in the row and `!word` nowhere. Double quotes keep spaces:
// `path:"/v1/a b"`. Pure: the list model parses once per filter change, then tests each row.

/** A field name → the index of the column it reads. */
export type FilterFields = ReadonlyMap<string, number>;

export interface FilterTerm {
  /** Column index; null = the whole row. */
  column: number | null;
  /** Lower-cased. */
  value: string;
  negate: boolean;
}

export interface ParsedFilter {
  terms: readonly FilterTerm[];
  /** Field names of `field:value` terms this list does not have (those terms match as plain text). */
  unknown: readonly string[];
}

const FIELD_TERM = /^([a-z][a-z0-9_-]*):(.*)$/i;

/**
 * The fields of a list: each column's id, plus the descriptor's extra names (`env` → the
 * `published` column of the APIs list). An alias naming no column is ignored.
 */
export function filterFields(
  columns: ReadonlyArray<{ id: string }>,
  aliases: Readonly<Record<string, string>> = {},
): FilterFields {
  const out = new Map<string, number>();
  columns.forEach((c, i) => out.set(c.id.toLowerCase(), i));
  for (const [name, columnId] of Object.entries(aliases)) {
    const i = columns.findIndex((c) => c.id === columnId);
    if (i >= 0) out.set(name.toLowerCase(), i);
  }
  return out;
}

/** Splits on whitespace; a double-quoted run (anywhere in a word) keeps its spaces. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let has = false;
  for (const ch of text) {
    if (ch === '"') {
      quoted = !quoted;
      has = true;
    } else if (!quoted && /\s/.test(ch)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

export function parseListFilter(text: string, fields: FilterFields): ParsedFilter {
  const terms: FilterTerm[] = [];
  const unknown: string[] = [];
  for (const token of tokenize(text)) {
    const m = FIELD_TERM.exec(token);
    const name = m?.[1]?.toLowerCase();
    const column = name === undefined ? undefined : fields.get(name);
    if (m && column !== undefined) {
      const raw = m[2] ?? '';
      const negate = raw.startsWith('!');
      const value = (negate ? raw.slice(1) : raw).toLowerCase();
      // `method:` or `env:!` while still typing: no constraint yet
      if (value !== '') terms.push({ column, value, negate });
      continue;
    }
    if (m && name !== undefined && !unknown.includes(name)) unknown.push(name);
    const negate = token.startsWith('!') && token.length > 1;
    const value = (negate ? token.slice(1) : token).toLowerCase();
    if (value !== '') terms.push({ column: null, value, negate });
  }
  return { terms, unknown };
}

/** `cells`: the row's column texts, lower-cased; `whole`: them joined (the bare-word haystack). */
export function matchesFilter(cells: readonly string[], whole: string, f: ParsedFilter): boolean {
  // indexed, not for-of: the first filter keystroke runs this 10,000 times before it is compiled
  for (let i = 0; i < f.terms.length; i++) {
    const t = f.terms[i] as FilterTerm;
    const text = t.column === null ? whole : (cells[t.column] ?? '');
    if (text.includes(t.value) === t.negate) return false;
  }
  return true;
}

/** How the unknown-field hint starts (the list view clears its own hint by it). */
export const UNKNOWN_FIELD_PREFIX = 'unknown filter field';

/** The status-line hint for unknown field names, or null when every field is known. */
export function unknownFieldsHint(f: ParsedFilter, fields: FilterFields, listTitle: string): string | null {
  if (f.unknown.length === 0) return null;
  const names = [...fields.keys()].join(', ');
  const which = f.unknown.map((u) => `"${u}:"`).join(', ');
  return `${UNKNOWN_FIELD_PREFIX} ${which} (matched as text) — fields of ${listTitle}: ${names}`;
}
