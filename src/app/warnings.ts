// The client's per-record repairs (Page.warnings, validateSingle) as one non-fatal note.

/** Distinct records among the warning paths (`$.apis[3].name: …` → `$.apis[3]`). */
function recordsOf(warnings: readonly string[]): number {
  const ids = new Set(warnings.map((w) => /^\$(?:\.\w+\[\d+\])?/.exec(w)?.[0] ?? w));
  return ids.size;
}

/** `2 records had unexpected fields: $.apis[3].name: expected string, got object; shown as JSON (+1 more)`. */
export function warningNote(warnings: readonly string[] | undefined): string | undefined {
  if (!warnings || warnings.length === 0) return undefined;
  const n = recordsOf(warnings);
  const head = n === 1 ? '1 record had unexpected fields' : `${n} records had unexpected fields`;
  const more = warnings.length > 1 ? ` (+${warnings.length - 1} more)` : '';
  return `${head}: ${warnings[0]}${more}`;
}
