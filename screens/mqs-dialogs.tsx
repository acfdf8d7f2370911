// The dialogs of the message-integration actions: search a window, grant/revoke access, files (export,
// import, save a value), copy an address, and the bridge that hands an action to the mutations store.
// Reads go through the dashboard store; changes are proposed to the mutations store (confirm, run, audit).
import { existsSync, readFileSync } from 'node:fs';
import { Box, Text } from 'ink';
import { useEffect, useState, type ReactNode } from 'react';
import { SelectList } from '../components/SelectList.tsx';
import { TextInput } from '../components/TextInput.tsx';
import type { App } from '../src/api/types/apps.ts';
import type { MqsAccessPolicy, MqsInstance, MqsPolicyWrite, MqsTopicAccess } from '../src/api/types/mqs.ts';
import { accessWords, type MessageRef, type MqsAction } from '../src/actions/mqs.ts';
import { saveTextFile, useCopyText } from '../src/app/copy-text.tsx';
import type { ModalProps } from '../src/app/modals.tsx';
import { useKeyHandler } from '../src/keys/router.tsx';
import { readThrough, useActions, useDashboardStore } from '../src/store/index.ts';
import type { DashboardStore } from '../src/store/store.ts';
import { sanitizeText } from '../src/ui/sanitize.ts';
import { useTheme } from '../src/ui/theme.ts';
import { useMutationStore } from './actions/context.tsx';
import { useResource } from './actions/useResource.ts';
import { SourceProgress } from './actions/flow-frame.tsx';
import { appsRequest } from './actions/data.ts';
import { accessRequest, topicsExportRequest, wholeMessageRequest } from './mqs-requests.ts';
import { addressesOf } from './mqs.ts';
import { DEFAULT_WINDOW, parseSearch } from './mqs-window.ts';

export { MQS_MODALS } from './mqs-modals.ts';

/** The policy list of 5.3.1 from a 5.3.2 answer (`user_name` is the app id). */
export function policiesForWrite(a: MqsTopicAccess): MqsPolicyWrite[] {
  return a.policies
    .filter((p) => typeof p.user_name === 'string' && p.user_name !== '')
    .map((p) => ({
      app_id: p.user_name as string,
      app_name: p.app_name ?? (p.user_name as string),
      access_policy: (p.access_policy ?? 'sub') as MqsAccessPolicy,
      owner: p.owner === true,
      tag: p.tag ?? '',
    }));
}

export function withGrant(current: MqsPolicyWrite[], app: App, access: MqsAccessPolicy): MqsPolicyWrite[] {
  const i = current.findIndex((p) => p.app_id === app.id);
  if (i < 0)
    return [...current, { app_id: app.id, app_name: app.name, access_policy: access, owner: false, tag: '' }];
  return current.map((p, j) => (j === i ? { ...p, access_policy: access } : p));
}

// ---- dialogs ----

function usePop(): () => void {
  const actions = useActions();
  return () => actions.popModal();
}

/** Hands an action to the mutations store (which shows the confirmation) and closes itself. */
export function ProposeModal({ props }: ModalProps) {
  const mutations = useMutationStore();
  const pop = usePop();
  useEffect(() => {
    pop();
    mutations.getState().actions.propose(props.action as MqsAction);
    // once, on mount
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return null;
}

function Frame({ title, children }: { title: string; children: ReactNode }) {
  const theme = useTheme().tokens;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1}>
      <Text bold>{sanitizeText(title)}</Text>
      {children}
    </Box>
  );
}

/** `w`: the window (or partition@offset) to search; Enter opens the messages of that window. */
export function WindowModal({ props }: ModalProps) {
  const theme = useTheme().tokens;
  const actions = useActions();
  const store = useDashboardStore();
  const topic = props.topic as string;
  const [text, setText] = useState((props.window as string | undefined) ?? DEFAULT_WINDOW);
  const [error, setError] = useState<string | null>(null);
  const submit = (v: string) => {
    try {
      parseSearch(v, Date.now());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    actions.popModal();
    const params = { topic, window: v.trim() };
    // from the messages of this topic, the new window replaces the one shown (not stacked on it)
    const { stack } = store.getState();
    const top = stack.at(-1);
    const replacing = top?.screen === 'messages' && top.view === 'list' && top.params['topic'] === topic;
    if (replacing && stack.length === 1) return actions.jump('messages', params);
    if (replacing) actions.back();
    actions.push('messages', 'list', { params, label: `${topic} ${v.trim()}` });
  };
  return (
    <Frame title={`Search messages of ${topic}`}>
      <TextInput
        layer="modal"
        captureAll
        prompt="window: "
        value={text}
        onChange={(v) => {
          setText(v);
          setError(null);
        }}
        onSubmit={submit}
        onCancel={() => actions.popModal()}
      />
      {error ? <Text color={theme.danger}>{sanitizeText(error)}</Text> : null}
      <Text color={theme.muted}>
        15m · 2h · 3d · 2026-11-30 05:00..06:30 (UTC) · p0@237 — Enter: search · Esc: close
      </Text>
    </Frame>
  );
}

const ACCESS_CHOICES: ReadonlyArray<{ label: string; value: MqsAccessPolicy }> = [
  { label: 'publish + subscribe (all)', value: 'all' },
  { label: 'publish (pub)', value: 'pub' },
  { label: 'subscribe (sub)', value: 'sub' },
];

/** `a`: pick an app, then what it may do; the topic's whole list is sent with the change (5.3.1). */
export function GrantModal({ props, width }: ModalProps) {
  const theme = useTheme().tokens;
  const pop = usePop();
  const mutations = useMutationStore();
  const { instanceId, topic } = props as { instanceId: string; topic: string };
  const access = useResource(accessRequest(instanceId, topic));
  // the apps screen's list (the service checks the app when the access is written)
  const apps = useResource(appsRequest(instanceId), { cached: true });
  const [app, setApp] = useState<App | null>(null);
  useKeyHandler(
    'modal',
    (k) => {
      if (k.id === 'escape') pop();
      return true;
    },
    { active: !access.data || !apps.data },
  );
  if (access.error || apps.error) {
    const e = access.error ?? apps.error;
    return (
      <Frame title={`Grant access to ${topic}`}>
        <Text color={theme.danger}>{sanitizeText(`${e?.errorCode ?? ''} ${e?.message ?? ''}`)}</Text>
        <Text color={theme.muted}>Esc: close</Text>
      </Frame>
    );
  }
  if (!access.data || !apps.data) {
    return (
      <Frame title={`Grant access to ${topic}`}>
        <Text color={theme.muted}>loading apps and the topic's access policy…</Text>
      </Frame>
    );
  }
  const current = policiesForWrite(access.data);
  const has = new Map(current.map((p) => [p.app_id, p]));
  return (
    <Frame title={app ? `Grant ${app.name} access to ${topic}` : `Grant access to ${topic}: which app?`}>
      {!app ? <SourceProgress source={apps} /> : null}
      {!app ? (
        <SelectList
          key="apps"
          items={apps.data.map((a) => ({
            label: a.name,
            value: a,
            note: has.has(a.id) ? `now: ${accessWords(has.get(a.id)?.access_policy ?? '')}` : 'no access',
          }))}
          width={Math.max(10, width - 4)}
          onCancel={pop}
          onSelect={({ value }) => setApp(value)}
        />
      ) : (
        <SelectList
          key="access"
          items={ACCESS_CHOICES}
          width={Math.max(10, width - 4)}
          onCancel={() => setApp(null)}
          onSelect={({ value }) => {
            pop();
            mutations.getState().actions.propose({
              kind: 'grant-topic-access',
              topic,
              app: { id: app.id, name: app.name },
              access: value,
              policies: withGrant(current, app, value),
            });
          }}
        />
      )}
      <Text color={theme.muted}>Enter: choose · Esc: back</Text>
    </Frame>
  );
}

/** `U`: pick one of the apps that have access (the owner app's access cannot be revoked). */
export function RevokeModal({ props, width }: ModalProps) {
  const theme = useTheme().tokens;
  const pop = usePop();
  const mutations = useMutationStore();
  const { instanceId, topic } = props as { instanceId: string; topic: string };
  const access = useResource(accessRequest(instanceId, topic));
  const current = access.data ? policiesForWrite(access.data) : [];
  const revocable = current.filter((p) => !p.owner);
  useKeyHandler(
    'modal',
    (k) => {
      if (k.id === 'escape') pop();
      return true;
    },
    { active: revocable.length === 0 },
  );
  return (
    <Frame title={`Revoke access to ${topic}`}>
      {access.error ? (
        <Text color={theme.danger}>
          {sanitizeText(`${access.error.errorCode ?? ''} ${access.error.message}`)}
        </Text>
      ) : !access.data ? (
        <Text color={theme.muted}>loading the topic's access policy…</Text>
      ) : revocable.length === 0 ? (
        <Text color={theme.warning}>
          Only the owner app has access; its access cannot be revoked. Esc: close
        </Text>
      ) : (
        <SelectList
          items={revocable.map((p) => ({ label: p.app_name, value: p, note: accessWords(p.access_policy) }))}
          width={Math.max(10, width - 4)}
          onCancel={pop}
          onSelect={({ value }) => {
            pop();
            mutations.getState().actions.propose({
              kind: 'revoke-topic-access',
              topic,
              app: { id: value.app_id, name: value.app_name },
              policies: current.filter((p) => p.app_id !== value.app_id),
            });
          }}
        />
      )}
      {current.some((p) => p.owner) ? (
        <Text color={theme.muted}>
          owner (not revocable): {sanitizeText(current.find((p) => p.owner)?.app_name ?? '')}
        </Text>
      ) : null}
    </Frame>
  );
}

type FileMode = 'export' | 'import' | 'save';

/** Bytes to write for a value: code points up to 0xFF as bytes (binary frames), anything else UTF-8. */
function valueBytes(v: string): Buffer {
  return /^[\u0000-\u00ff]*$/.test(v) ? Buffer.from(v, 'latin1') : Buffer.from(v, 'utf8');
}

/** X / I / W: a file name, then export (5.2.7), import (5.2.6, Tab switches AddNew/Merge) or save a value. */
export function FileModal({ props }: ModalProps) {
  const theme = useTheme().tokens;
  const actions = useActions();
  const mutations = useMutationStore();
  const store = props.store as DashboardStore;
  const mode = props.mode as FileMode;
  const instanceId = props.instanceId as string;
  const [path, setPath] = useState(props.path as string);
  const [importMode, setImportMode] = useState<'AddNew' | 'Merge'>('AddNew');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (p: string) => {
    const file = p.trim();
    if (!file || busy) return;
    setError(null);
    try {
      if (mode === 'import') {
        const text = readFileSync(file, 'utf8');
        const parsed = JSON.parse(text) as { topics?: Array<{ name?: unknown }> };
        const names = (parsed.topics ?? []).map((t) => String(t.name ?? '?'));
        if (names.length === 0) throw new Error(`${file} holds no topics (expected an export file)`);
        actions.popModal();
        mutations.getState().actions.propose({ kind: 'import-topics', file, text, mode: importMode, names });
        return;
      }
      if (existsSync(file)) throw new Error(`${file} exists: choose another name (nothing is overwritten)`);
      setBusy(true);
      if (mode === 'export') {
        const names = props.names as string[];
        const text = await readThrough(store, topicsExportRequest(instanceId, names));
        await saveTextFile(file, text, false);
        actions.popModal();
        actions.setStatus({ level: 'info', text: `exported ${names.length || 'all'} topic(s) to ${file}` });
      } else {
        const m = await readThrough(store, wholeMessageRequest(instanceId, props.message as MessageRef));
        if (!m) throw new Error('the message is gone (older than the retention time)');
        await saveTextFile(file, valueBytes(m.value ?? ''), false);
        actions.popModal();
        actions.setStatus({
          level: 'info',
          text: `saved ${valueBytes(m.value ?? '').length} bytes to ${file}`,
        });
      }
    } catch (e) {
      setBusy(false);
      const r = e as { errorCode?: string; message?: string };
      setError(`${r.errorCode ? `${r.errorCode} ` : ''}${r.message ?? String(e)}`);
    }
  };
  const title =
    mode === 'export'
      ? `Export ${(props.names as string[]).length || 'all'} topic(s) to a file`
      : mode === 'import'
        ? `Import topics (${importMode})`
        : 'Save the message value to a file';
  return (
    <Frame title={title}>
      <TextInput
        layer="modal"
        captureAll
        prompt="file: "
        value={path}
        onChange={(v) => {
          setPath(v);
          setError(null);
        }}
        onSubmit={(v) => void submit(v)}
        onCancel={() => actions.popModal()}
        {...(mode === 'import'
          ? { onComplete: () => setImportMode((m) => (m === 'AddNew' ? 'Merge' : 'AddNew')) }
          : {})}
      />
      {error ? <Text color={theme.danger}>{sanitizeText(error)}</Text> : null}
      {busy ? <Text color={theme.muted}>working…</Text> : null}
      <Text color={theme.muted}>
        Enter: {mode === 'import' ? 'continue to confirmation' : 'write'}
        {mode === 'import' ? ' · Tab: AddNew/Merge' : ''} · Esc: close
      </Text>
    </Frame>
  );
}

/** `C` on a message: copies its value (a huge one is read by offset first), then closes. */
export function CopyValueModal({ props }: ModalProps) {
  const theme = useTheme().tokens;
  const copyText = useCopyText();
  const actions = useActions();
  const [error, setError] = useState<string | null>(null);
  const m = props.message as MessageRef;
  useEffect(() => {
    let live = true;
    const given = props.value as string | undefined;
    const load =
      given !== undefined
        ? Promise.resolve(given)
        : readThrough(props.store as DashboardStore, wholeMessageRequest(props.instanceId as string, m)).then(
            (x) => {
              if (!x) throw new Error('the message is gone (older than the retention time)');
              return x.value ?? '';
            },
          );
    load.then(
      (value) => {
        if (!live) return;
        actions.popModal();
        copyText(value, {
          what: `the value of p${m.partition}@${m.offset} (${value.length} characters)`,
          fileName: `message-p${m.partition}-${m.offset}.txt`,
        });
      },
      (e: unknown) => {
        const r = e as { errorCode?: string; message?: string };
        if (live) setError(`${r.errorCode ? `${r.errorCode} ` : ''}${r.message ?? String(e)}`);
      },
    );
    return () => {
      live = false;
    };
    // once, on mount
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useKeyHandler('modal', (k) => {
    if (k.id === 'escape') actions.popModal();
    return true;
  });
  return (
    <Frame title={`Copy the value of p${m.partition}@${m.offset}`}>
      {error ? (
        <Text color={theme.danger}>{sanitizeText(error)} · Esc: close</Text>
      ) : (
        <Text color={theme.muted}>reading the whole value…</Text>
      )}
    </Frame>
  );
}

/** `C` on :mqs: pick one of the instance's connection addresses; Enter copies it (OSC 52). */
export function AddressModal({ props, width }: ModalProps) {
  const theme = useTheme().tokens;
  const copyText = useCopyText();
  const actions = useActions();
  const addresses = addressesOf(props.instance as MqsInstance);
  useKeyHandler(
    'modal',
    (k) => {
      if (k.id === 'escape') actions.popModal();
      return true;
    },
    { active: addresses.length === 0 },
  );
  return (
    <Frame title="Copy a connection address">
      {addresses.length === 0 ? (
        <Text color={theme.warning}>No address published. Esc: close</Text>
      ) : (
        <SelectList
          items={addresses.map(([what, address]) => ({ label: what, value: address, note: address }))}
          width={Math.max(10, width - 4)}
          onCancel={() => actions.popModal()}
          onSelect={({ label, value }) => {
            actions.popModal();
            copyText(value, { what: `the ${label} address`, fileName: 'mqs-address.txt' });
          }}
        />
      )}
    </Frame>
  );
}
