// An API's versions in one environment: Enter switches to the selected version (rollback, 4.3.9),
// `o` takes the version in effect offline (4.3.11). Preconditions refuse before sending.
import { Text } from 'ink';
import { checkOfflineVersion, checkSwitchVersion } from '../../src/actions/preconditions.ts';
import type { MutationAction } from '../../src/actions/types.ts';
import { keyIs } from '../../src/keys/keymap.ts';
import { useKeyHandler } from '../../src/keys/router.tsx';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { versionRows, versionsRequest } from './data.ts';
import { PickList, usePickCursor } from './PickList.tsx';
import { useResource } from './useResource.ts';
import { ENV_SWITCH_HINT } from './env-switch.ts';
import { DialogFrame, useEnvDialog, type ApiDialogProps } from './flow-frame.tsx';

export function VersionsView(props: ApiDialogProps) {
  const { api, onClose } = props;
  const { instanceId, choice, env, mutations, busy, readOnly, theme } = useEnvDialog(props);
  // read again on open (a switch or offline acts on what is in effect); every environment at once
  const slice = useResource(versionsRequest(instanceId, api.id), {
    select: versionRows(env),
    selectKey: env.id,
  });
  const rows = slice.data ?? [];
  const nav = usePickCursor(rows.map((v) => v.versionId));

  useKeyHandler(
    'modal',
    (key) => {
      const { actions } = mutations.getState();
      const v = rows[nav.index];
      if (keyIs('back', key.id)) onClose();
      else if (choice.onKey(key.id))
        nav.reset(); // another environment, another list
      else if (nav.onPickKey(key.id)) return true;
      else if (v && (keyIs('submit', key.id) || keyIs('publish', key.id))) {
        const refusal = checkSwitchVersion(api, env, v);
        const action: MutationAction = { kind: 'switch-version', api, env, version: v };
        if (refusal) actions.refuse(refusal, action);
        else actions.propose(action);
      } else if (v && keyIs('offline', key.id)) {
        const refusal = checkOfflineVersion(api, env, v);
        const action: MutationAction = { kind: 'offline-version', api, env, version: v };
        if (refusal) actions.refuse(refusal, action);
        else actions.propose(action);
      }
      return true;
    },
    { active: !busy },
  );

  return (
    <DialogFrame
      title={
        <>
          Versions of {sanitizeText(api.name)} in {sanitizeText(env.name)}
          {choice.position}
          {readOnly ? (
            <Text color={theme.warning}> · read-only: switching and offline are disabled</Text>
          ) : null}
        </>
      }
      error={slice.error}
    >
      {slice.loading && !slice.data ? <Text color={theme.muted}>loading…</Text> : null}
      <PickList
        rows={rows.map((v) => ({
          id: v.versionId,
          text: `${v.inEffect ? '● in effect' : '○          '}  ${v.versionNo}  ${v.publishTime}  ${v.remark}`,
        }))}
        nav={nav}
        empty={slice.data ? 'No versions in this environment (never published here).' : ''}
      />
      <Text color={theme.muted}>
        {readOnly
          ? ''
          : 'Enter/p: switch to this version (rollback) · o: take the version in effect offline · '}
        {choice.choices.length > 1 ? `${ENV_SWITCH_HINT} · ` : ''}Esc: close
      </Text>
    </DialogFrame>
  );
}
