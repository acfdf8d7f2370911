// The header line: where am I talking to, as whom, and badges for DEMO / READ-ONLY / INSECURE.
import { Box, Text } from 'ink';
import { sanitizeText } from '../src/ui/sanitize.ts';
import { displayWidth, truncateToWidth } from '../src/ui/text.ts';
import { useTheme, type ColorValue } from '../src/ui/theme.ts';

export interface HeaderProps {
  width: number;
  profile?: string;
  /** Region id or endpoint URL. */
  endpoint?: string;
  project?: string;
  instance?: string;
  /** Where credentials came from: "aksk (env)", "token", "profile prod" … */
  authSource?: string;
  demo?: boolean;
  readOnly?: boolean;
  insecure?: boolean;
  /** Auto-refresh interval shown as a badge when on. */
  autoRefreshSeconds?: number;
}

export function Header(p: HeaderProps) {
  const theme = useTheme();
  const t = theme.tokens;
  const badges: { text: string; bg: ColorValue }[] = [];
  if (p.demo === true) badges.push({ text: 'DEMO', bg: t.badgeDemoBg });
  if (p.readOnly === true) badges.push({ text: 'READ-ONLY', bg: t.badgeReadOnlyBg });
  if (p.insecure === true) badges.push({ text: 'INSECURE', bg: t.badgeInsecureBg });
  if (p.autoRefreshSeconds !== undefined && p.autoRefreshSeconds > 0) {
    badges.push({ text: `AUTO ${p.autoRefreshSeconds}s`, bg: t.accent });
  }
  const badgeWidth = badges.reduce((w, b) => w + displayWidth(b.text) + 3, 0);
  // Most useful first: on a narrow terminal the later fields are dropped whole, not cut mid-word.
  const fields = [
    ['profile', p.profile],
    ['instance', p.instance],
    ['auth', p.authSource],
    ['endpoint', p.endpoint],
    ['project', p.project],
  ]
    .filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '')
    .map(([k, v]) => `${k}:${sanitizeText(v)}`);
  const room = Math.max(0, p.width - badgeWidth);
  let shown = fields.length;
  while (shown > 1 && displayWidth(fields.slice(0, shown).join('  ')) > room) shown--;
  const info = truncateToWidth(fields.slice(0, shown).join('  '), room);
  const badgeStyle = (bg: ColorValue) =>
    theme.monochrome ? { inverse: true, bold: true } : { backgroundColor: bg, color: t.badgeFg, bold: true };
  return (
    <Box width={p.width}>
      <Text wrap="truncate">
        <Text color={t.header}>{info}</Text>
        {badges.map((b) => (
          <Text key={b.text}>
            {' '}
            <Text {...badgeStyle(b.bg)}>{` ${b.text} `}</Text>
          </Text>
        ))}
      </Text>
    </Box>
  );
}
