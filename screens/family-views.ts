// The message (MQS) and device (LINK) families' dialogs and views. Their kinds are registered at
// start (mqs-actions.tsx, actions/link.tsx); their code is behind these dynamic import()s, so the
// build puts it in the families' chunks, read the first time one of their lists or dialogs opens.
import { familyModule } from '../src/app/lazy-modal.tsx';

export const mqsViews = familyModule(() => import('./mqs-views.ts'));
export const linkViews = familyModule(() => import('./actions/link-views.tsx'));

/**
 * Starts reading a family's dialogs while one of its lists loads, so that a key pressed on its rows
 * finds them ready (a dialog that is not ready yet shows "loading…" and keeps the keys). It waits
 * for `client` (the family's client module) and a turn more, so the list's first request is sent
 * before the views are read: they load while the answer travels.
 */
export function preloadViews<T>(views: { load(): Promise<unknown> }, client: Promise<T>): Promise<T> {
  client.then(
    () => setImmediate(() => views.load().catch(() => undefined)),
    () => undefined,
  );
  return client;
}
