// One line for progress, errors (code + hint) and the stale marker. The spinner runs only while
// there is progress, so an idle dashboard sets no timers.
import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { commandKeysLabel } from '../src/keys/keymap.ts';
import { sanitizeText } from '../src/ui/sanitize.ts';
import { fitToWidth } from '../src/ui/text.ts';
import { useTheme } from '../src/ui/theme.ts';

export interface StatusError {
  /** ROMA error_code (APIC.xxxx) or a client error kind (network, timeout, auth …). */
  code: string;
  message?: string;
  hint?: string;
}

export interface StatusLineProps {
  width: number;
  /** Something in flight: "Loading APIs…". */
  progress?: string;
  error?: StatusError | null;
  /** Data on screen is from an earlier successful fetch. */
  stale?: boolean;
  /** A transient notice ("Copied id to clipboard"). */
  message?: string;
  /** A non-fatal problem with the data shown (records repaired by the client); after `message`. */
  warning?: string;
}

const SPIN_UNICODE = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const SPIN_ASCII = ['|', '/', '-', '\\'];

export function StatusLine({ width, progress, error, stale, message, warning }: StatusLineProps) {
  const theme = useTheme();
  const frames = theme.unicode ? SPIN_UNICODE : SPIN_ASCII;
  const [tick, setTick] = useState(0);
  const spinning = progress !== undefined && progress !== '';
  useEffect(() => {
    if (!spinning) return;
    const t = setInterval(() => setTick((x) => x + 1), 100);
    return () => clearInterval(t);
  }, [spinning]);

  if (error !== undefined && error !== null) {
    const parts = [
      `✗ ${sanitizeText(error.code)}`,
      error.message !== undefined ? sanitizeText(error.message) : '',
      error.hint !== undefined ? `— ${sanitizeText(error.hint)}` : '',
      stale === true ? '[stale data]' : '',
      `(${commandKeysLabel('dismissError')} dismiss)`,
    ].filter((p) => p !== '');
    return (
      <Text color={theme.tokens.danger} bold={theme.monochrome} wrap="truncate">
        {fitToWidth(parts.join(' '), width)}
      </Text>
    );
  }
  if (spinning) {
    return (
      <Text color={theme.tokens.info} wrap="truncate">
        {fitToWidth(`${frames[tick % frames.length]} ${sanitizeText(progress)}`, width)}
      </Text>
    );
  }
  const idle = [
    stale === true ? '[stale data]' : '',
    message !== undefined ? sanitizeText(message) : '',
    warning !== undefined ? `⚠ ${sanitizeText(warning)}` : '',
  ]
    .filter((p) => p !== '')
    .join(' · ');
  return (
    <Text
      color={stale === true || warning !== undefined ? theme.tokens.warning : theme.tokens.muted}
      wrap="truncate"
    >
      {fitToWidth(idle, width)}
    </Text>
  );
}
