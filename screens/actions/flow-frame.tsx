// What the action dialogs share: the frame (border, bold title, the read's error with its code and
// hint) and, for the dialogs on an API (or the marked APIs) in one environment, the environment choice
// with the mutation state they all consult (busy, read-only).
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { SelectList } from '../../components/SelectList.tsx';
import type { ApiRef, EnvRef } from '../../src/actions/types.ts';
import { keyIs } from '../../src/keys/keymap.ts';
import { useKeyHandler } from '../../src/keys/router.tsx';
import type { RomaError } from '../../src/api/errors.ts';
import { loadingRows } from '../../src/app/list-progress.ts';
import { useStore, type ResourceSlice } from '../../src/store/index.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useTheme } from '../../src/ui/theme.ts';
import { useMutationStore, useMutations } from './context.tsx';
import { useEnvChoice } from './env-switch.ts';

/** A failed read: the service's code and message, and the hint (`suffix` adds e.g. "Esc: close"). */
export function SliceError({ error, suffix }: { error: RomaError | null; suffix?: string }) {
  const theme = useTheme().tokens;
  if (!error) return null;
  return (
    <Text color={theme.danger}>
      {sanitizeText(error.errorCode ?? error.kind)} {sanitizeText(error.errorMsg ?? error.message)}
      {error.hint ? ` · hint: ${sanitizeText(error.hint)}` : ''}
      {suffix ? ` · ${suffix}` : ''}
    </Text>
  );
}

/** How far the read of a dialog's source list got: the slice's `loading` and `progress`. */
export type SourceRead = Pick<ResourceSlice<unknown>, 'loading' | 'progress'>;

/**
 * `loading 500 of 10,000…` while the source list still streams in page by page (a slice with
 * `progress` while `loading`): the rows a picker offers then are not all there is.
 */
export function SourceProgress({ source }: { source?: SourceRead | undefined }) {
  const theme = useTheme().tokens;
  if (!source?.loading || !source.progress) return null;
  return <Text color={theme.muted}>{loadingRows(source.progress)}</Text>;
}

/** The dialog's box: the title line (bold; may hold coloured notes), the read's error, the body. */
export function DialogFrame({
  title,
  error,
  accent,
  source,
  children,
}: {
  title: ReactNode;
  error?: RomaError | null;
  /** The list the dialog offers rows of, while it may still be streaming. */
  source?: SourceRead;
  /** Border in the accent colour (dialogs that are a step of their own, not a list of the data). */
  accent?: boolean;
  children: ReactNode;
}) {
  const theme = useTheme().tokens;
  return (
    <Box
      flexDirection="column"
      borderStyle="round"
      borderColor={accent ? theme.accent : theme.border}
      paddingX={1}
    >
      <Text bold>{title}</Text>
      <SliceError error={error ?? null} />
      <SourceProgress source={source} />
      {children}
    </Box>
  );
}

/** Props of a dialog on an API (or the marked APIs) in one environment, cycling among `envs`. */
export interface EnvDialogProps {
  env: EnvRef;
  /** Environments to cycle through. */
  envs?: readonly EnvRef[];
  onClose: () => void;
}

/** A dialog on one API in one environment. */
export type ApiDialogProps = EnvDialogProps & { api: ApiRef };
/** A dialog on the marked APIs in one environment. */
export type ApisDialogProps = EnvDialogProps & { apis: readonly ApiRef[] };

/** The instance, the environment choice and the mutation state of such a dialog. */
export function useEnvDialog({ env: initialEnv, envs }: EnvDialogProps) {
  const instanceId = useStore((s) => s.instanceId) ?? '';
  const choice = useEnvChoice(initialEnv, envs);
  const mutations = useMutationStore();
  const busy = useMutations((s) => s.phase !== 'idle');
  const readOnly = useMutations((s) => s.readOnly);
  const theme = useTheme().tokens;
  return { instanceId, choice, env: choice.env, mutations, busy, readOnly, theme };
}

/** A picker over rows a flow reads (environments, policies): a heading, then the rows or why none. */
export function ChoicePicker<T>({
  heading,
  items,
  source,
  empty,
  width,
  limit,
  onPick,
  onCancel,
}: {
  heading: string;
  items: ReadonlyArray<{ label: string; value: T; note?: string }>;
  /** The read the items come from (the slice): loading, and how far while it streams. */
  source: SourceRead;
  empty: string;
  width: number;
  limit?: number;
  onPick: (value: T) => void;
  onCancel: () => void;
}) {
  const theme = useTheme().tokens;
  // with nothing to pick there is no SelectList: Esc still closes, and no key leaks below
  useKeyHandler(
    'modal',
    (k) => {
      if (keyIs('back', k.id)) onCancel();
      return true;
    },
    { active: items.length === 0 },
  );
  return (
    <Box flexDirection="column">
      <Text color={theme.accent}>{heading}</Text>
      <SourceProgress source={source} />
      {items.length === 0 ? (
        source.progress && source.loading ? null : (
          <Text color={theme.muted}>{source.loading ? 'loading…' : empty}</Text>
        )
      ) : (
        <SelectList
          items={[...items]}
          width={width}
          {...(limit ? { limit } : {})}
          onSelect={({ value }) => onPick(value)}
          onCancel={onCancel}
        />
      )}
    </Box>
  );
}
