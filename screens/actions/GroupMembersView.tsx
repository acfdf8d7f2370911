// Group membership (LINK 6.1.6/6.1.7): pick a group of the instance's tree, then add the devices to
// it or remove them from it; ends in the mutation machinery (op 'group-members').
import { Text } from 'ink';
import { useState } from 'react';
import { SelectList } from '../../components/SelectList.tsx';
import type { DeviceRef } from '../../src/actions/link.ts';
import type { ModalProps } from '../../src/app/modals.tsx';
import { useKeyHandler } from '../../src/keys/router.tsx';
import { useActions } from '../../src/store/index.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useTheme } from '../../src/ui/theme.ts';
import { deviceGroupsScreen, type GroupRow } from '../device-groups.ts';
import { sharedListRequest } from '../../src/app/screen-requests.ts';
import { useMutationStore } from './context.tsx';
import { useResource } from './useResource.ts';
import { DialogFrame, SliceError } from './flow-frame.tsx';

/** Pick a group, then add the devices to it (6.1.6) or remove them from it (6.1.7). */
export function GroupsModal({ props, width }: ModalProps) {
  const actions = useActions();
  const store = useMutationStore();
  const theme = useTheme().tokens;
  const devices = props.devices as DeviceRef[];
  // the device groups screen's list (the service refuses a group that is gone)
  const slice = useResource(sharedListRequest<GroupRow>(deviceGroupsScreen, props.instanceId as string), {
    cached: true,
  });
  const [group, setGroup] = useState<GroupRow | null>(null);
  const close = () => actions.popModal();
  const groups = slice.data ?? [];
  useKeyHandler('modal', (key) => {
    if (groups.length > 0) return false;
    if (key.id === 'escape' || key.id === 'return') close();
    return true;
  });
  const who = devices.length === 1 ? (devices[0]?.name ?? '') : `${devices.length} devices`;
  return (
    <DialogFrame accent title={<>Group membership of {sanitizeText(who)}</>} source={slice}>
      {slice.error ? (
        <SliceError error={slice.error} suffix="Esc: close" />
      ) : !slice.data ? (
        <Text color={theme.muted}>Loading the groups…</Text>
      ) : groups.length === 0 ? (
        <Text color={theme.warning}>No device groups (create one first). Esc: close</Text>
      ) : !group ? (
        <>
          <Text color={theme.muted}>Group (Enter to choose, Esc to cancel):</Text>
          <SelectList
            items={groups.map((g) => ({ label: g.path, value: g }))}
            width={Math.max(10, (width ?? 72) - 4)}
            onCancel={close}
            onSelect={({ value }) => setGroup(value)}
          />
        </>
      ) : (
        <>
          <Text>
            Group: <Text bold>{sanitizeText(group.path)}</Text>
          </Text>
          <SelectList
            items={[
              { label: `Add to ${group.name}`, value: 'add' as const },
              { label: `Remove from ${group.name}`, value: 'remove' as const },
            ]}
            width={Math.max(10, (width ?? 72) - 4)}
            onCancel={() => setGroup(null)}
            onSelect={({ value }) => {
              store.getState().actions.propose({
                kind: 'link',
                op: 'group-members',
                mode: value,
                group: { id: group.id, name: group.path },
                devices,
              });
              close();
            }}
          />
        </>
      )}
    </DialogFrame>
  );
}
