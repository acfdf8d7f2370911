// `A` on the APIs list with marked APIs: authorize the marked/selected apps for all of them in one
// call (4.18.1 takes several api_ids). Each app shows for how many of the APIs it is authorized; pairs
// already authorized are left out before sending (the service refuses the whole call for one).
import { Text } from 'ink';
import type { ApiRef } from '../../src/actions/types.ts';
import { keyIs } from '../../src/keys/keymap.ts';
import { useKeyHandler } from '../../src/keys/router.tsx';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { dialogScope } from '../../src/app/marks-after-batch.ts';
import { passesThrough, proposeAuthorize } from './AppAuthViews.tsx';
import { appAuthsForApisRequest } from './data.ts';
import { ENV_SWITCH_HINT } from './env-switch.ts';
import { DialogFrame, useEnvDialog, type EnvDialogProps } from './flow-frame.tsx';
import { PickList, pick, usePickCursor } from './PickList.tsx';
import { useResource } from './useResource.ts';

export function ApiAppsBatchView({
  apis,
  env: initialEnv,
  envs,
  onClose,
}: EnvDialogProps & { apis: readonly ApiRef[] }) {
  const { instanceId, choice, env, mutations, busy, theme } = useEnvDialog(initialEnv, envs);
  const slice = useResource(appAuthsForApisRequest(instanceId, apis, env.id));
  const rows = slice.data?.rows ?? [];
  const nav = usePickCursor(rows.map((r) => r.app.id));

  useKeyHandler(
    'modal',
    (key) => {
      if (passesThrough(key.id)) return false;
      if (keyIs('back', key.id)) onClose();
      else if (choice.onKey(key.id)) {
        nav.dispatch({ type: 'clearMarks' });
        return true;
      } else if (nav.onPickKey(key.id, { marks: true })) return true;
      else if (keyIs('submit', key.id) || keyIs('authorize', key.id)) {
        const picked = pick(rows, (r) => r.app.id, nav);
        proposeAuthorize(
          mutations,
          picked.map((r) => r.app),
          [...apis],
          env,
          slice.data?.existing ?? [],
          dialogScope(nav.marked.size),
        );
        nav.dispatch({ type: 'clearMarks' });
      }
      return true;
    },
    { active: !busy },
  );

  return (
    <DialogFrame
      title={
        <>
          Authorize apps for the {apis.length} marked APIs in {sanitizeText(env.name)}
          {choice.position}
        </>
      }
      error={slice.error}
    >
      <PickList
        rows={rows.map((r) => ({
          id: r.app.id,
          text: `${r.authorized === apis.length ? '✓' : r.authorized > 0 ? '◐' : '·'} ${r.app.name} (${r.authorized}/${apis.length})`,
        }))}
        nav={nav}
        empty={slice.loading ? 'loading…' : 'No app in this instance.'}
      />
      <Text color={theme.muted}>
        (n/{apis.length}) authorized for n of the marked APIs · Space: mark · A/Enter: authorize
        marked/selected
        {choice.choices.length > 1 ? ` · ${ENV_SWITCH_HINT}` : ''} · Esc: close
      </Text>
    </DialogFrame>
  );
}
