// Modals are pushed through one mechanism (store `pushModal({kind, props})`); this registry maps a
// kind to its component. Later features register theirs with `registerModal`, all from
// `installCapabilities` (src/app/capabilities.ts) at start, never as an import's side effect.
import { Box, Text } from 'ink';
import { useEffect, useMemo, type ComponentType } from 'react';
import { CommandPalette, type PaletteEntry as PaletteItem } from '../../components/CommandPalette.tsx';
import { HelpOverlay } from '../../components/HelpOverlay.tsx';
import { JsonView } from '../../components/JsonView.tsx';
import { redactObject } from '../api/redact.ts';
import { paletteEntries, resourceById } from '../../screens/registry.ts';
import { commandKeysLabel, commandsForKey, helpSections, keyIs } from '../keys/keymap.ts';
import { useKeyHandler } from '../keys/router.tsx';
import { useActions, useDashboardStore, useStore } from '../store/react.tsx';
import { selectSlice, selectTop } from '../store/selectors.ts';
import { sanitizeText } from '../ui/sanitize.ts';
import { truncateToWidth } from '../ui/text.ts';
import { useTheme } from '../ui/theme.ts';
import { listKey, listRequest } from './data.ts';
import { useAppEnv } from './env.tsx';
import { useSession } from './session.ts';
import { useResumeStore } from './resume-view.tsx';
import { helpCommands, viewKeys } from './view-keys.ts';

export interface ModalProps {
  props: Readonly<Record<string, unknown>>;
  width: number;
  height: number;
}

const registry = new Map<string, ComponentType<ModalProps>>();

export function registerModal(kind: string, c: ComponentType<ModalProps>): void {
  registry.set(kind, c);
}

/** A family's dialogs: `kinds` names each modal kind, `views` has the component of every name. */
export function registerModalTable<K extends string>(
  kinds: Readonly<Record<K, string>>,
  views: Readonly<Record<K, ComponentType<ModalProps>>>,
): void {
  for (const name of Object.keys(kinds) as K[]) registerModal(kinds[name], views[name]);
}

export function modalComponent(kind: string): ComponentType<ModalProps> | undefined {
  return registry.get(kind);
}

/** Esc, q, or the key that opened it (json, y) closes the JSON view. */
const closesJson = (id: string): boolean => keyIs('back', id) || keyIs('quit', id) || keyIs('json', id);

/**
 * JSON of the selected item. JsonView scrolls with the navigation keys; this layer closes it.
 * Secret-named fields are masked until x (props.revealId: the item's id); closing masks them again.
 */
function JsonModal({ props, width, height }: ModalProps) {
  const actions = useActions();
  const revealId = typeof props.revealId === 'string' ? props.revealId : undefined;
  const revealed = useStore((s) => (revealId !== undefined ? s.revealed[revealId] === true : false));
  const masked = useMemo(() => redactObject(props.value), [props.value]);
  const hasSecret = useMemo(
    () => JSON.stringify(masked) !== JSON.stringify(props.value),
    [masked, props.value],
  );
  useKeyHandler('modal', (k) => {
    if (closesJson(k.id)) actions.popModal();
    else if (keyIs('reveal', k.id) && hasSecret && revealId !== undefined) actions.toggleReveal(revealId);
    // navigation keys go on to JsonView's scroll handler; nothing else reaches the views beneath
    else if (commandsForKey(k.id, ['detail']).length > 0) return false;
    return true;
  });
  const hint = hasSecret && revealId !== undefined ? (revealed ? 'x hides · ' : 'x reveals · ') : '';
  return (
    <JsonView
      value={revealed ? props.value : masked}
      width={width}
      height={height}
      title={`JSON — ${sanitizeText(props.title)}  (${hint}Esc closes)`}
    />
  );
}

/** The `?` help (generated from the key map) and the palette names under it. */
function HelpModal({ width, height }: ModalProps) {
  const theme = useTheme();
  const actions = useActions();
  const session = useSession();
  const top = useStore(selectTop);
  // the view under the help: only what it binds, and its unavailable capabilities with the reason
  const sections = useMemo(() => {
    const keys = viewKeys(resourceById(top.screen), top.view, session, top.tab);
    return helpSections({ only: helpCommands(keys), unavailable: keys.unavailable, titles: keys.titles });
  }, [top.screen, top.view, top.tab, session]);
  const names = paletteEntries()
    .map((e) => `:${e.name}`)
    .join(' ');
  return (
    <Box flexDirection="column" height={height}>
      <HelpOverlay width={width} height={height - 2} sections={sections} onClose={() => actions.popModal()} />
      <Text bold color={theme.tokens.accent}>
        {truncateToWidth(`Palette (${commandKeysLabel('palette')} then a name; Tab completes)`, width)}
      </Text>
      <Text wrap="truncate">{truncateToWidth(names, width)}</Text>
    </Box>
  );
}

function PaletteModal({ width }: ModalProps) {
  const actions = useActions();
  const resume = useResumeStore();
  const entries: PaletteItem[] = paletteEntries().map((e) => ({
    name: e.name,
    aliases: e.aliases,
    description: e.title,
  }));
  return (
    <CommandPalette
      entries={entries}
      width={width}
      history={resume.history()}
      onClose={() => actions.popModal()}
      onRun={(entry, args) => {
        actions.popModal();
        resume.addHistory(args.trim() ? `${entry.name} ${args.trim()}` : entry.name);
        if (entry.name === 'ctx') actions.pushModal({ kind: 'ctx', props: { query: args } });
        else if (resourceById(entry.name)) {
          actions.jump(entry.name);
          // `:apis refund` opens the list filtered (Esc clears the filter as usual)
          const filter = (args ?? '').trim();
          if (filter) actions.updateList({ filter });
        }
      }}
    />
  );
}

/** A context target: an instance of this account, or a profile of the config file. */
export interface CtxTarget {
  kind: 'instance' | 'profile';
  id: string;
  label: string;
}

/**
 * `:ctx`: switch the current instance (completion over the instance list) or the profile (from the
 * config file; the shell re-resolves credentials and builds a new client and store). `:ctx NAME`
 * switches at once when NAME names exactly one target.
 */
function CtxModal({ props, width }: ModalProps) {
  const actions = useActions();
  const store = useDashboardStore();
  const env = useAppEnv();
  const theme = useTheme();
  const instances = useStore(selectSlice<Array<Record<string, unknown>>>('instances', listKey(null, {})));
  const current = useStore((s) => s.instanceId);
  useEffect(() => {
    const d = resourceById('instances');
    if (d) void actions.ensure(listRequest(d, null, {}));
  }, [actions]);

  const targets: CtxTarget[] = [
    ...(instances.data ?? []).map((r) => {
      const id = String(r.id);
      const name = String(r.name ?? r.instance_name ?? id);
      return { kind: 'instance' as const, id, label: name };
    }),
    ...(env.profiles?.names ?? []).map((p) => ({ kind: 'profile' as const, id: p, label: `profile:${p}` })),
  ];
  const entries: PaletteItem[] = targets.map((t) => ({
    name: t.label,
    aliases: t.kind === 'instance' ? [t.id] : [],
    description:
      t.kind === 'instance'
        ? `instance${t.id === current ? ' (current)' : ''}`
        : `profile${t.id === env.header.profile ? ' (current)' : ''}`,
  }));

  const choose = (t: CtxTarget) => {
    actions.popModal();
    if (t.kind === 'instance') switchInstance(store, t.id, t.label);
    else if (env.profiles) {
      actions.setStatus({ level: 'progress', text: `switching to profile ${t.id}…` });
      env.profiles.switchTo(t.id).catch((e: unknown) => actions.showError(e, `profile ${t.id}`));
    }
  };
  const query = typeof props.query === 'string' ? props.query.trim().toLowerCase() : '';
  const direct = query ? targets.filter((t) => [t.id, t.label].some((n) => n.toLowerCase() === query)) : [];
  useEffect(() => {
    if (direct.length === 1 && direct[0]) choose(direct[0]);
    // run once the targets that can match are known
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [direct.length === 1]);

  return (
    <Box flexDirection="column">
      <Text bold color={theme.tokens.header}>
        {truncateToWidth(
          `Switch context — ${instances.loading && !instances.data ? 'loading instances… ' : ''}type a name, Tab completes, Enter switches`,
          width,
        )}
      </Text>
      <CommandPalette
        entries={entries}
        width={width}
        maxSuggestions={10}
        placeholder={
          env.profiles ? ' instance name or profile:NAME (Tab completes)' : ' instance name (Tab completes)'
        }
        onClose={() => actions.popModal()}
        onRun={(entry) => {
          const t = targets.find((x) => x.label === entry.name);
          if (t) choose(t);
        }}
      />
    </Box>
  );
}

/** Makes `id` the current instance; instance-scoped views restart at their root list. */
export function switchInstance(store: ReturnType<typeof useDashboardStore>, id: string, name = id): void {
  const s = store.getState();
  s.actions.setInstance(id);
  const root = s.stack[0]?.screen ?? 'apis';
  s.actions.jump(root === 'instances' ? 'apis' : root);
  s.actions.setStatus({ level: 'info', text: `now on instance ${name}` });
}

/** The shell's own modals (installed at start by `installCapabilities`). */
export function registerShellModals(): void {
  registerModal('json', JsonModal);
  registerModal('help', HelpModal);
  registerModal('palette', PaletteModal);
  registerModal('ctx', CtxModal);
}
