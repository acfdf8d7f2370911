// The store a session starts with and the first screen's reads, without React: the CLI starts these
// reads before it loads the UI's code (Ink, React, Yoga, the screens), so the first round trip runs
// while that code is evaluated and the first frame can already show the rows.
import type { RomaClient } from '../api/client.ts';
import { apisScreen } from '../../screens/apis.ts';
import { instancesScreen } from '../../screens/instances.ts';
import type { ResourceDescriptor } from '../../screens/types.ts';
import { createDashboardStore, type DashboardState, type DashboardStore } from '../store/store.ts';
import type { ResumePoint } from './resume.ts';
import { applyPoint, pointApplies, screenOfPoint } from './resume-point.ts';
import { listRequest } from './screen-requests.ts';

/** A session opens on its instance's APIs, or on the instance list when no single instance is set. */
export const ROOT_SCREENS: readonly ResourceDescriptor[] = [apisScreen, instancesScreen];

export function createSessionStore(
  client: RomaClient,
  instanceId: string | null,
  autoRefreshMs: number | null,
): DashboardStore {
  return createDashboardStore(client, {
    instanceId,
    rootScreen: instanceId ? apisScreen.id : instancesScreen.id,
    autoRefreshMs,
  });
}

/**
 * Puts a store not shown yet at the view saved when the last session ended, so that the first reads
 * are that view's and not the root's, which the session would leave at once. `screens`: the
 * descriptors known (an unknown saved screen opens the APIs list). The shell's restorePoint then
 * checks that the saved instance still exists.
 */
export function startAtPoint(
  store: DashboardStore,
  point: ResumePoint | null,
  screens: readonly ResourceDescriptor[],
): boolean {
  if (!pointApplies(store.getState(), point)) return false;
  applyPoint(
    store,
    point,
    screenOfPoint(point, (id) => screens.some((d) => d.id === id)),
  );
  return true;
}

/** The instance list, read on its own channel: the top list's reads are not cancelled by it. */
function instanceListRequest() {
  const { channel: _list, ...req } = listRequest(instancesScreen, null, {});
  return req;
}

/** Resolves when the instance list (asked for by prefetchFirstScreen when an instance is set) is in. */
export async function instanceListIn(store: DashboardStore): Promise<void> {
  await store.getState().actions.ensure(instanceListRequest());
}

/**
 * Starts the requests of the first screen: the top list, and the instance row the header names.
 * The views' `ensure` on mount then joins these requests instead of starting their own. Resolves
 * when the top list's first rows (or its error) are in the store. `screens` must hold the top one's
 * descriptor (the root screens unless a saved view was opened).
 */
export function prefetchFirstScreen(
  store: DashboardStore,
  screens: readonly ResourceDescriptor[] = ROOT_SCREENS,
): Promise<void> {
  const s = store.getState();
  const top = s.stack.at(-1);
  const d = screens.find((r) => r.id === top?.screen);
  if (s.instanceId !== null) void s.actions.ensure(instanceListRequest());
  if (!top || !d || top.view !== 'list' || (d.instanceScoped && s.instanceId === null))
    return Promise.resolve();
  const req = listRequest(d, s.instanceId, top.params);
  void s.actions.ensure(req);
  const arrived = (st: DashboardState) => {
    const slice = st.resources[req.family]?.[req.key];
    return slice !== undefined && (slice.data !== null || slice.error !== null || !slice.loading);
  };
  return new Promise((resolve) => {
    if (arrived(store.getState())) return resolve();
    const off = store.subscribe((st) => {
      if (!arrived(st)) return;
      off();
      resolve();
    });
  });
}

/**
 * How long the first frame may wait, once the UI's code is loaded, for the first screen's rows
 * asked for before it: then it shows the rows, instead of a "loading" frame drawn and at once
 * drawn again. A slower gateway gets the loading frame after this.
 */
export const FIRST_FRAME_WAIT_MS = 100;
