// Key hints generated from the key map for the active scopes; hints that do not fit are dropped
// whole (never cut in the middle), keeping the most specific ones.
import { Text } from 'ink';
import { footerHints, type Command, type KeyScope } from '../src/keys/keymap.ts';
import { displayWidth } from '../src/ui/text.ts';
import { useTheme } from '../src/ui/theme.ts';

export interface FooterProps {
  scopes: readonly KeyScope[];
  /** Only these commands (those the current view handles); all with a hint when omitted. */
  only?: readonly Command[];
  width: number;
  /** Hints to show instead of the key map's (a view that owns its keys, e.g. the help overlay). */
  hints?: ReadonlyArray<{ keys: string; label: string }>;
  /** Labels of this view that differ from the key map's. */
  labels?: Partial<Record<Command, string>>;
}

export function Footer({ scopes, only, width, hints: given, labels }: FooterProps) {
  const theme = useTheme();
  const hints = given
    ? given.map((h, i) => ({ ...h, command: `given-${i}` }))
    : footerHints(scopes, only).map((h) => ({ ...h, label: labels?.[h.command] ?? h.label }));
  // `:` and `?` are how every other key is found: their room is kept first and they are the last hints.
  const last = ['palette', 'help']
    .map((c) => hints.find((h) => h.command === c))
    .filter((h): h is (typeof hints)[number] => h !== undefined);
  const others = hints.filter((h) => !last.includes(h));
  const shown: typeof hints = [];
  let used = last.reduce((n, h, i) => n + displayWidth(`<${h.keys}> ${h.label}`) + (i > 0 ? 2 : 0), 0);
  for (const h of others) {
    const w = displayWidth(`<${h.keys}> ${h.label}`) + 2;
    if (used + w > width) continue;
    shown.push(h);
    used += w;
  }
  if (used <= width) shown.push(...last);
  // Two text nodes per hint (Ink re-squashes every node on every frame); the gap is in the label's.
  return (
    <Text wrap="truncate">
      {shown.flatMap((h, i) => [
        <Text key={`${h.command}-k`} color={theme.tokens.accent} bold>{`<${h.keys}>`}</Text>,
        <Text key={`${h.command}-l`} color={theme.tokens.muted}>
          {` ${h.label}${i < shown.length - 1 ? '  ' : ''}`}
        </Text>,
      ])}
    </Text>
  );
}
