// What a list shows above its table (ResourceDescriptor.banner, e.g. the pulse's totals) and the
// live lists (ResourceDescriptor.live) that keep auto-refresh on while they are shown.
import { Box, Text } from 'ink';
import { useEffect, useMemo } from 'react';
import type { FetchContext, ResourceDescriptor } from '../../screens/types.ts';
import type { RomaClient } from '../api/client.ts';
import { useActions, useDashboardStore, useStore } from '../store/react.tsx';
import { selectSlice } from '../store/selectors.ts';
import type { ResourceRequest } from '../store/slice.ts';
import { useTheme } from '../ui/theme.ts';
import { listKey } from './data.ts';
import { sectionsToLines, type Line } from './detail-lines.ts';
import { styleOf } from './DetailView.tsx';
import { useAppEnv } from './env.tsx';

export function bannerRequest(
  d: ResourceDescriptor,
  instanceId: string | null,
  params: Readonly<Record<string, string>>,
): ResourceRequest<unknown, RomaClient> | null {
  const banner = d.banner;
  if (!banner) return null;
  return {
    family: `${d.id}.banner`,
    key: listKey(instanceId, params),
    channel: 'banner',
    fetch: (client, signal, warn) =>
      banner.fetch({ client, instanceId, params, signal, warn } satisfies FetchContext),
  };
}

/** The banner's lines (at most `maxLines`), loaded when shown and on refresh ticks; [] without one. */
export function useBannerLines(
  d: ResourceDescriptor,
  params: Readonly<Record<string, string>>,
  rows: readonly unknown[],
  width: number,
  maxLines: number,
): Line[] {
  const instanceId = useStore((s) => s.instanceId);
  const tick = useStore((s) => s.refreshTick);
  const actions = useActions();
  const theme = useTheme();
  const key = listKey(instanceId, params);
  const slice = useStore(selectSlice<unknown>(`${d.id}.banner`, key));
  const blocked = d.instanceScoped && instanceId === null;
  useEffect(() => {
    const req = bannerRequest(d, instanceId, params);
    if (!req || blocked) return;
    void (tick === 0 ? actions.ensure(req) : actions.load(req));
    // params are covered by key
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [d, key, tick, blocked]);
  return useMemo(() => {
    if (!d.banner || blocked) return [];
    const sections =
      slice.data != null
        ? d.banner.render(slice.data, rows)
        : [
            {
              title: d.title,
              blocks: [
                {
                  kind: 'text' as const,
                  text: slice.error ? 'failed to load (see the status line)' : 'loading…',
                },
              ],
            },
          ];
    const lines = sectionsToLines(sections, width, theme.unicode);
    return [...lines.slice(0, Math.max(0, maxLines - 1)), { parts: [] }];
  }, [d, blocked, slice.data, slice.error, rows, width, theme.unicode, maxLines]);
}

export function BannerLines({ lines }: { lines: readonly Line[] }) {
  const theme = useTheme();
  if (lines.length === 0) return null;
  return (
    <Box flexDirection="column" flexShrink={0}>
      {lines.map((l, i) => (
        <Text key={i} wrap="truncate">
          {l.parts.length === 0
            ? ' '
            : l.parts.map((p, j) => (
                <Text key={j} {...styleOf(p.style, theme)}>
                  {p.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}

/**
 * A live list turns auto-refresh on while shown (the shell's one timer) and off again when left,
 * unless it was already on or the user changed it meanwhile.
 */
export function useLiveWhileShown(d: ResourceDescriptor): void {
  const store = useDashboardStore();
  const { defaultRefreshMs } = useAppEnv();
  useEffect(() => {
    if (!d.live || store.getState().autoRefreshMs) return;
    const ms = defaultRefreshMs;
    store.getState().actions.setAutoRefresh(ms);
    return () => {
      if (store.getState().autoRefreshMs === ms) store.getState().actions.setAutoRefresh(null);
    };
  }, [d, store, defaultRefreshMs]);
}
