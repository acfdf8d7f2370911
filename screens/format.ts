// Small formatting helpers shared by the descriptors. Output is raw text: the components sanitise.
import type { Column, DetailBlock } from './types.ts';

export const DASH = '—';

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/;

/**
 * The one timestamp format: `2024-03-10 07:00:00Z` (UTC, seconds; the zone says it is not local).
 * Timestamps arrive as ISO instants (normalize.ts); anything else is shown as it came.
 */
export function fmtTime(v: unknown): string {
  if (v === undefined || v === null || v === '') return DASH;
  const m = typeof v === 'string' ? ISO_INSTANT.exec(v) : null;
  return m ? `${m[1]} ${m[2]}Z` : String(v);
}

/** Relative age for lists: `45s ago`, `12m ago`, `3h ago`, `3d ago`, `5mo ago`, `2y ago`; `—` when unknown. */
export function ago(v: unknown, now: number = Date.now()): string {
  if (typeof v !== 'string' || !ISO_INSTANT.test(v)) return v === undefined || v === null ? DASH : String(v);
  const s = Math.round((now - Date.parse(v)) / 1000);
  if (s < 0) return fmtTime(v); // in the future: clock skew; show the instant
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ago`;
  if (s < 86400 * 60) return `${Math.floor(s / 86400)}d ago`;
  if (s < 86400 * 730) return `${Math.floor(s / (86400 * 30))}mo ago`;
  return `${Math.floor(s / (86400 * 365))}y ago`;
}

export function str(v: unknown): string {
  if (v === undefined || v === null || v === '') return DASH;
  if (typeof v === 'string' && ISO_INSTANT.test(v)) return fmtTime(v);
  if (Array.isArray(v)) return v.length === 0 ? DASH : v.map(str).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * C7: several publications are joined into one string by a separator the reference lost. Tolerant
 * client: accept any of `|`, `,`, `;` or whitespace.
 */
export function splitList(v: string | undefined): string[] {
  if (!v) return [];
  return v
    .split(/[|,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function mask(secret: string | undefined, revealed: boolean): string {
  if (!secret) return DASH;
  return revealed ? secret : '•'.repeat(8) + '  (x reveals)';
}

/** 1 = yes, 2 = no (C6). */
export function yesNo(v: number | undefined): string {
  return v === 1 ? 'yes' : v === 2 ? 'no' : DASH;
}

export function fields(...pairs: Array<readonly [string, unknown]>): DetailBlock {
  return { kind: 'fields', fields: pairs.map(([k, v]) => [k, str(v)] as const) };
}

export function table(columns: string[], rows: unknown[][], empty = 'none'): DetailBlock {
  return { kind: 'table', columns, rows: rows.map((r) => r.map(str)), empty };
}

/** A list column with an item's age (`3d ago`), sorted by the time itself. */
export function ageColumn<T>(id: string, title: string, time: (r: T) => unknown): Column<T> {
  return {
    id,
    title,
    width: 9,
    align: 'right',
    get: (r) => ago(time(r)),
    sortValue: (r) => String(time(r) ?? ''),
  };
}

/** A right-aligned number column (limits, counts), sorted numerically; absent values sort first. */
export function countColumn<T>(
  id: string,
  title: string,
  width: number,
  value: (r: T) => number | undefined,
  show: (v: number | undefined) => string = str,
): Column<T> {
  return { id, title, width, align: 'right', get: (r) => show(value(r)), sortValue: (r) => value(r) ?? -1 };
}
