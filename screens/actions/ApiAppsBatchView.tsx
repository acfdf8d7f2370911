// `A` on the APIs list with marked APIs: authorize the marked/selected apps for all of them in one
// call (4.18.1 takes several api_ids). Each app shows for how many of the APIs it is authorized; pairs
// already authorized are left out before sending (the service refuses the whole call for one).
import { Box, Text } from 'ink';
import type { ApiRef, EnvRef } from '../../src/actions/types.ts';
import { keyIs } from '../../src/keys/keymap.ts';
import { useKeyHandler } from '../../src/keys/router.tsx';
import { useStore } from '../../src/store/index.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useTheme } from '../../src/ui/theme.ts';
import { dialogScope } from '../../src/app/marks-after-batch.ts';
import { passesThrough, proposeAuthorize } from './AppAuthViews.tsx';
import { useMutationStore, useMutations } from './context.tsx';
import { appAuthsForApisRequest } from './data.ts';
import { ENV_SWITCH_HINT, useEnvChoice } from './env-switch.ts';
import { PickList, pick, usePickCursor } from './PickList.tsx';
import { useResource } from './useResource.ts';

export function ApiAppsBatchView({
  apis,
  env: initialEnv,
  envs,
  onClose,
}: {
  apis: readonly ApiRef[];
  env: EnvRef;
  envs?: readonly EnvRef[];
  onClose: () => void;
}) {
  const instanceId = useStore((s) => s.instanceId) ?? '';
  const choice = useEnvChoice(initialEnv, envs);
  const env = choice.env;
  const slice = useResource(appAuthsForApisRequest(instanceId, apis, env.id));
  const mutations = useMutationStore();
  const busy = useMutations((s) => s.phase !== 'idle');
  const theme = useTheme().tokens;
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
    <Box flexDirection="column" borderStyle="round" borderColor={theme.border} paddingX={1}>
      <Text bold>
        Authorize apps for the {apis.length} marked APIs in {sanitizeText(env.name)}
        {choice.position}
      </Text>
      {slice.error ? (
        <Text color={theme.danger}>
          {sanitizeText(slice.error.errorCode ?? slice.error.kind)}{' '}
          {sanitizeText(slice.error.errorMsg ?? slice.error.message)}
        </Text>
      ) : null}
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
    </Box>
  );
}
