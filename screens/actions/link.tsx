// LINK actions: on :devices force offline (O), delete (D), command (C), secret (K), group (M), enable or
// disable (e), create (n); on :products export/import (E/I) and secret reset (X); on :rules test (T). Changes end in the one
// mutation machinery (confirmation naming the devices and the effect, audit line, refresh); refusals the
// dashboard can predict (offline or disabled device, online device to delete) are shown before sending.
import { useEffect } from 'react';
import {
  checkDeleteDevices,
  checkSendCommand,
  planForceOffline,
  type DeviceRef,
  type LinkAction,
} from '../../src/actions/link.ts';
import type { Refusal } from '../../src/actions/preconditions.ts';
import type { Device, Product, Rule } from '../../src/api/types/link.ts';
import type { ModalProps } from '../../src/app/modals.tsx';
import { registerModalTable } from '../../src/app/modals.tsx';
import { useActions } from '../../src/store/index.ts';
import { registerActions } from '../registry.ts';
import type { ResourceAction } from '../types.ts';
import { useMutationStore } from './context.tsx';
import { lazyModal } from '../../src/app/lazy-modal.tsx';
import { linkViews } from '../family-views.ts';
import type { ProductFileTarget, RuleTestTarget } from './link-requests.ts';

export const LINK_MODALS = {
  propose: 'link.propose',
  command: 'link.command',
  ruleTest: 'link.ruleTest',
  groups: 'link.groups',
  productFile: 'link.productFile',
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
      command: 'toggle',
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

/**
 * `E` exports the selected or marked products to a CSV file (6.4.14), `I` imports one (6.4.13), `X`
 * resets the selected product's secret (6.4.11; the Authentication tab shows it masked until `x`).
 */
export function productActions(): ReadonlyArray<ResourceAction<Product>> {
  const open =
    (mode: ProductFileTarget['mode']): ResourceAction<Product>['run'] =>
    ({ store, item, marked, instanceId }) => {
      // an import adds to the list: it runs with no row under the cursor and takes none
      const rows = mode === 'import' ? [] : marked.length > 0 ? marked : item !== undefined ? [item] : [];
      const target: ProductFileTarget = {
        mode,
        instanceId: instanceId ?? '',
        products: rows.map((p) => ({ id: p.id, name: p.name })),
      };
      store.getState().actions.pushModal({ kind: LINK_MODALS.productFile, props: { target } });
    };
  return [
    { command: 'exportFile', title: 'Export products to a CSV file', mutating: false, run: open('export') },
    {
      command: 'importFile',
      title: 'Import products from a CSV file',
      mutating: true,
      rowless: true,
      run: open('import'),
    },
    {
      command: 'resetSecret',
      title: 'Reset the product secret',
      mutating: true,
      run({ store, item }) {
        store.getState().actions.pushModal({
          kind: LINK_MODALS.propose,
          props: {
            action: { kind: 'link', op: 'reset-product-auth', product: { id: item.id, name: item.name } },
          },
        });
      },
    },
  ];
}

/** `T` on a rule: test it on sample data (6.5.4). A POST, so hidden in read-only mode. */
export function ruleActions(): ReadonlyArray<ResourceAction<Rule>> {
  return [
    {
      command: 'runTest',
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

/** Registers the dialogs and the actions of the LINK screens (once, from registerActionModals). */
export function registerLinkActions(): void {
  // the dialogs' code (actions/link-views.tsx) loads with the family's chunk when the first one opens
  registerModalTable(LINK_MODALS, {
    propose: ProposeModal,
    command: lazyModal(linkViews, (m) => m.CommandModal),
    ruleTest: lazyModal(linkViews, (m) => m.RuleTestModal),
    groups: lazyModal(linkViews, (m) => m.GroupsModal),
    productFile: lazyModal(linkViews, (m) => m.ProductFileModal),
  });
  registerActions('products', productActions() as ReadonlyArray<ResourceAction<unknown>>);
  registerActions('devices', deviceActions() as ReadonlyArray<ResourceAction<unknown>>);
  registerActions('rules', ruleActions() as ReadonlyArray<ResourceAction<unknown>>);
}
