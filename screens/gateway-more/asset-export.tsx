// Asset export of an integration application to a zip file: the path (never an existing file without
// asking), then the `assets.export` call (job, progress polls, one-time download) through the mutations store.
import { existsSync } from 'node:fs';
import { Box, Text } from 'ink';
import { useState } from 'react';
import { TextInput } from '../../components/TextInput.tsx';
import type { Ref } from '../../src/actions/types.ts';
import type { ModalProps } from '../../src/app/modals.tsx';
import { useKeyHandler } from '../../src/keys/router.tsx';
import { useActions } from '../../src/store/index.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useTheme } from '../../src/ui/theme.ts';
import { useMutationStore } from '../actions/context.tsx';

export function AssetExportModal({ props }: ModalProps) {
  const app = props.app as Ref;
  const actions = useActions();
  const mutations = useMutationStore();
  const theme = useTheme().tokens;
  const [path, setPath] = useState(`./${app.name.replace(/[^\w.-]/g, '_')}-assets.zip`);
  const [asking, setAsking] = useState(false);
  const go = (target: string, overwrite: boolean) => {
    actions.popModal();
    mutations.getState().actions.propose({
      kind: 'call',
      title: 'Export assets',
      effect: `an export job packs ${app.name}; the package (downloadable once) is written to ${target}${overwrite ? ', replacing that file' : ''}`,
      object: `integration-app:${app.name}(${app.id})`,
      destructive: overwrite,
      call: { op: 'assets.export', appId: app.id, path: target, overwrite },
    });
  };
  useKeyHandler(
    'modal',
    (key) => {
      if (key.input === 'y') go(path.trim(), true);
      else if (key.input === 'n' || key.id === 'escape') setAsking(false);
      return true;
    },
    { active: asking },
  );
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.border} paddingX={1}>
      <Text bold>{sanitizeText(`Export the assets of ${app.name}`)}</Text>
      {asking ? (
        <Text color={theme.warning}>{sanitizeText(`${path.trim()} exists. Overwrite it? (y/n)`)}</Text>
      ) : (
        <Box>
          <Text color={theme.accent}>file: </Text>
          <TextInput
            value={path}
            onChange={setPath}
            onSubmit={(v) => (existsSync(v.trim()) ? setAsking(true) : go(v.trim(), false))}
            onCancel={() => actions.popModal()}
            layer="modal"
            captureAll
          />
        </Box>
      )}
      <Text color={theme.muted}>Enter: export · Esc: close</Text>
    </Box>
  );
}
