// Copying with an honest outcome (issue 11 point 1): the text goes to the clipboard route that is known
// (tmux, or a terminal recognised as taking OSC 52) and the status line says where; when no route is
// known, or the user asked for files, a dialog offers to save the text to a file instead.
import { Box, Text } from 'ink';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useState } from 'react';
import { Modal } from '../../components/Modal.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { expandHome, saveBody } from '../debug/export.ts';
import { commandKeysLabel, keyIs } from '../keys/keymap.ts';
import { useKeyHandler } from '../keys/router.tsx';
import { useActions } from '../store/react.tsx';
import { sanitizeText } from '../ui/sanitize.ts';
import { useTheme } from '../ui/theme.ts';
import { copyToClipboard, type CopyResult } from './clipboard.ts';
import { useAppEnv } from './env.tsx';
import { registerModal, type ModalProps } from './modals.tsx';

export interface CopyWhat {
  /** What the text is, for the messages: "id 5f3…", "the value of p0@12". */
  what: string;
  /** The file name offered when it is saved instead (in the working directory). */
  fileName: string;
}

/** Copies `text`; the status line says where it went, or the save-to-file dialog opens. */
export function useCopyText(): (text: string, o: CopyWhat) => CopyResult {
  const env = useAppEnv();
  const actions = useActions();
  return (text, o) => {
    const r = copyToClipboard(env, text);
    if (r.route === 'unknown') {
      actions.pushModal({
        kind: 'save-text',
        props: { text, what: o.what, fileName: o.fileName, why: r.where },
      });
    } else {
      actions.setStatus({ level: 'info', text: `copied ${o.what} ${r.where}` });
    }
    return r;
  };
}

/**
 * Writes `text` to `target` with mode 0600 (the text may be a secret: a message value, a password):
 * a new file is created exclusively (`wx`, so a file that appeared meanwhile is never replaced); an
 * existing file only with `overwrite`, through a temporary file of mode 0600 renamed over it.
 */
export async function saveTextFile(
  target: string,
  text: string | Uint8Array,
  overwrite: boolean,
  cwd: string = process.cwd(),
): Promise<string> {
  const path = resolve(cwd, expandHome(target.trim()));
  if (overwrite) await saveBody(path, text, cwd, { mode: 0o600 });
  else writeFileSync(path, text, { flag: 'wx', mode: 0o600 });
  return path;
}

type Step = { kind: 'path' } | { kind: 'overwrite'; path: string };

function SaveTextModal({ props, width }: ModalProps) {
  const text = String(props.text ?? '');
  const what = String(props.what ?? 'the text');
  const why = String(props.why ?? '');
  const actions = useActions();
  const theme = useTheme().tokens;
  const [path, setPath] = useState(`./${String(props.fileName ?? 'roma-dash-copy.txt')}`);
  const [step, setStep] = useState<Step>({ kind: 'path' });
  const [error, setError] = useState('');

  const write = (target: string, overwrite: boolean) => {
    if (target.trim() === '') return setError('type a file name');
    saveTextFile(target, text, overwrite).then(
      (written) => {
        actions.popModal();
        actions.setStatus({ level: 'info', text: `saved ${what} to ${written} (mode 600; not copied)` });
      },
      (e: unknown) => {
        if ((e as { code?: string }).code === 'EEXIST') setStep({ kind: 'overwrite', path: target.trim() });
        else setError(e instanceof Error ? e.message : String(e));
      },
    );
  };

  useKeyHandler(
    'modal',
    (key) => {
      if (step.kind !== 'overwrite') return false;
      if (keyIs('confirm', key.id)) write(step.path, true);
      else if (keyIs('cancel', key.id)) setStep({ kind: 'path' });
      return true;
    },
    { active: step.kind === 'overwrite' },
  );

  return (
    <Modal
      title={`Save ${what} to a file`}
      width={width}
      footer={
        step.kind === 'path'
          ? 'Enter: save (mode 600) · Esc: close, nothing saved'
          : `${commandKeysLabel('confirm')}: overwrite · ${commandKeysLabel('cancel')}: choose another name`
      }
    >
      <Text color={theme.warning} wrap="wrap">
        {sanitizeText(`No known clipboard route: ${why}.`)}
      </Text>
      {step.kind === 'path' ? (
        <Box>
          <Text color={theme.accent}>file: </Text>
          <TextInput
            value={path}
            onChange={(v) => {
              setError('');
              setPath(v);
            }}
            onSubmit={(v) => write(v, false)}
            onCancel={() => actions.popModal()}
            layer="modal"
            captureAll
          />
        </Box>
      ) : (
        <Text color={theme.warning}>{sanitizeText(`${step.path} exists. Overwrite it?`)}</Text>
      )}
      {error ? <Text color={theme.danger}>{sanitizeText(error)}</Text> : null}
    </Modal>
  );
}

/** Installed at start by `installCapabilities`. */
export function registerSaveTextModal(): void {
  registerModal('save-text', SaveTextModal);
}
