// A detail table whose rows can be selected (issue 17): each row carries what it stands for.
import { str } from './format.ts';
import type { DetailBlock, DetailRowTarget } from './types.ts';

export interface SelectRow {
  cells: readonly unknown[];
  target: DetailRowTarget;
}

export function selectTable(columns: string[], rows: readonly SelectRow[], empty = 'none'): DetailBlock {
  return {
    kind: 'table',
    columns,
    rows: rows.map((r) => r.cells.map(str)),
    targets: rows.map((r) => r.target),
    empty,
  };
}

/** Target of a row that stands for an API (Bound APIs, Authorized APIs). */
export function apiTarget(
  apiId: string | undefined,
  name: string | undefined,
  value: unknown,
): DetailRowTarget {
  const id = apiId ?? '';
  return { id, value, open: { screen: 'apis', itemId: id, label: name ?? id } };
}

/** Target of a row that stands for another resource's item (a policy, an app): its detail. */
export function policyTarget(
  screen: string,
  id: string,
  name: string | undefined,
  value: unknown,
): DetailRowTarget {
  return { id, value, open: { screen, itemId: id, label: name ?? id } };
}
