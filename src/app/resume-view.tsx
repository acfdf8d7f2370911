// Returns the dashboard to the saved instance and view on start, then keeps the saved point up to
// date as the user moves. The saved instance must still exist (the instance list is asked); when it
// is gone the instance list opens with a note. An instance pinned at start (`--instance`, a profile
// with one instance) wins over a different saved one.
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { resourceById } from '../../screens/registry.ts';
import type { DashboardState, DashboardStore } from '../store/store.ts';
import { listRequest } from './data.ts';
import type { ResumePoint, ResumeStore } from './resume.ts';
import {
  applyPoint,
  atPoint,
  instanceName,
  instanceRows,
  leaveIfInstanceGone,
  pointApplies,
  screenOfPoint,
} from './resume-point.ts';

/** The view to save: the top-most list of the stack (a detail's list beneath it) and the instance. */
export function pointOf(s: DashboardState): ResumePoint | null {
  const entry = [...s.stack].reverse().find((e) => e.view === 'list');
  if (!entry) return null;
  const name = s.instanceId === null ? undefined : instanceName(s, s.instanceId);
  return {
    instanceId: s.instanceId,
    ...(name !== undefined ? { instanceName: name } : {}),
    screen: entry.screen,
    ...(Object.keys(entry.params).length > 0 ? { params: entry.params } : {}),
    filter: entry.list.filter,
  };
}

/**
 * Applies `point` to a store that has not moved since it started (keys pressed meanwhile win), once
 * the saved instance is known to exist. A store the CLI put there before the UI loaded
 * (startAtPoint) only has the instance checked.
 */
export async function restorePoint(store: DashboardStore, point: ResumePoint | null): Promise<void> {
  const initial = store.getState();
  if (!pointApplies(initial, point)) return;
  const untouched = () => {
    const s = store.getState();
    // a single instance chosen for the user meanwhile (App's onlyInstance) is no move of theirs
    const same = s.instanceId === initial.instanceId || s.instanceId === point.instanceId;
    return s.stack.length === 1 && s.stack[0] === initial.stack[0] && same;
  };
  const screen = screenOfPoint(point, (id) => resourceById(id) !== undefined);
  if (point.instanceId !== null) {
    const d = resourceById('instances');
    if (!d) return;
    await initial.actions.ensure(listRequest(d, null, {}));
    if (!untouched()) return;
    // the list failed: its error is on the status line, the start screen stays
    if (instanceRows(store.getState()) === undefined) return;
    if (leaveIfInstanceGone(store, point)) return;
  }
  if (!atPoint(initial, point, screen)) applyPoint(store, point, screen);
}

/** Saves the point whenever the instance or the view changes (the resume store debounces writes). */
export function rememberView(store: DashboardStore, resume: ResumeStore): () => void {
  let last = '';
  // The instance's name comes from the loaded instance list; until it is loaded (the gateway was down
  // at start) the name saved for the same instance stays, for the note should the instance go.
  let named = resume.start;
  const save = (s: DashboardState) => {
    let p = pointOf(s);
    if (p === null) return;
    if (p.instanceName === undefined && named?.instanceName && named.instanceId === p.instanceId)
      p = { ...p, instanceName: named.instanceName };
    named = p;
    const text = JSON.stringify(p);
    if (text === last) return;
    last = text;
    resume.setPoint(p);
  };
  save(store.getState());
  return store.subscribe((s, prev) => {
    if (s.stack !== prev.stack || s.instanceId !== prev.instanceId || s.resources !== prev.resources) save(s);
  });
}

/** Mounted once by the shell: restore, then remember; the pending save is written on unmount. */
export function useResume(store: DashboardStore, resume: ResumeStore | undefined): void {
  useEffect(() => {
    if (!resume) return;
    let live = true;
    let stop = () => {};
    void restorePoint(store, resume.start)
      .catch(() => undefined)
      .finally(() => {
        if (live) stop = rememberView(store, resume);
      });
    return () => {
      live = false;
      stop();
      resume.flush();
    };
  }, [store, resume]);
}

const ResumeContext = createContext<ResumeStore | null>(null);

/** The session's resume store (AppEnv.resume, or a memory-only one the App makes). */
export function ResumeProvider({ resume, children }: { resume: ResumeStore; children: ReactNode }) {
  return <ResumeContext.Provider value={resume}>{children}</ResumeContext.Provider>;
}

export function useResumeStore(): ResumeStore {
  const r = useContext(ResumeContext);
  if (!r) throw new Error('useResumeStore outside <ResumeProvider>');
  return r;
}
