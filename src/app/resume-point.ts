// Putting a store at a saved view (src/app/resume.ts), without React: the CLI does it before the UI
// loads, so that the first screen's reads are the saved view's; the shell's restorePoint does it
// for a profile switched to, and for the first session checks that the saved instance still exists.
import { instancesScreen } from '../../screens/instances.ts';
import type { DashboardState, DashboardStore } from '../store/store.ts';
import { sanitizeText } from '../ui/sanitize.ts';
import type { ResumePoint } from './resume.ts';
import { listKey } from './screen-requests.ts';

/** The screen a point opens: its own when known, else the APIs list. */
export function screenOfPoint(point: ResumePoint, known: (screen: string) => boolean): string {
  return known(point.screen) ? point.screen : 'apis';
}

/** Whether `point` applies to this session: an instance pinned at start wins over a different one. */
export function pointApplies(s: DashboardState, point: ResumePoint | null): point is ResumePoint {
  return point !== null && (s.instanceId === null || point.instanceId === s.instanceId);
}

export function applyPoint(store: DashboardStore, point: ResumePoint, screen: string): void {
  const { actions } = store.getState();
  if (point.instanceId !== null) actions.setInstance(point.instanceId);
  actions.jump(screen, point.params ? { ...point.params } : undefined);
  if (point.filter) actions.updateList({ filter: point.filter });
  // the start screen is not a context worth returning to with `-`
  store.setState({ previous: null });
}

/** True when the store shows `point`'s view alone (put there by applyPoint, nothing moved since). */
export function atPoint(s: DashboardState, point: ResumePoint, screen: string): boolean {
  const top = s.stack[0];
  if (s.stack.length !== 1 || !top || top.screen !== screen || s.instanceId !== point.instanceId)
    return false;
  const want = point.params ?? {};
  const have = top.params;
  return (
    Object.keys(want).length === Object.keys(have).length &&
    Object.entries(want).every(([k, v]) => have[k] === v) &&
    top.list.filter === point.filter
  );
}

/** The loaded instance list's rows; undefined while it is not loaded (or failed). */
export function instanceRows(s: DashboardState): unknown[] | undefined {
  const data = s.resources.instances?.[listKey(null, {})]?.data;
  return Array.isArray(data) ? (data as unknown[]) : undefined;
}

/** The name of instance `id` in the loaded instance list (undefined while it is not loaded). */
export function instanceName(s: DashboardState, id: string): string | undefined {
  const row = instanceRows(s)?.find((r) => instancesScreen.idOf(r) === id);
  return row === undefined ? undefined : instancesScreen.nameOf(row);
}

/**
 * When the loaded instance list lacks `point`'s instance: the instance list opens with a note and no
 * instance is chosen (the store may have been put on it early, or it was pinned). True when gone.
 */
export function leaveIfInstanceGone(store: DashboardStore, point: ResumePoint): boolean {
  if (point.instanceId === null) return false;
  const rows = instanceRows(store.getState());
  if (rows === undefined || rows.some((r) => instancesScreen.idOf(r) === point.instanceId)) return false;
  const { actions } = store.getState();
  if (store.getState().instanceId === point.instanceId) actions.setInstance(null);
  actions.jump('instances');
  actions.setStatus({
    level: 'warning',
    text: `the last instance ${sanitizeText(point.instanceName ?? point.instanceId)} no longer exists: choose one`,
  });
  store.setState({ previous: null });
  return true;
}
