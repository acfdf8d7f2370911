// Modals are pushed through one mechanism (store `pushModal({kind, props})`); this registry maps a
// kind to its component. Later features register theirs with `registerModal`.
import { Box, Text } from 'ink';
import { useMemo, useState, type ComponentType } from 'react';
import { completePalette, resolvePalette, resourceById } from '../../screens/registry.ts';
import { isTextKey } from '../keys/keys.ts';
import { helpSections, keyLabel } from '../keys/keymap.ts';
import { useKeyHandler } from '../keys/router.tsx';
import { useActions, useDashboardStore } from '../store/react.tsx';
import { sanitizeMultiline, sanitizeText } from '../ui/sanitize.ts';
import { truncateToWidth } from '../ui/text.ts';
import { useTheme } from '../ui/theme.ts';

export interface ModalProps {
  props: Readonly<Record<string, unknown>>;
  width: number;
  height: number;
}

const registry = new Map<string, ComponentType<ModalProps>>();

export function registerModal(kind: string, c: ComponentType<ModalProps>): void {
  registry.set(kind, c);
}

export function modalComponent(kind: string): ComponentType<ModalProps> | undefined {
  return registry.get(kind);
}

/** A scrollable text modal; j/k/g/G/PgUp/PgDn scroll, Esc/q close. */
function ScrollText({
  title,
  lines,
  width,
  height,
}: {
  title: string;
  lines: string[];
  width: number;
  height: number;
}) {
  const theme = useTheme();
  const actions = useActions();
  const [scroll, setScroll] = useState(0);
  const body = Math.max(1, height - 2);
  const max = Math.max(0, lines.length - body);
  useKeyHandler('modal', (k) => {
    const by = (n: number) => setScroll((s) => Math.min(max, Math.max(0, s + n)));
    if (k.id === 'escape' || k.id === 'q' || k.id === '?' || k.id === 'y') actions.popModal();
    else if (k.id === 'j' || k.id === 'down') by(1);
    else if (k.id === 'k' || k.id === 'up') by(-1);
    else if (k.id === 'pagedown' || k.id === 'ctrl+d' || k.id === 'space') by(body);
    else if (k.id === 'pageup' || k.id === 'ctrl+u') by(-body);
    else if (k.id === 'g' || k.id === 'home') setScroll(0);
    else if (k.id === 'G' || k.id === 'end') setScroll(max);
    return true; // a modal owns the keyboard
  });
  return (
    <Box flexDirection="column" height={height}>
      <Text bold color={theme.tokens.header}>
        {truncateToWidth(
          `${title}  (Esc closes, ${scroll + 1}-${Math.min(lines.length, scroll + body)}/${lines.length})`,
          width,
        )}
      </Text>
      {lines.slice(scroll, scroll + body).map((l, i) => (
        <Text key={scroll + i} wrap="truncate">
          {truncateToWidth(l, width) || ' '}
        </Text>
      ))}
    </Box>
  );
}

function JsonModal({ props, width, height }: ModalProps) {
  const lines = useMemo(
    () => sanitizeMultiline(JSON.stringify(props.value, null, 2) ?? 'undefined').split('\n'),
    [props.value],
  );
  return (
    <ScrollText title={`JSON — ${sanitizeText(props.title)}`} lines={lines} width={width} height={height} />
  );
}

function HelpModal({ width, height }: ModalProps) {
  const lines = useMemo(() => {
    const out: string[] = [];
    for (const s of helpSections()) {
      out.push('', s.title);
      for (const e of s.entries) out.push(`  ${e.keys.padEnd(18)} ${e.description}`);
    }
    out.push(
      '',
      'Palette',
      ...completePalette('').map((p) => `  :${p.name.padEnd(17)} ${p.title} (${p.aliases.join(', ')})`),
    );
    return out;
  }, []);
  return <ScrollText title="Help — keys" lines={lines} width={width} height={height} />;
}

function PaletteModal({ width }: ModalProps) {
  const theme = useTheme();
  const actions = useActions();
  const store = useDashboardStore();
  const [text, setText] = useState('');
  const [pick, setPick] = useState(0);
  const matches = completePalette(text);
  useKeyHandler('modal', (k) => {
    if (k.id === 'escape') actions.popModal();
    else if (k.id === 'return') {
      const chosen = resolvePalette(text) ?? (text ? matches[pick] : undefined);
      actions.popModal();
      if (!chosen) {
        if (text)
          actions.setStatus({
            level: 'error',
            text: `unknown resource :${text}`,
            code: 'palette',
            hint: 'Press : then Tab to see the names.',
          });
        return true;
      }
      if (chosen.target === 'ctx' || chosen.target === 'instances') {
        actions.jump('instances');
      } else if (resourceById(chosen.target)) {
        actions.jump(chosen.target);
      }
      void store;
    } else if (k.id === 'tab') {
      const m = matches[pick];
      if (m) setText(m.name);
    } else if (k.id === 'down') setPick((p) => Math.min(p + 1, Math.max(0, matches.length - 1)));
    else if (k.id === 'up') setPick((p) => Math.max(0, p - 1));
    else if (k.id === 'backspace' || k.id === 'delete') setText((t) => t.slice(0, -1));
    else if (k.id === 'ctrl+u') setText('');
    else if (isTextKey(k)) {
      setText((t) => t + k.input);
      setPick(0);
    }
    return true;
  });
  return (
    <Box flexDirection="column">
      <Text color={theme.tokens.accent}>{truncateToWidth(`:${text}▏`, width)}</Text>
      {matches.slice(0, 8).map((m, i) => (
        <Text key={m.name} inverse={i === pick} color={i === pick ? undefined : theme.tokens.muted}>
          {truncateToWidth(
            ` :${m.name.padEnd(12)} ${m.title}  ${m.aliases.map((a) => ':' + a).join(' ')}`,
            width,
          )}
        </Text>
      ))}
    </Box>
  );
}

registerModal('json', JsonModal);
registerModal('help', HelpModal);
registerModal('palette', PaletteModal);

export { keyLabel };
