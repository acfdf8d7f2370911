// Scroll state for a read-only scrollable view (detail, JSON, help), driven by the key map's
// navigation commands. Updates are functional so a burst of keys composes.
import { useState } from 'react';
import { useCommands, type KeyLayer } from '../src/keys/router.tsx';

export function clampOffset(offset: number, lineCount: number, height: number): number {
  return Math.max(0, Math.min(offset, lineCount - height));
}

/** Returns the first visible line; registers up/down/top/bottom/page keys while `active`. */
export function useScroll(
  lineCount: number,
  height: number,
  active: boolean,
  layer: KeyLayer = 'list',
): number {
  const [offset, setOffset] = useState(0);
  const page = Math.max(1, height - 1);
  const half = Math.max(1, Math.floor(height / 2));
  const by = (delta: number) => () =>
    setOffset((o) => clampOffset(clampOffset(o, lineCount, height) + delta, lineCount, height));
  useCommands(
    layer,
    ['detail'],
    {
      up: by(-1),
      down: by(1),
      pageUp: by(-page),
      pageDown: by(page),
      halfPageUp: by(-half),
      halfPageDown: by(half),
      top: () => setOffset(0),
      bottom: () => setOffset(clampOffset(lineCount, lineCount, height)),
    },
    { active },
  );
  return clampOffset(offset, lineCount, height);
}
