// The small dialogs issue 14's actions open: propose a prepared action, choose rows, fill a few fields,
// export a group to a file, import a file with a preview. Every change goes through the mutations store
// (confirmation, audit, refresh); the dialogs only gather what the action needs.
import { existsSync, readFileSync } from 'node:fs';
import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { TextInput } from '../../components/TextInput.tsx';
import {
  operationsOf,
  parseOpenApiText,
  OpenApiFileError,
  type OperationOutline,
} from '../../src/api/openapi-doc.ts';
import type { EnvRef, MutationAction, Ref } from '../../src/actions/types.ts';
import type { ModalProps } from '../../src/app/modals.tsx';
import { saveTextFile } from '../../src/app/copy-text.tsx';
import { keyIs } from '../../src/keys/keymap.ts';
import { useKeyHandler } from '../../src/keys/router.tsx';
import { useActions, useDashboardStore, useStore } from '../../src/store/index.ts';
import { readThrough } from '../../src/store/read.ts';
import { groupExportRequest } from './requests.ts';
import { sharedListRequest } from '../../src/app/screen-requests.ts';
import type { ApiSummary } from '../../src/api/types/apis.ts';
import { apisScreen } from '../apis.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useTheme } from '../../src/ui/theme.ts';
import { useMutationStore } from '../actions/context.tsx';
import { PickList, pick, usePickCursor, type PickRow } from '../actions/PickList.tsx';

export const GM_MODALS = {
  propose: 'gm.propose',
  choose: 'gm.choose',
  form: 'gm.form',
  export: 'gm.export',
  import: 'gm.import',
  assetExport: 'gm.assetExport',
} as const;

function Frame({ title, children, hint }: { title: string; children: React.ReactNode; hint: string }) {
  const theme = useTheme().tokens;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.border} paddingX={1}>
      <Text bold>{sanitizeText(title)}</Text>
      {children}
      <Text color={theme.muted}>{hint}</Text>
    </Box>
  );
}

/** Proposes `props.action` (the confirmation panel takes over) and closes itself. */
export function ProposeModal({ props }: ModalProps) {
  const mutations = useMutationStore();
  const actions = useActions();
  useEffect(() => {
    actions.popModal();
    mutations.getState().actions.propose(props.action as MutationAction);
    // once, on mount
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return null;
}

/** Rows to choose (Space marks when `multi`); Enter proposes `props.action(ids)`. */
export function ChooseModal({ props }: ModalProps) {
  const rows = (props.rows as PickRow[] | undefined) ?? [];
  const multi = props.multi === true;
  const make = props.action as (ids: string[]) => MutationAction;
  const mutations = useMutationStore();
  const actions = useActions();
  const nav = usePickCursor(rows.map((r) => r.id));
  useKeyHandler('modal', (key) => {
    if (keyIs('back', key.id)) actions.popModal();
    else if (nav.onPickKey(key.id, { marks: multi })) return true;
    else if (keyIs('submit', key.id)) {
      const ids = pick(rows, (r) => r.id, nav).map((r) => r.id);
      if (ids.length === 0) return true;
      actions.popModal();
      mutations.getState().actions.propose(make(ids));
    }
    return true;
  });
  return (
    <Frame
      title={String(props.title ?? 'Choose')}
      hint={`${multi ? 'Space: mark · ' : ''}Enter: ${String(props.verb ?? 'choose')} · Esc: close`}
    >
      <PickList rows={rows} nav={nav} empty={String(props.empty ?? 'Nothing to choose.')} />
    </Frame>
  );
}

export interface FormField {
  label: string;
  initial?: string;
}

/**
 * A few text fields (Enter/↓ next, ↑ previous); Enter on the last calls `props.submit(values)`, which
 * answers the action to propose, or an error to show (the dialog stays open).
 */
export function FormModal({ props }: ModalProps) {
  const fields = (props.fields as FormField[] | undefined) ?? [];
  const submit = props.submit as (values: string[]) => Promise<MutationAction | string>;
  const mutations = useMutationStore();
  const actions = useActions();
  const theme = useTheme().tokens;
  const [values, setValues] = useState(fields.map((f) => f.initial ?? ''));
  const [at, setAt] = useState(0);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const go = async (vals: string[]) => {
    setBusy(true);
    try {
      const r = await submit(vals);
      if (typeof r === 'string') setError(r);
      else {
        actions.popModal();
        mutations.getState().actions.propose(r);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Frame title={String(props.title ?? '')} hint="Enter: next / submit · ↑↓: field · Esc: close">
      {fields.map((f, i) => (
        <Box key={f.label}>
          <Text color={i === at ? theme.accent : theme.muted}>{`${f.label}: `}</Text>
          <TextInput
            value={values[i] ?? ''}
            active={i === at && !busy}
            layer="modal"
            captureAll
            onChange={(v) => {
              setError('');
              setValues((vs) => vs.map((x, j) => (j === i ? v : x)));
            }}
            onMove={(d) => setAt((a) => Math.max(0, Math.min(fields.length - 1, a + d)))}
            onSubmit={(v) => {
              const next = values.map((x, j) => (j === i ? v : x));
              if (i < fields.length - 1) setAt(i + 1);
              else void go(next);
            }}
            onCancel={() => actions.popModal()}
          />
        </Box>
      ))}
      {busy ? <Text color={theme.muted}>working…</Text> : null}
      {error ? <Text color={theme.danger}>{sanitizeText(error)}</Text> : null}
    </Frame>
  );
}

// ---- OpenAPI export -----------------------------------------------------------------------------------

type ExportStep =
  { kind: 'env' } | { kind: 'path' } | { kind: 'overwrite'; path: string } | { kind: 'done'; text: string };

/** Export of a group (in one environment, or all its APIs) to a JSON/YAML file; an existing file is replaced only after `y`. */
export function ExportModal({ props }: ModalProps) {
  const group = props.group as Ref;
  const envs = (props.envs as EnvRef[] | undefined) ?? [];
  const store = useDashboardStore();
  const actions = useActions();
  const instanceId = useStore((s) => s.instanceId) ?? '';
  const theme = useTheme().tokens;
  const rows: PickRow[] = [
    { id: '', text: '(every API of the group, no environment)' },
    ...envs.map((e) => ({ id: e.id, text: e.name })),
  ];
  const nav = usePickCursor(
    rows.map((r) => r.id),
    envs.findIndex((e) => e.name === 'RELEASE') + 1 || 0,
  );
  const [format, setFormat] = useState<'json' | 'yaml'>('json');
  const [step, setStep] = useState<ExportStep>({ kind: 'env' });
  const env = rows[nav.index];
  const envName = env?.id ? env.text : 'all';
  const [path, setPath] = useState('');
  const [error, setError] = useState('');

  const write = async (target: string, overwrite: boolean) => {
    try {
      const text = await readThrough(store, groupExportRequest(instanceId, group.id, env?.id, format));
      // never replaces a file the user was not asked about (EEXIST below); created with mode 600
      const written = await saveTextFile(target, text, overwrite);
      const n = operationsOf(parseOpenApiText(text).doc).length;
      setStep({ kind: 'done', text: `${n} APIs of ${group.name} (${envName}) written to ${written}` });
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'EEXIST') setStep({ kind: 'overwrite', path: target });
      else setError(e instanceof Error ? e.message : String(e));
    }
  };

  useKeyHandler(
    'modal',
    (key) => {
      if (step.kind === 'env') {
        if (keyIs('back', key.id)) actions.popModal();
        else if (nav.onPickKey(key.id)) return true;
        else if (keyIs('nextTab', key.id)) setFormat((f) => (f === 'json' ? 'yaml' : 'json'));
        else if (keyIs('submit', key.id)) {
          setPath(`./${group.name}-${envName}.${format}`.replace(/[^\w./-]/g, '_'));
          setStep({ kind: 'path' });
        }
        return true;
      }
      if (step.kind === 'overwrite') {
        if (keyIs('confirm', key.id)) void write(step.path, true);
        else if (keyIs('cancel', key.id)) setStep({ kind: 'path' });
        return true;
      }
      if (step.kind === 'done') {
        if (keyIs('back', key.id) || keyIs('submit', key.id)) actions.popModal();
        return true;
      }
      return false;
    },
    { active: step.kind !== 'path' },
  );

  return (
    <Frame
      title={`Export ${group.name} as OpenAPI (Swagger 2.0)`}
      hint={
        step.kind === 'env'
          ? `↑↓: environment · Tab: format (${format}) · Enter: next · Esc: close`
          : step.kind === 'path'
            ? 'Enter: write the file · Esc: close'
            : step.kind === 'overwrite'
              ? 'y: overwrite · n: choose another path'
              : 'Enter/Esc: close'
      }
    >
      {step.kind === 'env' ? <PickList rows={rows} nav={nav} empty="no environment" /> : null}
      {step.kind === 'env' ? <Text>format: {format}</Text> : null}
      {step.kind === 'path' ? (
        <Box>
          <Text color={theme.accent}>file: </Text>
          <TextInput
            value={path}
            onChange={(v) => {
              setError('');
              setPath(v);
            }}
            onSubmit={(v) => void write(v.trim(), false)}
            onCancel={() => actions.popModal()}
            layer="modal"
            captureAll
          />
        </Box>
      ) : null}
      {step.kind === 'overwrite' ? (
        <Text color={theme.warning}>{sanitizeText(`${step.path} exists. Overwrite it?`)}</Text>
      ) : null}
      {step.kind === 'done' ? <Text color={theme.success}>{sanitizeText(step.text)}</Text> : null}
      {error ? <Text color={theme.danger}>{sanitizeText(error)}</Text> : null}
    </Frame>
  );
}

// ---- OpenAPI import -------------------------------------------------------------------------------------

export interface ImportPreviewRow {
  op: OperationOutline;
  /** What the import would do: create, update (override), or keep the existing API (merge: reported as a failure). */
  effect: 'create' | 'update' | 'conflict';
  existing?: string;
}

/** The preview of an import into a group: matched by method + path + match mode, as the service does (APIG.3301). */
export function previewImport(
  ops: OperationOutline[],
  existing: Array<{ name: string; req_method?: string; req_uri?: string; match_mode?: string }>,
  mode: 'merge' | 'override',
): ImportPreviewRow[] {
  return ops.map((op) => {
    const hit = existing.find(
      (a) =>
        a.req_method === op.method && a.req_uri === op.path && (a.match_mode ?? 'NORMAL') === op.matchMode,
    );
    if (!hit) return { op, effect: 'create' };
    return { op, effect: mode === 'override' ? 'update' : 'conflict', existing: hit.name };
  });
}

export function ImportModal({ props }: ModalProps) {
  const group = props.group as Ref;
  const store = useDashboardStore();
  const actions = useActions();
  const mutations = useMutationStore();
  const instanceId = useStore((s) => s.instanceId) ?? '';
  const theme = useTheme().tokens;
  const [path, setPath] = useState(String(props.path ?? ''));
  const [loaded, setLoaded] = useState<{
    name: string;
    text: string;
    ops: OperationOutline[];
    existing: Array<{ name: string; req_method?: string; req_uri?: string; match_mode?: string }>;
  } | null>(null);
  const [mode, setMode] = useState<'merge' | 'override'>('merge');
  const [error, setError] = useState('');

  const load = async (p: string) => {
    try {
      const text = readFileSync(p.trim(), 'utf8');
      const { doc } = parseOpenApiText(text);
      // the group's APIs as the APIs screen lists them (`:apis` in the group), read again
      const existing = await readThrough(
        store,
        sharedListRequest<ApiSummary>(apisScreen, instanceId, { groupId: group.id }),
      );
      setLoaded({
        name: p.trim().split('/').pop() ?? 'openapi.json',
        text,
        ops: operationsOf(doc),
        existing,
      });
    } catch (e) {
      setError(
        e instanceof OpenApiFileError
          ? `${e.code} ${e.message}`
          : (e as { code?: string }).code === 'ENOENT'
            ? `no such file: ${p}`
            : e instanceof Error
              ? e.message
              : String(e),
      );
    }
  };
  const rows = loaded ? previewImport(loaded.ops, loaded.existing, mode) : [];
  useKeyHandler(
    'modal',
    (key) => {
      if (keyIs('back', key.id)) actions.popModal();
      else if (key.input === 'm') setMode((m) => (m === 'merge' ? 'override' : 'merge'));
      else if (keyIs('submit', key.id) && loaded) {
        const creates = rows.filter((r) => r.effect === 'create').length;
        const updates = rows.filter((r) => r.effect === 'update').length;
        actions.popModal();
        mutations.getState().actions.propose({
          kind: 'call',
          title: 'Import OpenAPI',
          effect: `${loaded.name} into group ${group.name}: ${creates} APIs created, ${updates} overwritten, ${rows.length - creates - updates} kept as they are`,
          object: `group:${group.name}(${group.id}) ← ${loaded.name}`,
          destructive: updates > 0,
          call: {
            op: 'openapi.import',
            fileName: loaded.name,
            text: loaded.text,
            options: { is_create_group: false, group_id: group.id, api_mode: mode },
          },
        });
      }
      return true;
    },
    { active: loaded !== null },
  );
  const shown = rows.slice(0, 12);
  return (
    <Frame
      title={`Import OpenAPI into ${group.name}`}
      hint={loaded ? `m: mode (${mode}) · Enter: import… · Esc: close` : 'Enter: read the file · Esc: close'}
    >
      {!loaded ? (
        <Box>
          <Text color={theme.accent}>file: </Text>
          <TextInput
            value={path}
            onChange={(v) => {
              setError('');
              setPath(v);
            }}
            onSubmit={(v) => void load(v)}
            onCancel={() => actions.popModal()}
            layer="modal"
            captureAll
          />
        </Box>
      ) : (
        <Box flexDirection="column">
          <Text>
            {sanitizeText(
              `${loaded.name}: ${rows.length} APIs · mode ${mode} (${mode === 'merge' ? 'existing APIs are kept' : 'existing APIs are overwritten'})`,
            )}
          </Text>
          {shown.map((r) => (
            <Text
              key={`${r.op.method} ${r.op.path}`}
              color={
                r.effect === 'create' ? theme.success : r.effect === 'update' ? theme.warning : theme.muted
              }
            >
              {sanitizeText(
                `${r.effect.padEnd(8)} ${r.op.method.padEnd(6)} ${r.op.path}  ${r.op.name}${r.existing ? ` (existing: ${r.existing})` : ''}`,
              )}
            </Text>
          ))}
          {rows.length > shown.length ? (
            <Text color={theme.muted}>… and {rows.length - shown.length} more</Text>
          ) : null}
        </Box>
      )}
      {error ? <Text color={theme.danger}>{sanitizeText(error)}</Text> : null}
    </Frame>
  );
}

/** Reads a PEM file for an upload; a missing or non-PEM file is an error text. */
export function readPem(path: string, what: string): string {
  if (!existsSync(path)) throw new Error(`no such file: ${path}`);
  const text = readFileSync(path, 'utf8');
  if (!/-----BEGIN [A-Z ]+-----/.test(text)) throw new Error(`${path} is not a PEM ${what}`);
  return text;
}
