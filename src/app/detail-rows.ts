// Selectable rows of a detail tab (issue 17): a part marked `selectable` renders tables whose rows
// carry a DetailRowTarget. There the navigation keys move a row cursor instead of scrolling, Enter
// opens the row's resource, `y` shows the row and `c` copies its id. Generic: DetailView asks this
// hook for handlers, whatever the part.
import { useMemo } from 'react';
import { resourceById } from '../../screens/registry.ts';
import type { DetailRowTarget, DetailSection } from '../../screens/types.ts';
import type { CommandHandlers } from '../keys/router.tsx';
import { useActions, useDashboardStore } from '../store/react.tsx';
import { listRequest } from './data.ts';
import type { Line } from './detail-lines.ts';
import { copyToClipboard, useAppEnv } from './env.tsx';

export interface DetailRows {
  /** Line (of `lines`) of the selected row, to highlight; undefined when the tab has no rows to select. */
  selectedLine: number | undefined;
  /** Handlers that take over from the detail's own while the tab is selectable. */
  handlers: CommandHandlers;
}

export function targetsOf(sections: readonly DetailSection[]): DetailRowTarget[] {
  return sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' && b.targets ? b.targets : [])));
}

/** The scroll that shows `line`, moving as little as possible; the first row also shows the headings above it. */
export function scrollFor(line: number, row: number, cur: number, bodyHeight: number): number {
  if (row === 0 && line < bodyHeight) return 0;
  if (line < cur) return line;
  if (line >= cur + bodyHeight) return line - bodyHeight + 1;
  return cur;
}

export function useDetailRows(
  selectable: boolean,
  sections: readonly DetailSection[],
  lines: readonly Line[],
  bodyHeight: number,
  selectedIndex: number,
): DetailRows {
  const store = useDashboardStore();
  const actions = useActions();
  const env = useAppEnv();
  const targets = useMemo(() => (selectable ? targetsOf(sections) : []), [selectable, sections]);
  const rowLines = useMemo(() => lines.flatMap((l, i) => (l.row === undefined ? [] : [i])), [lines]);
  if (!selectable) return { selectedLine: undefined, handlers: {} };

  const n = Math.min(targets.length, rowLines.length);
  const clamp = (i: number) => Math.max(0, Math.min(n - 1, i));
  const current = () => clamp(store.getState().stack.at(-1)?.list.selectedIndex ?? 0);
  if (n === 0)
    // an empty table: the keys scroll as in any detail; Enter says there is nothing to open
    return {
      selectedLine: undefined,
      handlers: { enter: () => actions.setStatus({ level: 'info', text: 'no row to open' }) },
    };
  const move = (to: (i: number) => number) => {
    const next = clamp(to(current()));
    const cur = store.getState().stack.at(-1)?.detailScroll ?? 0;
    actions.updateList({ selectedIndex: next });
    actions.setDetailScroll(scrollFor(rowLines[next] ?? 0, next, cur, bodyHeight));
  };
  const row = () => targets[current()];
  const half = Math.max(1, Math.floor(bodyHeight / 2));

  return {
    selectedLine: rowLines[clamp(selectedIndex)],
    handlers: {
      up: () => move((i) => i - 1),
      down: () => move((i) => i + 1),
      top: () => move(() => 0),
      bottom: () => move(() => n - 1),
      pageUp: () => move((i) => i - bodyHeight),
      pageDown: () => move((i) => i + bodyHeight),
      halfPageUp: () => move((i) => i - half),
      halfPageDown: () => move((i) => i + half),
      enter: () => {
        const t = row();
        const d = t?.open ? resourceById(t.open.screen) : undefined;
        if (!t?.open || !d) {
          actions.setStatus({ level: 'info', text: 'nothing to open for this row' });
          return;
        }
        const open = t.open;
        const s = store.getState();
        // The detail finds its item in the resource's list: load it first (no channel, so the list on
        // the `list` channel is not aborted).
        const { channel: _channel, ...req } = listRequest(d, d.instanceScoped ? s.instanceId : null, {});
        void s.actions
          .ensure(req)
          .then(() =>
            store.getState().actions.push(open.screen, 'detail', { itemId: open.itemId, label: open.label }),
          );
      },
      json: () => {
        const t = row();
        if (!t) return false;
        actions.pushModal({ kind: 'json', props: { title: t.open?.label ?? t.id, value: t.value } });
      },
      copyId: () => {
        const t = row();
        if (!t) return false;
        const { where } = copyToClipboard(env, t.id);
        actions.setStatus({ level: 'info', text: `copied id ${t.id} ${where}` });
      },
    },
  };
}
