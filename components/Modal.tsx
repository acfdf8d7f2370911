import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { sanitizeText } from '../src/ui/sanitize.ts';
import { truncateToWidth } from '../src/ui/text.ts';
import { useTheme } from '../src/ui/theme.ts';

export interface ModalProps {
  title: string;
  width: number;
  /** Danger-coloured border (destructive confirmations). */
  danger?: boolean;
  children?: ReactNode;
  /** A muted line at the bottom, e.g. key hints. */
  footer?: string;
}

/** A bordered frame for dialogs; the caller decides where it goes (usually over the main view). */
export function Modal({ title, width, danger, children, footer }: ModalProps) {
  const theme = useTheme();
  const color = danger === true ? theme.tokens.danger : theme.tokens.border;
  return (
    <Box
      flexDirection="column"
      width={width}
      borderStyle={theme.unicode ? 'round' : 'classic'}
      borderColor={color}
      paddingX={1}
    >
      <Text bold color={danger === true ? theme.tokens.danger : theme.tokens.header} wrap="truncate">
        {truncateToWidth(sanitizeText(title), Math.max(0, width - 4))}
      </Text>
      {children}
      {footer !== undefined ? (
        <Text color={theme.tokens.muted} wrap="truncate">
          {footer}
        </Text>
      ) : null}
    </Box>
  );
}
