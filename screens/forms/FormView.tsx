// A create/edit form: fields with inline errors, a review of the changed fields (old → new) and what
// the change touches, then the send. Keys come from the `form` scope of the key map; typing goes into
// the focused field. The form store (src/store/forms.ts) is the only writer.
import { Box, Text, useApp } from 'ink';
import { useStore as useZustand } from 'zustand';
import { editText } from '../../src/debug/editor.ts';
import { displayValue, rowsOf, textOf } from '../../src/forms/engine.ts';
import { slotsOf, type Slot } from '../../src/forms/slots.ts';
import type { Field } from '../../src/forms/types.ts';
import { footerHints, keyIs, keyLabel, type Command } from '../../src/keys/keymap.ts';
import { isTextKey } from '../../src/keys/keys.ts';
import { useKeyHandler } from '../../src/keys/router.tsx';
import { changesOf, type FormState, type FormStore } from '../../src/store/forms.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { truncateToWidth } from '../../src/ui/text.ts';
import { useTheme } from '../../src/ui/theme.ts';

const LABEL_WIDTH = 18;

export interface FormViewProps {
  store: FormStore;
  width: number;
  /** Lines available: a longer form scrolls with the cursor. */
  height?: number;
  title: string;
  onClose: () => void;
  /** Replaces $EDITOR (tests). */
  editLongText?: (initial: string) => Promise<string>;
  /** `n` from a selected row: Ctrl-O fills the form with a copy of it. */
  onCopy?: () => void;
}

function isTextSlot(s: Slot | undefined, st: FormState): boolean {
  if (!s || s.kind === 'addRow') return false;
  if (st.mode === 'edit' && s.field.fixedOnEdit) return false;
  if (s.kind === 'cell') return s.column.kind !== 'choice';
  return s.field.kind === 'text' || s.field.kind === 'secret' || s.field.kind === 'integer';
}

export function FormView({ store, width, height = 24, title, onClose, editLongText, onCopy }: FormViewProps) {
  const st = useZustand(store, (s) => s);
  const theme = useTheme().tokens;
  const { suspendTerminal } = useApp();
  const slots = slotsOf(st.spec, st.values);
  const focused = slots[st.focus];

  const openEditor = (field: Field) => {
    const initial = textOf(store.getState().values[field.key]);
    const run =
      editLongText ??
      (async (text: string) => {
        let out = text;
        await suspendTerminal(async () => {
          out = await editText(text, { suffix: field.kind === 'longtext' && field.json ? '.json' : '.txt' });
        });
        return out;
      });
    run(initial).then(
      (text) => store.getState().actions.setValue(field.key, text.replace(/\n$/, '')),
      () => undefined,
    );
  };

  useKeyHandler('modal', (key) => {
    const s = store.getState();
    const a = s.actions;
    if (s.phase === 'sending') return true;
    if (s.phase === 'loading') {
      if (keyIs('formCancel', key.id)) onClose();
      return true;
    }
    if (s.phase === 'review') {
      if (keyIs('formSend', key.id)) void a.submit();
      else if (keyIs('formBack', key.id) || keyIs('formCancel', key.id)) a.back();
      return true;
    }
    const slot = slotsOf(s.spec, s.values)[s.focus];
    // Typing first: on a text field every printable key (space too) is text, not a command.
    if (isTextKey(key) && isTextSlot(slot, s)) a.type(key.input);
    else if (keyIs('formCancel', key.id)) onClose();
    else if (keyIs('formReview', key.id)) a.review();
    else if (keyIs('formNext', key.id)) a.move(1);
    else if (keyIs('formPrev', key.id)) a.move(-1);
    else if (keyIs('formEnter', key.id)) {
      if (slot?.kind === 'addRow') a.addRow();
      else if (s.focus >= slotsOf(s.spec, s.values).length - 1) a.review();
      else a.move(1);
    } else if (keyIs('formChoiceNext', key.id)) a.cycle(1);
    else if (keyIs('formChoicePrev', key.id)) a.cycle(-1);
    else if (keyIs('formBackspace', key.id)) a.backspace();
    else if (keyIs('formClear', key.id)) a.clear();
    else if (keyIs('formAddRow', key.id)) a.addRow();
    else if (keyIs('formRemoveRow', key.id)) a.removeRow();
    else if (keyIs('formReveal', key.id)) a.toggleReveal();
    else if (keyIs('formEditor', key.id) && slot?.kind === 'field' && slot.field.kind === 'longtext')
      openEditor(slot.field);
    else if (keyIs('formCopy', key.id) && onCopy) onCopy();
    return true;
  });

  const inner = Math.max(20, width - 4);
  // Border, title, problems, hints, help and the two "more" lines: the rest holds field lines.
  const window = slotWindow(slots, st, Math.max(3, height - 9));
  const line = (text: string) => truncateToWidth(text, inner);
  // Only the keys that do something in this form (no "add row" without a list field).
  const kinds = new Set(st.spec.fields.map((f) => f.kind));
  const only: Command[] = ['formNext', 'formClear', 'formReview', 'formCancel'];
  if (kinds.has('choice') || kinds.has('boolean')) only.push('formChoiceNext');
  if (kinds.has('rows')) only.push('formAddRow');
  const hints = footerHints(['form'], only)
    .map((h) => `${h.keys}: ${h.label}`)
    .join(' · ');

  if (st.phase === 'loading') {
    return (
      <Box flexDirection="column" borderStyle="round" borderColor={theme.border} paddingX={1}>
        <Text bold>{line(title)}</Text>
        <Text color={theme.muted}>loading the current definition…</Text>
      </Box>
    );
  }

  if (st.phase === 'review' || st.phase === 'sending') {
    const changes = changesOf(st);
    return (
      <Box flexDirection="column" borderStyle="round" borderColor={theme.border} paddingX={1}>
        <Text bold>{line(`Review — ${title}`)}</Text>
        {changes.length === 0 ? (
          <Text color={theme.muted}>No field changes: sending leaves the {st.spec.noun} as it is.</Text>
        ) : (
          changes.map((c) => (
            <Text key={c.key}>
              {line(`  ${c.label.padEnd(LABEL_WIDTH)} ${sanitizeText(c.from)} → ${sanitizeText(c.to)}`)}
            </Text>
          ))
        )}
        {st.mode === 'edit' && st.spec.touches ? (
          <Text color={theme.warning}>
            {line(`  touches: ${st.touches === undefined ? '…' : sanitizeText(st.touches)}`)}
          </Text>
        ) : null}
        {st.serverError ? (
          <Text color={theme.danger}>
            {line(
              `${sanitizeText(st.serverError.errorCode ?? st.serverError.kind)} ${sanitizeText(
                st.serverError.errorMsg ?? st.serverError.message,
              )} · hint: ${sanitizeText(st.serverError.hint)}`,
            )}
          </Text>
        ) : null}
        <Text color={theme.muted}>
          {st.phase === 'sending'
            ? 'sending…'
            : `${keyLabel('y')}: send · ${keyLabel('n')}/${keyLabel('escape')}: back to the form (nothing sent)`}
        </Text>
      </Box>
    );
  }

  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.border} paddingX={1}>
      <Text bold>{line(title)}</Text>
      {window.start > 0 ? <Text color={theme.muted}>{line(`  ↑ ${window.start} more`)}</Text> : null}
      {slots.slice(window.start, window.end).map((slot, i) => (
        <SlotLine
          key={slotKey(slot)}
          slot={slot}
          st={st}
          focused={i + window.start === st.focus}
          line={line}
        />
      ))}
      {window.end < slots.length ? (
        <Text color={theme.muted}>{line(`  ↓ ${slots.length - window.end} more`)}</Text>
      ) : null}
      {st.serverError ? (
        <Text color={theme.danger}>
          {line(
            `${sanitizeText(st.serverError.errorCode ?? st.serverError.kind)} ${sanitizeText(
              st.serverError.errorMsg ?? st.serverError.message,
            )}`,
          )}
        </Text>
      ) : null}
      {Object.keys(st.errors).length > 0 ? (
        <Text color={theme.danger}>
          {line(`${Object.keys(st.errors).length} problem(s): fix them, then ${keyLabel('ctrl+s')} again`)}
        </Text>
      ) : null}
      <Text color={theme.muted}>{line(hints)}</Text>
      {onCopy ? (
        <Text color={theme.muted}>{line('Ctrl-O: fill with a copy of the selected item')}</Text>
      ) : null}
      {focused?.field.help ? (
        <Text color={theme.muted}>{line(`${focused.field.label}: ${focused.field.help}`)}</Text>
      ) : null}
    </Box>
  );
}

/** The slots shown: a window centred on the cursor, each slot one line plus one for its error. */
function slotWindow(slots: readonly Slot[], st: FormState, lines: number): { start: number; end: number } {
  if (slots.length === 0) return { start: 0, end: 0 };
  const cost = (s: Slot) => 1 + (st.errors[s.field.key] && s.kind !== 'cell' ? 1 : 0);
  let start = Math.min(st.focus, slots.length - 1);
  let end = start + 1;
  let used = cost(slots[start] as Slot);
  // grow one line below, then one above, while they fit
  for (let grew = true; grew;) {
    grew = false;
    const down = slots[end];
    if (down && used + cost(down) <= lines) {
      used += cost(down);
      end++;
      grew = true;
    }
    const up = slots[start - 1];
    if (up && used + cost(up) <= lines) {
      used += cost(up);
      start--;
      grew = true;
    }
  }
  return { start, end };
}

function slotKey(s: Slot): string {
  if (s.kind === 'cell') return `${s.field.key}.${s.row}.${s.column.key}`;
  if (s.kind === 'addRow') return `${s.field.key}.+`;
  return s.field.key;
}

function SlotLine({
  slot,
  st,
  focused,
  line,
}: {
  slot: Slot;
  st: FormState;
  focused: boolean;
  line: (s: string) => string;
}) {
  const theme = useTheme().tokens;
  const marker = focused ? '›' : ' ';
  const fixed = st.mode === 'edit' && slot.field.fixedOnEdit === true;
  const cursor = focused && !fixed ? '▏' : '';
  if (slot.kind === 'addRow') {
    const rows = rowsOf(st.values[slot.field.key]);
    const error = st.errors[slot.field.key];
    return (
      <Box flexDirection="column">
        {rows.length === 0 ? (
          <Text>{line(`${marker} ${slot.field.label.padEnd(LABEL_WIDTH)} (none)`)}</Text>
        ) : null}
        <Text color={focused ? theme.accent : theme.muted}>
          {line(
            `${marker}   + add a row (${keyLabel('ctrl+n')}; ${keyLabel('ctrl+k')} removes the focused row)`,
          )}
        </Text>
        {error ? <Text color={theme.danger}>{line(`    ✗ ${sanitizeText(error)}`)}</Text> : null}
      </Box>
    );
  }
  if (slot.kind === 'cell') {
    const row = rowsOf(st.values[slot.field.key])[slot.row] ?? {};
    const v = row[slot.column.key] ?? '';
    const head = slot.column === slot.field.columns[0] ? `${slot.field.label} ${slot.row + 1}` : '';
    const shown = slot.column.kind === 'choice' ? `‹ ${v} ›` : `${v}${cursor}`;
    return (
      <Text color={focused ? theme.accent : undefined}>
        {line(`${marker} ${head.padEnd(LABEL_WIDTH)} ${slot.column.label}: ${sanitizeText(shown)}`)}
      </Text>
    );
  }
  const f = slot.field;
  const v = st.values[f.key];
  let shown: string;
  if (f.kind === 'choice') shown = `‹ ${displayValue(f, v)} ›`;
  else if (f.kind === 'boolean') shown = `‹ ${displayValue(f, v)} ›`;
  else if (f.kind === 'longtext') {
    const t = textOf(v);
    shown = `${t.split('\n')[0] ?? ''}${t.includes('\n') ? ' …' : ''}  (${keyLabel('ctrl+e')}: $EDITOR)`;
  } else if (f.kind === 'secret' && !st.revealed)
    shown = `${textOf(v) ? '••••••' : ''}${cursor}  (${keyLabel('ctrl+r')}: reveal)`;
  else shown = `${textOf(v)}${cursor}${f.kind === 'integer' && f.unit ? ` ${f.unit}` : ''}`;
  const error = st.errors[f.key];
  const label = `${f.label}${f.required ? '*' : ''}`;
  return (
    <Box flexDirection="column">
      <Text color={focused ? theme.accent : fixed ? theme.muted : undefined}>
        {line(`${marker} ${label.padEnd(LABEL_WIDTH)} ${sanitizeText(shown)}${fixed ? '  (fixed)' : ''}`)}
      </Text>
      {error ? <Text color={theme.danger}>{line(`    ✗ ${sanitizeText(error)}`)}</Text> : null}
    </Box>
  );
}
