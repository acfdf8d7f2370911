// `A` on the APIs list with marked APIs: authorize the marked/selected apps for all of them in one
// call (4.18.1 takes several api_ids). Each app shows for how many of the APIs it is authorized; pairs
// already authorized are left out before sending (the service refuses the whole call for one).
import { Text } from 'ink';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useAuthorizeKeys } from './AppAuthViews.tsx';
import { appAuthsForApisRequest, appsRequest, batchAuthRows } from './data.ts';
import { useMemo } from 'react';
import { ENV_SWITCH_HINT } from './env-switch.ts';
import { DialogFrame, useEnvDialog, type ApisDialogProps } from './flow-frame.tsx';
import { PickList, usePickCursor } from './PickList.tsx';
import { useResource } from './useResource.ts';

export function ApiAppsBatchView(props: ApisDialogProps) {
  const { apis, onClose } = props;
  const { instanceId, choice, env, mutations, busy, theme } = useEnvDialog(props);
  const apps = useResource(appsRequest(instanceId), { cached: true });
  // read again on open: what is authorized decides what is sent
  const auths = useResource(appAuthsForApisRequest(instanceId, apis, env.id));
  const data = useMemo(
    () => (apps.data && auths.data ? batchAuthRows(apps.data, auths.data) : null),
    [apps.data, auths.data],
  );
  const slice = { data, loading: apps.loading || auths.loading, error: apps.error ?? auths.error };
  const rows = slice.data ?? [];
  const nav = usePickCursor(rows.map((r) => r.app.id));

  useAuthorizeKeys({
    apps: rows,
    apis,
    env,
    existing: auths.data ?? [],
    choice,
    nav,
    mutations,
    busy,
    onClose,
  });

  return (
    <DialogFrame
      title={
        <>
          Authorize apps for the {apis.length} marked APIs in {sanitizeText(env.name)}
          {choice.position}
        </>
      }
      error={slice.error}
      source={apps}
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
