// The x-ray of an API (issue 17): a tree of what decides how the API answers, walked like a list
// (j/k, PgDn, g/G); Enter opens the node's resource in its own detail view, Esc comes back here
// with the same node selected (the selection lives in the view's NavEntry, as a list's does).
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import {
  CURSOR_STEPS,
  cursorIndex,
  cursorScroll,
  idRows,
  reduceCursor,
  type CursorStep,
} from '../../src/ui/list-cursor.ts';
import { openXrayTarget, useXrayNodes } from '../../src/app/xray-data.ts';
import type { XrayNode } from '../../src/app/xray-tree.ts';
import { useCommands } from '../../src/keys/router.tsx';
import type { NavEntry } from '../../src/store/navigation.ts';
import { useActions, useDashboardStore } from '../../src/store/react.tsx';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { truncateToWidth } from '../../src/ui/text.ts';
import { useTheme, type Theme } from '../../src/ui/theme.ts';

const idOf = (n: XrayNode): string => n.id;

export function XrayView({ entry, width, height }: { entry: NavEntry; width: number; height: number }) {
  const theme = useTheme();
  const store = useDashboardStore();
  const actions = useActions();
  const nodes = useXrayNodes(entry);
  const bodyHeight = Math.max(1, height - 1);
  // the one list cursor (src/ui/list-cursor.ts) over the tree's nodes
  const cursorRows = useMemo(() => idRows(nodes.map(idOf), bodyHeight), [nodes, bodyHeight]);
  const selected = cursorIndex(entry.list, cursorRows);
  const scroll = cursorScroll(entry.list, cursorRows);
  const loading = nodes.filter((n) => n.loading).length;

  const move = (step: CursorStep) => {
    const top = store.getState().stack.at(-1);
    if (!top || top.seq !== entry.seq) return;
    // read current state: keys of a burst compose (see router.tsx)
    actions.updateList(reduceCursor(top.list, { type: 'step', step }, cursorRows));
  };

  useCommands('list', ['list'], {
    ...Object.fromEntries(CURSOR_STEPS.map((step) => [step, () => move(step)])),
    enter: () => {
      const top = store.getState().stack.at(-1);
      const node = top ? nodes[cursorIndex(top.list, cursorRows)] : undefined;
      if (!node) return;
      if (!node.open) {
        actions.setStatus({ level: 'info', text: `${node.kind}: nothing to open here` });
        return;
      }
      void openXrayTarget(store, entry.seq, node.open);
    },
  });

  const title = `X-ray · ${entry.label ?? entry.itemId ?? ''}${loading > 0 ? ` · loading ${loading}…` : ''}`;
  const rows = useMemo(() => nodes.slice(scroll, scroll + bodyHeight), [nodes, scroll, bodyHeight]);
  return (
    <Box flexDirection="column" height={height}>
      <Text bold color={theme.tokens.header} wrap="truncate">
        {truncateToWidth(sanitizeText(title), width)}
      </Text>
      {rows.map((n, i) => (
        <XrayLine key={n.id} node={n} selected={scroll + i === selected} width={width} theme={theme} />
      ))}
    </Box>
  );
}

function XrayLine({
  node: n,
  selected,
  width,
  theme,
}: {
  node: XrayNode;
  selected: boolean;
  width: number;
  theme: Theme;
}) {
  const t = theme.tokens;
  const indent = '  '.repeat(n.depth);
  const mark = n.open ? (theme.unicode ? '▸ ' : '> ') : '  ';
  const kind = `${sanitizeText(n.kind)}  `;
  const status = n.error ? `  ✗ ${sanitizeText(n.error)}` : '';
  const text = sanitizeText(n.text);
  const line = truncateToWidth(`${indent}${mark}${kind}${text}${status}`, width);
  // the parts of the (possibly truncated) line, each with its colour
  const head = `${indent}${mark}${kind}`;
  const headPart = line.slice(0, head.length);
  const rest = line.slice(head.length);
  const bodyEnd = Math.max(0, rest.length - status.length);
  const body = status && rest.endsWith(status) ? rest.slice(0, bodyEnd) : rest;
  const err = status && rest.endsWith(status) ? status : '';
  const color = n.error
    ? undefined
    : n.loading || n.tone === 'muted'
      ? t.muted
      : n.tone
        ? t[n.tone]
        : undefined;
  const selectedStyle = theme.monochrome
    ? { inverse: true }
    : { backgroundColor: t.selectionBg, color: t.selectionFg };
  return (
    <Text wrap="truncate" {...(selected ? selectedStyle : {})}>
      <Text {...(selected ? {} : { color: t.muted })}>{headPart}</Text>
      <Text {...(selected || !color ? {} : { color })}>{body}</Text>
      {err ? <Text {...(selected ? {} : { color: t.danger })}>{err}</Text> : null}
    </Text>
  );
}
