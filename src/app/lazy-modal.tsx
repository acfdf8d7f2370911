// A modal whose component lives in a family's chunk (the message and device dialogs): the kind is
// registered at start like any other, and the component's code is read the first time one opens.
// While it loads, the layer shows one line and keeps keys from reaching the view beneath.
import { Text } from 'ink';
import { createElement, useEffect, useState, type ComponentType } from 'react';
import { useKeyHandler } from '../keys/router.tsx';
import { useActions } from '../store/react.tsx';
import { sanitizeText } from '../ui/sanitize.ts';
import type { ModalProps } from './modals.tsx';

/** A module loaded once on first use; `current()` answers without waiting once it has loaded. */
export interface FamilyModule<M> {
  load(): Promise<M>;
  current(): M | undefined;
}

export function familyModule<M>(importer: () => Promise<M>): FamilyModule<M> {
  let loaded: M | undefined;
  let pending: Promise<M> | undefined;
  return {
    load() {
      pending ??= importer().then(
        (m) => (loaded = m),
        (e: unknown) => {
          pending = undefined;
          throw e;
        },
      );
      return pending;
    },
    current: () => loaded,
  };
}

/** The modal component `pick(module)`, its module loaded when the first such modal opens. */
export function lazyModal<M>(
  family: FamilyModule<M>,
  pick: (m: M) => ComponentType<ModalProps>,
): ComponentType<ModalProps> {
  function LazyModal(p: ModalProps) {
    const [m, setM] = useState<M | undefined>(family.current);
    const [failed, setFailed] = useState<string | null>(null);
    useEffect(() => {
      if (m !== undefined) return;
      let live = true;
      family.load().then(
        (x) => live && setM(() => x),
        (e: unknown) => live && setFailed(sanitizeText(e instanceof Error ? e.message : e)),
      );
      return () => {
        live = false;
      };
    }, [m]);
    if (m !== undefined) return createElement(pick(m), p);
    return <Loading failed={failed} />;
  }
  return LazyModal;
}

function Loading({ failed }: { failed: string | null }) {
  const actions = useActions();
  useKeyHandler('modal', () => {
    if (failed !== null) actions.popModal();
    return true;
  });
  return <Text>{failed === null ? 'loading…' : `cannot load this dialog: ${failed} (any key closes)`}</Text>;
}
