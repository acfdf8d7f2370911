// Device actions (LINK): force offline (O), delete (D), send a command (C), reset the secret (K).
// Each ends in the one mutation machinery (confirmation naming the devices and the effect, audit line,
// refresh); refusals the dashboard can predict (offline or disabled device, online device to delete)
// are shown before anything is sent. The command form is built from the product's service model.
import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { SelectList } from '../../components/SelectList.tsx';
import {
  checkDeleteDevices,
  checkSendCommand,
  planForceOffline,
  type DeviceRef,
  type LinkAction,
} from '../../src/actions/link.ts';
import type { Refusal } from '../../src/actions/preconditions.ts';
import type { RomaClient } from '../../src/api/client.ts';
import type { Device, LinkProperty } from '../../src/api/types/link.ts';
import type { ModalProps } from '../../src/app/modals.tsx';
import { registerModal } from '../../src/app/modals.tsx';
import { useKeyHandler } from '../../src/keys/router.tsx';
import { useActions, type ResourceRequest } from '../../src/store/index.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useTheme } from '../../src/ui/theme.ts';
import { registerActions } from '../registry.ts';
import { commandModels, type CommandModel } from '../services.ts';
import { listGroups, type GroupRow } from '../device-groups.ts';
import type { ResourceAction } from '../types.ts';
import { useMutationStore } from './context.tsx';
import { useResource } from './useResource.ts';
import { RuleTestView, type RuleTestTarget } from './RuleTestView.tsx';
import { ProductFileView, type ProductFileTarget } from './ProductFileView.tsx';
import type { Product } from '../../src/api/types/link.ts';
import type { Rule } from '../../src/api/types/link.ts';

export const LINK_MODALS = {
  propose: 'link.propose',
  command: 'link.command',
  ruleTest: 'link.ruleTest',
  groups: 'link.groups',
  productFile: 'link.productFile',
  createDevice: 'link.createDevice',
} as const;

export const deviceRef = (d: Device): DeviceRef => ({
  id: d.id,
  name: d.device_name,
  ...(d.online_status !== undefined ? { online: d.online_status } : {}),
  ...(d.status !== undefined ? { status: d.status } : {}),
});

/** Hands an action (or a predicted refusal) to the mutation store, then closes itself. */
function ProposeModal({ props }: ModalProps) {
  const store = useMutationStore();
  const actions = useActions();
  useEffect(() => {
    const m = store.getState().actions;
    const refusal = props.refusal as Refusal | undefined;
    if (refusal) m.refuse(refusal, props.action as LinkAction | undefined);
    else m.propose(props.action as LinkAction);
    actions.popModal();
    // once, on mount
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return null;
}

interface ServiceModels {
  services: Array<{ id: number; name: string; commands: CommandModel[] }>;
}

function modelRequest(instanceId: string, productId: number): ResourceRequest<ServiceModels, RomaClient> {
  return {
    family: 'actions.linkModels',
    key: `${instanceId}|${productId}`,
    channel: 'actions',
    async fetch(client, signal) {
      const link = client.link(instanceId);
      const services = await link.services.listAll({ product_id: productId }, { signal });
      return {
        services: await Promise.all(
          services.map(async (s) => ({
            id: s.service_id,
            name: s.service_name,
            commands: await commandModels({ client, instanceId, signal }, s.service_id),
          })),
        ),
      };
    },
  };
}

interface Choice {
  service: { id: number; name: string };
  model: CommandModel;
}

const hintOf = (p: LinkProperty): string =>
  [
    p.data_type,
    p.data_type === 'integer' || p.data_type === 'number' ? `${p.min ?? '?'}..${p.max ?? '?'}` : '',
    p.enum_list ? `one of ${p.enum_list}` : '',
    p.unit ?? '',
    p.required === 1 ? 'required' : 'optional',
  ]
    .filter(Boolean)
    .join(', ');

/** Client-side check of one value against its definition; the service checks again. */
export function checkParam(p: LinkProperty, v: string): string | null {
  if (v === '') return p.required === 1 ? 'required' : null;
  if (p.data_type === 'integer' || p.data_type === 'number') {
    const n = Number(v);
    if (!Number.isFinite(n) || (p.data_type === 'integer' && !Number.isInteger(n)))
      return p.data_type === 'integer' ? 'an integer is expected' : 'a number is expected';
    if ((p.min !== undefined && n < Number(p.min)) || (p.max !== undefined && n > Number(p.max)))
      return `must be within ${p.min}..${p.max}`;
  }
  if (p.enum_list && !p.enum_list.split(',').includes(v)) return `one of ${p.enum_list}`;
  if (v.length > 32) return 'at most 32 characters (6.2.13)';
  return null;
}

function CommandModal({ props, width }: ModalProps) {
  const actions = useActions();
  const store = useMutationStore();
  const theme = useTheme().tokens;
  const device = props.device as DeviceRef;
  const instanceId = props.instanceId as string;
  const slice = useResource(modelRequest(instanceId, props.productId as number));
  const [choice, setChoice] = useState<Choice | null>(null);
  const [values, setValues] = useState<string[]>([]);
  const [field, setField] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const close = () => actions.popModal();

  const choices: Choice[] = (slice.data?.services ?? []).flatMap((s) =>
    s.commands.map((model) => ({ service: { id: s.id, name: s.name }, model })),
  );
  const params = choice?.model.requests ?? [];

  const submit = (c: Choice, vals: string[]) => {
    for (const [i, p] of c.model.requests.entries()) {
      const why = checkParam(p, vals[i] ?? '');
      if (why) {
        setField(i);
        setError(`${p.property_name}: ${why}`);
        return;
      }
    }
    store.getState().actions.propose({
      kind: 'link',
      op: 'send-command',
      device,
      service: c.service,
      command: { id: c.model.command.command_id, name: c.model.command.command_name },
      params: c.model.requests
        .map((p, i) => ({ parameter_name: p.property_name, parameter_value: vals[i] ?? '' }))
        .filter((p) => p.parameter_value !== ''),
      isSync: true,
    });
    close();
  };

  // While the command is picked the SelectList has the keys; afterwards the fields are typed here.
  useKeyHandler('modal', (key) => {
    if (!choice) {
      if (choices.length > 0) return false;
      if (key.id === 'escape' || key.id === 'return') close();
      return true;
    }
    if (key.id === 'escape') setChoice(null);
    else if (key.id === 'return') {
      if (field < params.length - 1) setField(field + 1);
      else submit(choice, values);
    } else if (key.id === 'tab' || key.id === 'down') setField(Math.min(params.length - 1, field + 1));
    else if (key.id === 'shift+tab' || key.id === 'up') setField(Math.max(0, field - 1));
    else if (key.id === 'backspace' || key.id === 'delete') {
      setValues((vs) => vs.map((v, i) => (i === field ? v.slice(0, -1) : v)));
      setError(null);
    } else if (key.input && !key.ctrl && !key.meta) {
      setValues((vs) => vs.map((v, i) => (i === field ? (v + key.input).slice(0, 32) : v)));
      setError(null);
    }
    return true;
  });

  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1}>
      <Text bold>Send a command to {sanitizeText(device.name)}</Text>
      {slice.error ? (
        <Text color={theme.danger}>
          {sanitizeText(slice.error.errorCode ?? slice.error.kind)}:{' '}
          {sanitizeText(slice.error.errorMsg ?? slice.error.hint)} · Esc: close
        </Text>
      ) : !slice.data ? (
        <Text color={theme.muted}>Loading the product&apos;s commands…</Text>
      ) : !choice ? (
        choices.length === 0 ? (
          <Text color={theme.warning}>The product defines no commands (see :services). Esc: close</Text>
        ) : (
          <>
            <Text color={theme.muted}>Command (Enter to choose, Esc to cancel):</Text>
            <SelectList
              items={choices.map((c) => ({
                label: `${c.service.name}.${c.model.command.command_name}`,
                value: c,
                ...(c.model.command.description ? { note: c.model.command.description } : {}),
              }))}
              width={Math.max(10, (width ?? 72) - 4)}
              onCancel={close}
              onSelect={({ value }) => {
                setChoice(value);
                setValues(value.model.requests.map(() => ''));
                setField(0);
                setError(null);
                if (value.model.requests.length === 0) submit(value, []);
              }}
            />
          </>
        )
      ) : (
        <>
          <Text>
            Command:{' '}
            <Text bold>{sanitizeText(`${choice.service.name}.${choice.model.command.command_name}`)}</Text>
          </Text>
          {params.map((p, i) => (
            <Text key={p.property_id}>
              {i === field ? '›' : ' '} {sanitizeText(p.property_name)} = {sanitizeText(values[i] ?? '')}
              {i === field ? <Text inverse> </Text> : null}{' '}
              <Text color={theme.muted}>({sanitizeText(hintOf(p))})</Text>
            </Text>
          ))}
          {error ? <Text color={theme.danger}>{sanitizeText(error)}</Text> : null}
          <Text color={theme.muted}>
            Enter: next field / continue to confirmation · Tab: next field · Esc: back
          </Text>
        </>
      )}
    </Box>
  );
}

/** The device actions, registered for the :devices descriptor. */
export function deviceActions(): ReadonlyArray<ResourceAction<Device>> {
  const rowsOf = (item: Device, marked: Device[]) => (marked.length > 0 ? marked : [item]);
  const propose = (
    store: Parameters<ResourceAction<Device>['run']>[0]['store'],
    props: Record<string, unknown>,
  ) => store.getState().actions.pushModal({ kind: LINK_MODALS.propose, props });
  return [
    {
      command: 'forceOffline',
      title: 'Force the selected or marked devices offline',
      mutating: true,
      run({ store, item, marked }) {
        const plan = planForceOffline(rowsOf(item, marked).map(deviceRef));
        propose(store, plan.refusal ? { refusal: plan.refusal } : { action: plan.action });
      },
    },
    {
      command: 'remove',
      title: 'Delete the selected or marked devices',
      mutating: true,
      run({ store, item, marked }) {
        const devices = rowsOf(item, marked).map(deviceRef);
        const refusal = checkDeleteDevices(devices);
        const action: LinkAction = { kind: 'link', op: 'delete-devices', devices };
        propose(store, refusal ? { refusal, action } : { action });
      },
    },
    {
      command: 'sendCommand',
      title: 'Send a command to the device',
      mutating: true,
      run({ store, item, instanceId }) {
        const d = deviceRef(item);
        const refusal = checkSendCommand(d);
        if (refusal) {
          propose(store, { refusal });
          return;
        }
        store.getState().actions.pushModal({
          kind: LINK_MODALS.command,
          props: { device: d, productId: item.product?.product_id ?? 0, instanceId },
        });
      },
    },
    {
      command: 'create',
      title: 'Create a device',
      mutating: true,
      run({ store, instanceId }) {
        store.getState().actions.pushModal({ kind: LINK_MODALS.createDevice, props: { instanceId } });
      },
    },
    {
      command: 'edit',
      title: 'Enable or disable the selected or marked devices',
      mutating: true,
      run({ store, item, marked }) {
        const status = item.status === 1 ? 0 : 1;
        propose(store, {
          action: {
            kind: 'link',
            op: 'set-device-status',
            status,
            devices: rowsOf(item, marked).map(deviceRef),
          },
        });
      },
    },
    {
      command: 'groupMembers',
      title: 'Add to or remove from a device group',
      mutating: true,
      run({ store, item, marked, instanceId }) {
        store.getState().actions.pushModal({
          kind: LINK_MODALS.groups,
          props: { devices: rowsOf(item, marked).map(deviceRef), instanceId },
        });
      },
    },
    {
      command: 'resetSecret',
      title: 'Reset the device secret',
      mutating: true,
      run({ store, item }) {
        propose(store, { action: { kind: 'link', op: 'reset-device-auth', device: deviceRef(item) } });
      },
    },
  ];
}

function groupsRequest(instanceId: string): ResourceRequest<GroupRow[], RomaClient> {
  return {
    family: 'actions.linkGroups',
    key: instanceId,
    channel: 'actions',
    fetch: (client, signal) => listGroups({ client, instanceId, signal }),
  };
}

/** Pick a group, then add the devices to it (6.1.6) or remove them from it (6.1.7). */
function GroupsModal({ props, width }: ModalProps) {
  const actions = useActions();
  const store = useMutationStore();
  const theme = useTheme().tokens;
  const devices = props.devices as DeviceRef[];
  const slice = useResource(groupsRequest(props.instanceId as string));
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
    <Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1}>
      <Text bold>Group membership of {sanitizeText(who)}</Text>
      {slice.error ? (
        <Text color={theme.danger}>
          {sanitizeText(slice.error.errorCode ?? slice.error.kind)}:{' '}
          {sanitizeText(slice.error.errorMsg ?? slice.error.hint)} · Esc: close
        </Text>
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
    </Box>
  );
}

function productsRequest(instanceId: string): ResourceRequest<Product[], RomaClient> {
  return {
    family: 'actions.linkProducts',
    key: instanceId,
    channel: 'actions',
    fetch: (client, signal) => client.link(instanceId).products.listAll({}, { signal }),
  };
}

/** `n` on :devices: pick the product, type the name and the node id (6.2.1), then confirm. */
function CreateDeviceModal({ props, width }: ModalProps) {
  const actions = useActions();
  const store = useMutationStore();
  const theme = useTheme().tokens;
  const slice = useResource(productsRequest(props.instanceId as string));
  const [product, setProduct] = useState<Product | null>(null);
  const [values, setValues] = useState(['', '']);
  const [field, setField] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const close = () => actions.popModal();
  const products = slice.data ?? [];
  const labels = ['name', 'node id'];
  const submit = (p: Product) => {
    const [name = '', nodeId = ''] = values.map((v) => v.trim());
    if (name.length < 4) return setError('name: at least 4 characters');
    if (!/^[A-Za-z0-9_-]{2,64}$/.test(nodeId)) return setError('node id: 2–64 letters, digits, _ or -');
    store.getState().actions.propose({
      kind: 'link',
      op: 'create-device',
      product: { id: p.id, name: p.name },
      appId: p.app_id ?? '',
      name,
      nodeId,
    });
    close();
  };
  useKeyHandler('modal', (key) => {
    if (!product) {
      if (products.length > 0) return false;
      if (key.id === 'escape' || key.id === 'return') close();
      return true;
    }
    if (key.id === 'escape') setProduct(null);
    else if (key.id === 'return') {
      if (field === 0) setField(1);
      else submit(product);
    } else if (key.id === 'tab' || key.id === 'down' || key.id === 'up' || key.id === 'shift+tab')
      setField(1 - field);
    else if (key.id === 'backspace' || key.id === 'delete')
      setValues((vs) => vs.map((v, i) => (i === field ? v.slice(0, -1) : v)));
    else if (key.input && !key.ctrl && !key.meta) {
      setValues((vs) => vs.map((v, i) => (i === field ? (v + key.input).slice(0, 64) : v)));
      setError(null);
    }
    return true;
  });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1}>
      <Text bold>Create a device</Text>
      {slice.error ? (
        <Text color={theme.danger}>
          {sanitizeText(slice.error.errorCode ?? slice.error.kind)}:{' '}
          {sanitizeText(slice.error.errorMsg ?? slice.error.hint)} · Esc: close
        </Text>
      ) : !slice.data ? (
        <Text color={theme.muted}>Loading the products…</Text>
      ) : products.length === 0 ? (
        <Text color={theme.warning}>No products: create one first. Esc: close</Text>
      ) : !product ? (
        <>
          <Text color={theme.muted}>Product (Enter to choose, Esc to cancel):</Text>
          <SelectList
            items={products.map((p) => ({ label: p.name, value: p }))}
            width={Math.max(10, (width ?? 72) - 4)}
            onCancel={close}
            onSelect={({ value }) => setProduct(value)}
          />
        </>
      ) : (
        <>
          <Text>
            Product: <Text bold>{sanitizeText(product.name)}</Text>
          </Text>
          {labels.map((l, i) => (
            <Text key={l}>
              {i === field ? '›' : ' '} {l} = {sanitizeText(values[i] ?? '')}
              {i === field ? <Text inverse> </Text> : null}
            </Text>
          ))}
          {error ? <Text color={theme.danger}>{sanitizeText(error)}</Text> : null}
          <Text color={theme.muted}>
            Enter: next field / continue to confirmation · Tab: next field · Esc: back
          </Text>
        </>
      )}
    </Box>
  );
}

function ProductFileModal({ props }: ModalProps) {
  const actions = useActions();
  return <ProductFileView target={props.target as ProductFileTarget} onClose={() => actions.popModal()} />;
}

/** `X` exports the selected or marked products to a CSV file (6.4.14), `I` imports one (6.4.13). */
export function productActions(): ReadonlyArray<ResourceAction<Product>> {
  const open =
    (mode: ProductFileTarget['mode']): ResourceAction<Product>['run'] =>
    ({ store, item, marked, instanceId }) => {
      const rows = marked.length > 0 ? marked : [item];
      const target: ProductFileTarget = {
        mode,
        instanceId: instanceId ?? '',
        products: rows.map((p) => ({ id: p.id, name: p.name })),
      };
      store.getState().actions.pushModal({ kind: LINK_MODALS.productFile, props: { target } });
    };
  return [
    { command: 'exportFile', title: 'Export products to a CSV file', mutating: false, run: open('export') },
    { command: 'importFile', title: 'Import products from a CSV file', mutating: true, run: open('import') },
  ];
}

function RuleTestModal({ props }: ModalProps) {
  const actions = useActions();
  return <RuleTestView target={props.target as RuleTestTarget} onClose={() => actions.popModal()} />;
}

/** `T` on a rule: test it on sample data (6.5.4). A POST, so hidden in read-only mode. */
export function ruleActions(): ReadonlyArray<ResourceAction<Rule>> {
  return [
    {
      command: 'ruleTest',
      title: 'Test the rule on sample data',
      mutating: true,
      run({ store, item, instanceId }) {
        const target: RuleTestTarget = {
          instanceId: instanceId ?? '',
          ruleId: item.rule_id,
          name: item.name,
          express: item.rule_express ?? '',
          fields: (item.sql_field ?? '').split(',').map((f) => f.trim().split('.').at(-1) ?? ''),
        };
        store.getState().actions.pushModal({ kind: LINK_MODALS.ruleTest, props: { target } });
      },
    },
  ];
}

let registered = false;
export function registerLinkActions(): void {
  if (registered) return;
  registered = true;
  registerModal(LINK_MODALS.propose, ProposeModal);
  registerModal(LINK_MODALS.command, CommandModal);
  registerModal(LINK_MODALS.ruleTest, RuleTestModal);
  registerModal(LINK_MODALS.groups, GroupsModal);
  registerModal(LINK_MODALS.productFile, ProductFileModal);
  registerModal(LINK_MODALS.createDevice, CreateDeviceModal);
  registerActions('products', productActions() as ReadonlyArray<ResourceAction<unknown>>);
  registerActions('devices', deviceActions() as ReadonlyArray<ResourceAction<unknown>>);
  registerActions('rules', ruleActions() as ReadonlyArray<ResourceAction<unknown>>);
}
