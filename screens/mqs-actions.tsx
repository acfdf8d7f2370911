// Message-integration actions: search a window (w), resend (M), grant/revoke topic access (a/K), delete
// topics (D), export/import topics (E/I), save a message value (W), copy a value or an address (C). The dialogs are in
// mqs-dialogs.tsx; changes go through the mutations store, which confirms, runs and audits them.
import type { MqsTopic } from '../src/api/types/mqs.ts';
import type { MessageRef, MqsAction } from '../src/actions/mqs.ts';
import { registerModalTable } from '../src/app/modals.tsx';
import type { MessageRow } from './messages.ts';
import { lazyModal } from '../src/app/lazy-modal.tsx';
import { mqsViews } from './family-views.ts';
import { MQS_MODALS } from './mqs-modals.ts';
import { DEFAULT_WINDOW } from './mqs-window.ts';
import { registerActions } from './registry.ts';
import type { ResourceAction } from './types.ts';

const refOf = (m: MessageRow): MessageRef => ({
  topic: m.topic,
  partition: m.partition,
  offset: m.message_offset,
  key: m.key ?? '',
  ...(m.message_id ? { messageId: m.message_id } : {}),
});

// ---- actions ----

function topicActions(): ReadonlyArray<ResourceAction<MqsTopic>> {
  const targets = (item: MqsTopic, marked: MqsTopic[]) =>
    (marked.length > 0 ? marked : [item]).map((t) => t.name);
  return [
    {
      command: 'window',
      title: 'Search messages by time window or offset',
      mutating: false,
      run: ({ store, item }) =>
        store.getState().actions.pushModal({ kind: MQS_MODALS.window, props: { topic: item.name } }),
    },
    {
      command: 'grantAccess',
      title: 'Grant an app access to the topic',
      mutating: true,
      run: ({ store, item, instanceId }) =>
        store
          .getState()
          .actions.pushModal({ kind: MQS_MODALS.grant, props: { instanceId, topic: item.name } }),
    },
    {
      command: 'revokeAccess',
      title: "Revoke an app's access to the topic",
      mutating: true,
      run: ({ store, item, instanceId }) =>
        store
          .getState()
          .actions.pushModal({ kind: MQS_MODALS.revoke, props: { instanceId, topic: item.name } }),
    },
    {
      command: 'remove',
      title: 'Delete the selected or marked topics',
      mutating: true,
      run: ({ store, item, marked }) =>
        store.getState().actions.pushModal({
          kind: MQS_MODALS.propose,
          props: { action: { kind: 'delete-topics', topics: targets(item, marked) } satisfies MqsAction },
        }),
    },
    {
      command: 'exportFile',
      title: 'Export topics to a file',
      mutating: false,
      run: ({ store, item, marked, instanceId }) =>
        store.getState().actions.pushModal({
          kind: MQS_MODALS.file,
          props: {
            mode: 'export',
            store,
            instanceId,
            names: targets(item, marked),
            path: `./topics-${instanceId?.slice(0, 8) ?? 'export'}.json`,
          },
        }),
    },
    {
      command: 'importFile',
      title: 'Import topics from a file',
      mutating: true,
      rowless: true,
      run: ({ store, instanceId }) =>
        store.getState().actions.pushModal({
          kind: MQS_MODALS.file,
          props: { mode: 'import', store, instanceId, path: './topics.json' },
        }),
    },
  ];
}

function messageActions(): ReadonlyArray<ResourceAction<MessageRow>> {
  return [
    {
      command: 'resend',
      title: 'Resend the selected or marked messages',
      mutating: true,
      run: ({ store, item, marked }) =>
        store.getState().actions.pushModal({
          kind: MQS_MODALS.propose,
          props: {
            action: {
              kind: 'resend-messages',
              messages: (marked.length > 0 ? marked : [item]).map(refOf),
            } satisfies MqsAction,
          },
        }),
    },
    {
      command: 'window',
      title: 'Search another window',
      mutating: false,
      run: ({ store, item }) => {
        const top = store.getState().stack.at(-1);
        store.getState().actions.pushModal({
          kind: MQS_MODALS.window,
          props: { topic: item.topic, window: top?.params['window'] ?? DEFAULT_WINDOW },
        });
      },
    },
    {
      command: 'copyText',
      title: 'Copy the value to the clipboard',
      mutating: false,
      run: ({ store, item, instanceId }) =>
        store.getState().actions.pushModal({
          kind: MQS_MODALS.copyValue,
          props: {
            store,
            instanceId,
            message: refOf(item),
            ...(item.huge_message ? {} : { value: item.value ?? '' }),
          },
        }),
    },
    {
      command: 'saveValue',
      title: 'Save the whole value to a file',
      mutating: false,
      run: ({ store, item, instanceId }) =>
        store.getState().actions.pushModal({
          kind: MQS_MODALS.file,
          props: {
            mode: 'save',
            store,
            instanceId,
            message: refOf(item),
            path: `./${item.topic}-p${item.partition}-${item.message_offset}.msg`,
          },
        }),
    },
  ];
}

/** Registers the dialogs and the actions of :topics and :messages (once, from registerActionModals). */
export function registerMqsActions(): void {
  // the dialogs' code (mqs-dialogs.tsx) loads with the family's chunk when the first one opens
  registerModalTable(MQS_MODALS, {
    propose: lazyModal(mqsViews, (m) => m.ProposeModal),
    window: lazyModal(mqsViews, (m) => m.WindowModal),
    grant: lazyModal(mqsViews, (m) => m.GrantModal),
    revoke: lazyModal(mqsViews, (m) => m.RevokeModal),
    file: lazyModal(mqsViews, (m) => m.FileModal),
    address: lazyModal(mqsViews, (m) => m.AddressModal),
    copyValue: lazyModal(mqsViews, (m) => m.CopyValueModal),
  });
  registerActions('mqs', [
    {
      command: 'copyText',
      title: 'Copy a connection address',
      mutating: false,
      run: ({ store, item }) =>
        store.getState().actions.pushModal({ kind: MQS_MODALS.address, props: { instance: item } }),
    },
  ] as ReadonlyArray<ResourceAction<unknown>>);
  registerActions('topics', topicActions() as ReadonlyArray<ResourceAction<unknown>>);
  registerActions('messages', messageActions() as ReadonlyArray<ResourceAction<unknown>>);
}
