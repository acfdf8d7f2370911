// A small single-line input on the key router (so it takes keys before the list beneath it).
// Controlled value, own cursor; a pasted chunk is inserted whole (line breaks become spaces);
// masked mode shows • for secrets. Typed or pasted text is sanitised for display.
import { Text } from 'ink';
import { useState } from 'react';
import { commandsForKey } from '../src/keys/keymap.ts';
import { isTextKey, type KeyEvent } from '../src/keys/keys.ts';
import { useKeyHandler, type KeyLayer } from '../src/keys/router.tsx';
import { sanitizeText } from '../src/ui/sanitize.ts';
import { useTheme } from '../src/ui/theme.ts';

export interface TextInputProps {
  value: string;
  onChange: (value: string) => void;
  onSubmit?: (value: string) => void;
  onCancel?: () => void;
  /** Tab; when absent Tab is not consumed. */
  onComplete?: (value: string) => void;
  /** Up/Down; when absent they fall through. */
  onMove?: (direction: -1 | 1) => void;
  placeholder?: string;
  prompt?: string;
  /** Show every character as • (passwords, secrets). */
  mask?: boolean;
  /** Registers the key handler (default true). */
  active?: boolean;
  /** Router layer (default 'input'; a dialog's own field may use 'modal'). */
  layer?: KeyLayer;
  /** Consume every key, even those it does not use, so nothing reaches the views beneath. */
  captureAll?: boolean;
}

interface EditState {
  value: string;
  cursor: number;
}

/** Applies one key to the edit state; null when the key is not an editing key. */
export function editLine(s: EditState, key: KeyEvent): EditState | null {
  const chars = Array.from(s.value);
  const cur = Math.min(s.cursor, chars.length);
  for (const cmd of commandsForKey(key.id, ['input'])) {
    switch (cmd) {
      case 'inputClear':
        return { value: chars.slice(cur).join(''), cursor: 0 };
      case 'inputDeleteBack':
        return cur === 0
          ? s
          : { value: [...chars.slice(0, cur - 1), ...chars.slice(cur)].join(''), cursor: cur - 1 };
      case 'inputDeleteForward':
        return { value: [...chars.slice(0, cur), ...chars.slice(cur + 1)].join(''), cursor: cur };
      case 'inputLeft':
        return { value: s.value, cursor: Math.max(0, cur - 1) };
      case 'inputRight':
        return { value: s.value, cursor: Math.min(chars.length, cur + 1) };
      case 'inputHome':
        return { value: s.value, cursor: 0 };
      case 'inputEnd':
        return { value: s.value, cursor: chars.length };
      default:
        break;
    }
  }
  if (isTextKey(key)) return insertText(s, key.input);
  return null;
}

export function insertText(s: EditState, text: string): EditState {
  const chars = Array.from(s.value);
  const cur = Math.min(s.cursor, chars.length);
  const add = Array.from(text.replace(/\r\n|[\r\n]/g, ' '));
  return { value: [...chars.slice(0, cur), ...add, ...chars.slice(cur)].join(''), cursor: cur + add.length };
}

export function TextInput(p: TextInputProps) {
  const theme = useTheme();
  // The cursor is ours; the value is the parent's. Each key of a burst is dispatched after the
  // previous one rendered, so `p.value` here is always current.
  // When the value changes from outside (completion, reset) the cursor goes to its end.
  const [cur, setCur] = useState({ cursor: Array.from(p.value).length, forValue: p.value });
  const length = Array.from(p.value).length;
  const state: EditState = {
    value: p.value,
    cursor: cur.forValue === p.value ? Math.min(cur.cursor, length) : length,
  };
  const apply = (next: EditState) => {
    setCur({ cursor: next.cursor, forValue: next.value });
    if (next.value !== p.value) p.onChange(next.value);
  };
  useKeyHandler(
    p.layer ?? 'input',
    (key) => {
      const cmds = commandsForKey(key.id, ['input']);
      if (cmds.includes('inputSubmit')) {
        p.onSubmit?.(p.value);
        return p.onSubmit !== undefined || p.captureAll === true;
      }
      if (cmds.includes('inputCancel')) {
        p.onCancel?.();
        return p.onCancel !== undefined || p.captureAll === true;
      }
      if (cmds.includes('inputComplete')) {
        p.onComplete?.(p.value);
        return p.onComplete !== undefined || p.captureAll === true;
      }
      if (cmds.includes('inputPrev') || cmds.includes('inputNext')) {
        p.onMove?.(cmds.includes('inputPrev') ? -1 : 1);
        return p.onMove !== undefined || p.captureAll === true;
      }
      const next = editLine(state, key);
      if (next === null) return p.captureAll === true;
      apply(next);
      return true;
    },
    {
      active: p.active ?? true,
      onPaste: (text) => {
        apply(insertText(state, text));
        return true;
      },
    },
  );

  const chars = Array.from(p.mask === true ? '•'.repeat(Array.from(p.value).length) : sanitizeText(p.value));
  const before = chars.slice(0, state.cursor).join('');
  const at = chars[state.cursor] ?? ' ';
  const after = chars.slice(state.cursor + 1).join('');
  const showPlaceholder = p.value === '' && p.placeholder !== undefined;
  return (
    <Text wrap="truncate">
      {p.prompt !== undefined ? <Text color={theme.tokens.accent}>{p.prompt}</Text> : null}
      {before}
      <Text inverse>{at}</Text>
      {after}
      {showPlaceholder ? <Text color={theme.tokens.muted}>{p.placeholder}</Text> : null}
    </Text>
  );
}
