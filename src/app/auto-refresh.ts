// The auto-refresh timer: the only timer of an idle dashboard, and only while auto-refresh is on.
// Each tick asks the views on screen to refresh what they show (store `autoRefresh`). It backs off
// while nobody looks (the terminal reports lost focus, when it supports focus reporting) and while
// the gateway answers slowly, so a slow or unattended dashboard does not keep a gateway busy.
import { useEffect } from 'react';
import type { DashboardStore } from '../store/store.ts';

/** Focus reporting (xterm mode 1004): the terminal then sends ESC [ I on focus and ESC [ O on blur. */
export const FOCUS_REPORTING_ON = '\u001b[?1004h';
export const FOCUS_REPORTING_OFF = '\u001b[?1004l';

// ESC [ I / ESC [ O, wherever they are in a chunk of input.
const FOCUS_REPORT = /\u001b\[([IO])/g;

/**
 * Watches `stdin` for focus reports and tells `onFocus`. Ink 8 reads the terminal with `read()` and
 * drops the reports it does not know, so no key handler ever sees them: they are taken out here,
 * before Ink's parser, by wrapping `read()`. Returns the undo.
 */
export function watchFocus(
  stdin: { read: (size?: number) => unknown },
  onFocus: (focused: boolean) => void,
): () => void {
  const read = stdin.read;
  stdin.read = function (this: unknown, size?: number) {
    const chunk = read.call(this, size) as string | Buffer | null;
    if (chunk === null) return chunk;
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (!text.includes('\u001b[I') && !text.includes('\u001b[O')) return chunk;
    return text.replace(FOCUS_REPORT, (_, which: string) => {
      onFocus(which === 'I');
      return '';
    });
  };
  return () => {
    stdin.read = read;
  };
}

const EFFECTS_GRACE_MS = 50;
/** A refresh that took longer than this share of the period counts as slow. */
const SLOW_SHARE = 0.25;
/** The period grows at most to this multiple of the chosen one. */
export const MAX_BACKOFF = 8;

/**
 * The wait before the next tick: the chosen period, doubled after each slow refresh (up to
 * MAX_BACKOFF times the period), back to the period after a fast one.
 */
export function nextDelay(periodMs: number, currentMs: number, lastRefreshMs: number): number {
  if (lastRefreshMs <= periodMs * SLOW_SHARE) return periodMs;
  return Math.min(periodMs * MAX_BACKOFF, Math.max(periodMs, currentMs) * 2);
}

/**
 * Runs auto-refresh ticks every `periodMs` (null: off). A tick is skipped while a request is
 * running (a refresh replaces the requests in flight, so against a gateway slower than the period
 * nothing would ever land) and while the terminal is not focused. `writeRaw` turns focus
 * reporting on while auto-refresh is on.
 */
export function useAutoRefresh(
  store: DashboardStore,
  periodMs: number | null,
  writeRaw: ((s: string) => void) | undefined,
): void {
  useEffect(() => {
    if (!periodMs) return;
    writeRaw?.(FOCUS_REPORTING_ON);
    let stopped = false;
    let delay = periodMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      if (!stopped) timer = setTimeout(() => void tick(), delay);
    };
    const tick = async () => {
      const s = store.getState();
      if (s.inFlight > 0 || !s.focused) return schedule();
      const t0 = Date.now();
      s.actions.autoRefresh();
      // the views start their requests in effects after the next render
      await new Promise((resolve) => setTimeout(resolve, EFFECTS_GRACE_MS));
      await store.whenIdle();
      if (stopped) return;
      delay = nextDelay(periodMs, delay, Date.now() - t0 - EFFECTS_GRACE_MS);
      schedule();
    };
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
      writeRaw?.(FOCUS_REPORTING_OFF);
      // back in focus for the next time (the terminal stops reporting, so a blur would stick)
      store.getState().actions.setFocused(true);
    };
  }, [store, periodMs, writeRaw]);
}
