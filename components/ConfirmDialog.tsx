// Confirmation naming the object, the environment and the effect. The default is No: Enter on
// an ordinary dialog picks the focused button (No unless moved); a destructive dialog ignores
// Enter entirely and needs `y` typed.
import { Text } from 'ink';
import { useState } from 'react';
import { commandKeysLabel } from '../src/keys/keymap.ts';
import { dispatchCommand, useKeyHandler } from '../src/keys/router.tsx';
import { sanitizeText } from '../src/ui/sanitize.ts';
import { useTheme } from '../src/ui/theme.ts';
import { Modal } from './Modal.tsx';

export interface ConfirmDialogProps {
  /** Verb phrase: "Publish API", "Delete throttling policy". */
  action: string;
  /** The object acted on (server text; sanitised). */
  object: string;
  environment?: string;
  /** What will happen: "Callers in RELEASE will get version 3". */
  effect: string;
  /** Whether it acts on the marked rows or the cursor row ("Acts on the 3 marked rows of the list"). */
  scope?: string;
  destructive?: boolean;
  /** Controlled highlight (the shell's footer names what Enter does); uncontrolled when absent. */
  yesFocused?: boolean;
  onFocusChange?: (yes: boolean) => void;
  onConfirm: () => void;
  onCancel: () => void;
  width: number;
}

export function ConfirmDialog(p: ConfirmDialogProps) {
  const theme = useTheme();
  const [ownYes, setOwnYes] = useState(false);
  const yesFocused = p.yesFocused ?? ownYes;
  const setYesFocused = (yes: boolean): void => {
    if (p.onFocusChange) p.onFocusChange(yes);
    else setOwnYes(yes);
  };
  const [nudge, setNudge] = useState(false);
  useKeyHandler('modal', (k) => {
    const handled = dispatchCommand(k, ['modal'], {
      confirm: () => p.onConfirm(),
      cancel: () => p.onCancel(),
      submit: () => {
        if (p.destructive === true) setNudge(true);
        else if (yesFocused) p.onConfirm();
        else p.onCancel();
      },
    });
    if (!handled && p.destructive !== true && ['left', 'right', 'tab', 'h', 'l'].includes(k.id)) {
      setYesFocused(!yesFocused);
    }
    return true; // a modal swallows every key
  });
  const env = p.environment !== undefined ? ` in ${sanitizeText(p.environment)}` : '';
  const hint =
    p.destructive === true
      ? `type ${commandKeysLabel('confirm')} to confirm · ${commandKeysLabel('cancel')} cancel`
      : `${commandKeysLabel('confirm')} yes · ${commandKeysLabel('cancel')} no · Enter: ${yesFocused ? 'yes' : 'no'} · ←/→ move`;
  return (
    <Modal title={`${p.action}?`} width={p.width} danger={p.destructive === true} footer={hint}>
      <Text wrap="wrap">
        <Text bold>{sanitizeText(p.object)}</Text>
        {env}
      </Text>
      <Text wrap="wrap" color={p.destructive === true ? theme.tokens.danger : undefined}>
        {sanitizeText(p.effect)}
      </Text>
      {p.scope ? <Text color={theme.tokens.muted}>{p.scope}</Text> : null}
      {p.destructive === true ? (
        nudge ? (
          <Text color={theme.tokens.warning}>Enter does not confirm a destructive action: type y</Text>
        ) : null
      ) : (
        <Text>
          <Text inverse={yesFocused}> Yes </Text> <Text inverse={!yesFocused}> No </Text>
        </Text>
      )}
    </Modal>
  );
}
