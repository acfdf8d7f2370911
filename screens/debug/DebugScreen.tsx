// The debug console (4.3.8): a form pre-filled from the API, the answer in tabs, history and compare.
// Keys come from the key map's `debug` scope; the form takes typing on the input layer, the other
// views listen on the list layer so global keys (Esc = back) still work there.
import { Box, Text, useApp } from 'ink';
import { useRef, useState } from 'react';
import { useStore } from 'zustand';
import { toCurl } from '../../src/debug/curl.ts';
import { editText } from '../../src/debug/editor.ts';
import type { Shutdown } from '../../src/app/shutdown.ts';
import { saveBody } from '../../src/debug/export.ts';
import { stageChoices } from '../../src/debug/form.ts';
import { orderAppsForStage, pickerLabel } from '../../src/debug/app-picker.ts';
import { osc52Copy } from '../../components/osc52.ts';
import { headerValue, parseRawRequest, parseRawResponse } from '../../src/debug/raw.ts';
import { dispatchCommand, useKeyHandler, type CommandHandlers } from '../../src/keys/router.tsx';
import { isTextKey, textOf, type KeyEvent } from '../../src/keys/keys.ts';
import { keyIs } from '../../src/keys/keymap.ts';
import {
  cursorIndex,
  cursorStepOf,
  cursorWindow,
  idRows,
  INITIAL_CURSOR,
  reduceCursor,
  type Cursor,
  type CursorStep,
} from '../../src/ui/list-cursor.ts';
import { maskAnswer } from '../../src/debug/mask-answer.ts';
import type { DebugAnswerWire } from '../../src/debug/types.ts';
import type { DebugStore, RowKind } from '../../src/store/debug.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useTheme } from '../../src/ui/theme.ts';
import { ANSWER_TABS, TAB_TITLES, answerLines, type AnswerTab } from './answerLines.ts';
import { Tabs, cycleTab } from '../../components/Tabs.tsx';
import { CompareView } from './CompareView.tsx';
import { formFields, nextChoice, readField, type FieldRef } from './fields.ts';
import { FormView } from './FormView.tsx';
import { HistoryView } from './HistoryView.tsx';
import { Lines } from './Lines.tsx';
import { wrapToWidth } from '../actions/wrap.ts';
import { displayWidth, truncateToWidth } from '../../src/ui/text.ts';

const ANSWER_TAB_ITEMS = ANSWER_TABS.map((t) => ({ key: t, title: TAB_TITLES[t] }));

/** `creds`: the question before the curl with credentials is copied or saved. */
export type DebugView = 'form' | 'answer' | 'history' | 'compare' | 'save' | 'creds';

export interface DebugScreenProps {
  store: DebugStore;
  width?: number;
  height?: number;
  /** Puts text on the clipboard; defaults to OSC 52 on stdout. */
  copy?: (text: string) => void;
  /** Edits the body; defaults to $EDITOR with Ink's terminal hand-over. */
  editBody?: (initial: string) => Promise<string>;
  /** Directory relative file names are saved in. */
  cwd?: string;
  /** On a signal the editor is ended (and its temp directory removed) before the process exits. */
  shutdown?: Shutdown;
}

interface Ui {
  view: DebugView;
  focus: number;
  tab: AnswerTab;
  scroll: number;
  wrap: boolean;
  /** The history's cursor (the one list cursor: j/k, g/G, PgUp/PgDn…). */
  cursor: Cursor;
  marked: string[];
  saveName: string;
  /** What the save prompt writes: the response body, or the curl with credentials (0600). */
  saveWhat: 'body' | 'curl';
  notice: { text: string; error?: boolean } | null;
  copied: string | null;
  /** The answer shows the credentials it carries (x); leaving the answer view masks them again. */
  reveal: boolean;
  /** The error is shown whole (e), not cut to one line and its hint. */
  errorOpen: boolean;
}

const INITIAL: Ui = {
  view: 'form',
  focus: 0,
  tab: 'response',
  scroll: 0,
  wrap: true,
  cursor: INITIAL_CURSOR,
  marked: [],
  saveName: '',
  saveWhat: 'body',
  notice: null,
  copied: null,
  reveal: false,
  errorOpen: false,
};

const SCOPES = ['debug'] as const;

const ANSWER_HINT =
  'Tab/Shift-Tab tabs · ↑↓ scroll · w wrap · x reveal · c curl · C curl+creds · s save · e error · Ctrl-O history · Ctrl-T form · Esc back';
const VIEW_HINTS: Record<DebugView, string> = {
  form: 'Ctrl-X send · ↑↓/Tab field · ←→ choice · Ctrl-E $EDITOR · Ctrl-N add row · Ctrl-R re-run · Ctrl-O history · Ctrl-T answer',
  answer: ANSWER_HINT,
  save: ANSWER_HINT,
  creds:
    'y copy to the clipboard · s save to a file (mode 600) · Esc cancel: the credentials are never shown',
  history:
    '↑↓/jk choose · Enter edit and resend · m mark · = compare · Ctrl-R re-run last · Ctrl-T form · Esc back',
  compare: '↑↓ scroll · Esc back to history · Ctrl-O history · Ctrl-T form',
};

function historyIndex(history: readonly { id: string }[], id: string): number {
  return history.findIndex((e) => e.id === id);
}

export function DebugScreen({
  store,
  width = 100,
  height = 30,
  copy,
  editBody,
  cwd,
  shutdown,
}: DebugScreenProps) {
  const theme = useTheme();
  const { suspendTerminal } = useApp();
  const state = useStore(store);
  const [ui, setUiState] = useState<Ui>(INITIAL);
  const uiRef = useRef(ui);
  const setUi = (patch: Partial<Ui> | ((u: Ui) => Partial<Ui>)): void => {
    const next = { ...uiRef.current, ...(typeof patch === 'function' ? patch(uiRef.current) : patch) };
    if (next.view !== uiRef.current.view) next.reveal = false;
    uiRef.current = next;
    setUiState(next);
  };
  const now = () => store.getState();
  // The console has a fixed height: title, the view, the notice and the key line pinned at the bottom
  // (issue 11: the answer scrolled the key line off while rows stayed blank). Every part but the view
  // is one line, so the view's rows are exact and the answer's body fills them.
  const noticeOf = (u: Ui): Ui['notice'] =>
    u.notice ??
    (u.view === 'form' && Object.keys(now().errors).length > 0
      ? { text: `${Object.keys(now().errors).length} problem(s) in the form`, error: true }
      : null);
  const viewRows = (u: Ui): number => Math.max(1, height - 2 - (noticeOf(u) ? 1 : 0));
  /** The error of the call: its line and hint cut to one line each, or whole when opened (e). */
  const errorLines = (u: Ui): Array<{ text: string; hint: boolean }> => {
    const e = now().error;
    if (!e) return [];
    const oneLine = (t: string) => sanitizeText(t).replace(/\s*\n\s*/g, ' ');
    const head = oneLine(`✗ ${e.code}${e.status !== undefined ? ` (${e.status})` : ''}: ${e.message}`);
    const hint = `  hint: ${oneLine(e.hint)}`;
    const mark = (lines: string[], isHint: boolean) => lines.map((text) => ({ text, hint: isHint }));
    if (u.errorOpen)
      return [...mark(wrapToWidth(head, width), false), ...mark(wrapToWidth(hint, width), true)];
    if (displayWidth(head) <= width && displayWidth(hint) <= width)
      return [...mark([head], false), ...mark([hint], true)];
    const more = u.view === 'form' ? ' · Ctrl-T, e: whole error' : ' · e: whole error';
    return [
      { text: truncateToWidth(head, width), hint: false },
      { text: truncateToWidth(hint, width - displayWidth(more)) + more, hint: true },
    ];
  };
  /** Rows left for the answer's lines under its tab row, the error and the one-line prompts. */
  const answerRows = (u: Ui): number =>
    Math.max(
      1,
      viewRows(u) -
        1 -
        errorLines(u).length -
        (u.view === 'creds' || u.view === 'save' ? 1 : 0) -
        (u.copied !== null ? 1 : 0),
    );

  const bodyHeight = viewRows(ui);
  const pickerApps = () => orderAppsForStage(now().apps, now().authorizations ?? [], now().form?.stage ?? '');
  const historyRows = () =>
    idRows(
      now().history.map((e) => e.id),
      bodyHeight - 1,
    );
  const stepHistory = (step: CursorStep) =>
    setUi((u) => ({ cursor: reduceCursor(u.cursor, { type: 'step', step }, historyRows()) }));
  const historyEntry = () => now().history[cursorIndex(uiRef.current.cursor, historyRows())];
  const appName = (): string | undefined => {
    const f = now().form;
    const app = f ? pickerApps().find((a) => a.app_key === f.appKey && f.appKey !== '') : undefined;
    return app && f ? pickerLabel(app, f.stage, now().authorizations !== null) : undefined;
  };
  const fields = () => {
    const f = now().form;
    return f ? formFields(f, { appName: appName() }) : [];
  };
  const focused = () => fields()[Math.min(uiRef.current.focus, fields().length - 1)];

  const writeField = (ref: FieldRef, value: string): void => {
    const a = now().actions;
    if (ref.kind === 'pathParams') a.setRow('pathParams', ref.index, { value });
    else if (ref.kind === 'query' || ref.kind === 'headers')
      a.setRow(ref.kind, ref.index, { [ref.part]: value });
    else if (
      ref.kind === 'stage' ||
      ref.kind === 'body' ||
      ref.kind === 'appKey' ||
      ref.kind === 'appSecret' ||
      ref.kind === 'domain'
    ) {
      a.setField(ref.kind, value);
    }
  };

  const moveFocus = (d: number): void =>
    setUi((u) => ({ focus: Math.max(0, Math.min(fields().length - 1, u.focus + d)) }));

  const cycleChoice = (dir: 1 | -1): boolean => {
    const f = focused();
    const form = now().form;
    if (!f || !form || !f.choice) return false;
    const a = now().actions;
    if (f.ref.kind === 'mode' || f.ref.kind === 'scheme' || f.ref.kind === 'method') {
      a.setField(f.ref.kind, nextChoice(form, f.ref.kind, dir) as never);
    } else if (f.ref.kind === 'stage') {
      const envs = stageChoices(now().api?.run_env_name, form.stage);
      const i = envs.indexOf(form.stage);
      a.setField('stage', envs[(i + dir + envs.length) % envs.length] ?? form.stage);
    } else if (f.ref.kind === 'app') {
      const apps = pickerApps();
      if (apps.length === 0) {
        setUi({
          notice: {
            text: now().appsError ? `apps: ${now().appsError?.message}` : 'No apps to pick from',
            error: true,
          },
        });
        return true;
      }
      const i = apps.findIndex((x) => x.app_key === form.appKey);
      const next = apps[(i + dir + apps.length + (i < 0 && dir === -1 ? 1 : 0)) % apps.length];
      if (next) a.pickApp(next);
    }
    return true;
  };

  const send = (): void => {
    const a = now().actions;
    void a.send();
    const errors = now().errors;
    const keys = Object.keys(errors);
    if (keys.length > 0) {
      const first = fields().findIndex((f) => keys.includes(f.errorKey));
      // the problem count is derived from the store's errors (it shrinks as fields are fixed)
      setUi({ view: 'form', notice: null, ...(first >= 0 ? { focus: first } : {}) });
      return;
    }
    setUi({ view: 'answer', tab: 'response', scroll: 0, notice: null });
  };

  const rerun = (): void => {
    if (now().history.length === 0) {
      setUi({ notice: { text: 'No earlier call to re-run', error: true } });
      return;
    }
    void now().actions.rerunLast();
    setUi({ view: 'answer', tab: 'response', scroll: 0, notice: { text: 'Re-running the last call' } });
  };

  const openEditor = (): void => {
    const form = now().form;
    if (!form) return;
    const run =
      editBody ??
      (async (initial: string) => {
        let out = initial;
        const editing = suspendTerminal(async () => {
          out = await editText(initial, {
            suffix: initial.trim().startsWith('{') ? '.json' : '.txt',
            ...(shutdown ? { signal: shutdown.signal } : {}),
          });
        });
        // the exit waits for the editor to end and the terminal to come back; Ctrl-C is the editor's
        shutdown?.hold(editing, { ownsInterrupt: true });
        await editing;
        return out;
      });
    run(form.body).then(
      (text) => {
        now().actions.setField('body', text.replace(/\n$/, ''));
        setUi({ notice: { text: `Body: ${Buffer.byteLength(text)} bytes from the editor` } });
      },
      (e: unknown) =>
        setUi({ notice: { text: `Editor: ${e instanceof Error ? e.message : String(e)}`, error: true } }),
    );
  };

  const rowKindOfFocus = (): Exclude<RowKind, 'pathParams'> | undefined => {
    const f = focused();
    if (!f) return undefined;
    if (f.ref.kind === 'query' || f.ref.kind === 'headers') return f.ref.kind;
    if (f.section === 'Query') return 'query';
    if (f.section === 'Headers') return 'headers';
    return undefined;
  };

  const curlText = (reveal: boolean): string | undefined => {
    const sent = now().sent;
    const answer = now().answer;
    if (!sent) return undefined;
    const host = answer ? headerValue(parseRawRequest(answer.request).headers, 'host') : undefined;
    const appSecret = now().form?.appSecret ?? sent.app_secret;
    const secrets = reveal ? { ...sent, app_secret: appSecret } : sent;
    // APP-authenticated APIs get a signed command (the signature does not reveal the secret).
    const sign = sent.app_key && appSecret ? { appKey: sent.app_key, appSecret } : undefined;
    return toCurl(secrets, { revealSecrets: reveal, ...(host ? { host } : {}), ...(sign ? { sign } : {}) });
  };

  // The curl with credentials goes to the clipboard or a file, never to the screen: what is shown
  // under "copied" is always the masked command.
  const doCopy = (reveal: boolean): void => {
    const text = curlText(reveal);
    if (!text) {
      setUi({ view: 'answer', notice: { text: 'Send a request first', error: true } });
      return;
    }
    (copy ?? ((t: string) => process.stdout.write(osc52Copy(t))))(text);
    setUi({
      view: 'answer',
      copied: curlText(false) ?? null,
      notice: {
        text: reveal
          ? 'Copied curl WITH credentials to the clipboard (not shown: the preview is masked)'
          : 'Copied curl to the clipboard (credentials masked)',
      },
    });
  };

  const askCredentials = (): void => {
    if (!now().sent) setUi({ notice: { text: 'Send a request first', error: true } });
    else setUi({ view: 'creds', notice: null });
  };

  const onCredsKey = (key: KeyEvent): boolean => {
    if (keyIs('confirm', key.id)) doCopy(true);
    else if (keyIs('debugSaveBody', key.id)) {
      const name = (now().api?.name ?? 'request').replace(/[^A-Za-z0-9_.-]+/g, '_');
      setUi({ view: 'save', saveWhat: 'curl', saveName: `${name}-curl.sh` });
    } else if (keyIs('cancel', key.id)) setUi({ view: 'answer', notice: { text: 'Nothing copied' } });
    return true;
  };

  /** The answer as shown: masked until x. */
  const shownAnswer = (): DebugAnswerWire | null => {
    const a = now().answer;
    return a && !uiRef.current.reveal ? maskAnswer(a, now().sent) : a;
  };

  const answerTotal = (): number => {
    const a = shownAnswer();
    return a
      ? answerLines(uiRef.current.tab, a, theme, width, uiRef.current.wrap ? 'wrap' : 'truncate').length
      : 0;
  };
  const scrollBy = (d: number): void =>
    setUi((u) => ({
      scroll: Math.max(0, Math.min(Math.max(0, answerTotal() - answerRows(u)), u.scroll + d)),
    }));
  const switchTab = (d: number): void =>
    setUi((u) => ({
      tab: cycleTab(ANSWER_TAB_ITEMS, u.tab, d < 0 ? -1 : 1) as AnswerTab,
      scroll: 0,
    }));

  const common: CommandHandlers = {
    debugSend: send,
    debugRerun: rerun,
    debugHistory: () => setUi({ view: 'history', cursor: INITIAL_CURSOR, notice: null }),
    debugToggleView: () => setUi((u) => ({ view: u.view === 'form' ? 'answer' : 'form' })),
    debugEditor: openEditor,
  };

  const formHandlers: CommandHandlers = {
    ...common,
    debugNext: () => moveFocus(1),
    debugDown: () => moveFocus(1),
    debugEnter: () => moveFocus(1),
    debugPrev: () => moveFocus(-1),
    debugUp: () => moveFocus(-1),
    debugChoiceNext: () => cycleChoice(1),
    debugChoicePrev: () => cycleChoice(-1),
    debugBackspace: () => {
      const f = focused();
      if (f && !f.choice) writeField(f.ref, Array.from(readField(now().form!, f.ref)).slice(0, -1).join(''));
    },
    debugClearField: () => {
      const f = focused();
      if (f && !f.choice) writeField(f.ref, '');
    },
    debugAddRow: () => {
      const kind = rowKindOfFocus() ?? 'query';
      now().actions.addRow(kind);
      const idx = fields().findIndex((f) => f.id === `${kind}.${(now().form?.[kind].length ?? 1) - 1}.name`);
      if (idx >= 0) setUi({ focus: idx });
    },
    debugRemoveRow: () => {
      const f = focused();
      if (f && (f.ref.kind === 'query' || f.ref.kind === 'headers'))
        now().actions.removeRow(f.ref.kind, f.ref.index);
      moveFocus(0);
    },
  };

  const answerHandlers: CommandHandlers = {
    ...common,
    debugNext: () => switchTab(1),
    debugPrev: () => switchTab(-1),
    debugDown: () => scrollBy(1),
    debugUp: () => scrollBy(-1),
    debugWrap: () => setUi((u) => ({ wrap: !u.wrap, scroll: 0 })),
    debugCopyCurl: () => doCopy(false),
    debugCopyCurlSecrets: askCredentials,
    debugReveal: () => setUi((u) => ({ reveal: !u.reveal })),
    debugExpandError: () => {
      if (!now().error) return void setUi({ notice: { text: 'No error in this answer' } });
      setUi((u) => ({ errorOpen: !u.errorOpen }));
    },
    debugSaveBody: () => {
      if (!now().answer) return;
      const name = (now().api?.name ?? 'response').replace(/[^A-Za-z0-9_.-]+/g, '_');
      const isJson = /^\s*[[{]/.test(parseRawResponse(now().answer!.response).body);
      setUi({ view: 'save', saveWhat: 'body', saveName: `${name}-response.${isJson ? 'json' : 'txt'}` });
    },
  };

  const historyHandlers: CommandHandlers = {
    ...common,
    debugDown: () => stepHistory('down'),
    debugUp: () => stepHistory('up'),
    debugEnter: () => {
      const e = historyEntry();
      if (!e) return;
      now().actions.editFromHistory(e.id);
      setUi({
        view: 'form',
        focus: 0,
        notice: { text: `Loaded the call of ${e.at} — edit and Ctrl-X to resend` },
      });
    },
    debugMark: () => {
      const e = historyEntry();
      if (!e) return;
      setUi((u) => ({
        marked: u.marked.includes(e.id) ? u.marked.filter((x) => x !== e.id) : [...u.marked, e.id].slice(-2),
      }));
    },
    debugCompare: () => {
      if (uiRef.current.marked.length !== 2) {
        setUi({ notice: { text: 'Mark two answers with m first', error: true } });
        return;
      }
      setUi({ view: 'compare', scroll: 0, notice: null });
    },
  };

  const compareHandlers: CommandHandlers = {
    ...common,
    debugDown: () => setUi((u) => ({ scroll: u.scroll + 1 })),
    debugUp: () => setUi((u) => ({ scroll: Math.max(0, u.scroll - 1) })),
  };

  const onFormKey = (key: KeyEvent): boolean => {
    if (dispatchCommand(key, SCOPES, formHandlers)) return true;
    const f = focused();
    if (f && !f.choice && isTextKey(key)) {
      writeField(f.ref, readField(now().form!, f.ref) + textOf(key));
      return true;
    }
    return false;
  };

  const onSaveKey = (key: KeyEvent): boolean => {
    if (keyIs('inputCancel', key.id)) setUi({ view: 'answer' });
    else if (keyIs('inputSubmit', key.id) && uiRef.current.saveWhat === 'curl') {
      const text = curlText(true);
      if (!text) return true;
      saveBody(uiRef.current.saveName, `${text}\n`, cwd, { mode: 0o600 }).then(
        (r) =>
          setUi({
            view: 'answer',
            copied: curlText(false) ?? null,
            notice: { text: `Saved curl with credentials to ${r.path} (mode 600; not shown)` },
          }),
        (e: unknown) =>
          setUi({
            view: 'answer',
            notice: { text: `Save failed: ${e instanceof Error ? e.message : String(e)}`, error: true },
          }),
      );
    } else if (keyIs('inputSubmit', key.id)) {
      const a = now().answer;
      if (!a) return true;
      const body = parseRawResponse(a.response).body;
      saveBody(uiRef.current.saveName, body, cwd).then(
        (r) => setUi({ view: 'answer', notice: { text: `Saved ${r.bytes} bytes to ${r.path}` } }),
        (e: unknown) =>
          setUi({
            view: 'answer',
            notice: { text: `Save failed: ${e instanceof Error ? e.message : String(e)}`, error: true },
          }),
      );
    } else if (keyIs('inputDeleteBack', key.id))
      setUi((u) => ({ saveName: Array.from(u.saveName).slice(0, -1).join('') }));
    else if (keyIs('inputClear', key.id)) setUi({ saveName: '' });
    else if (isTextKey(key)) setUi((u) => ({ saveName: u.saveName + textOf(key) }));
    return true;
  };

  const onOtherKey = (key: KeyEvent): boolean => {
    const v = uiRef.current.view;
    const handlers = v === 'answer' ? answerHandlers : v === 'history' ? historyHandlers : compareHandlers;
    if (dispatchCommand(key, SCOPES, handlers)) return true;
    // the history moves like every list (j/k, g/G, Home/End, PgUp/PgDn, Ctrl-U/D)
    const step = v === 'history' ? cursorStepOf(key.id) : undefined;
    if (step !== undefined) {
      stepHistory(step);
      return true;
    }
    // j/k scroll the comparison like in every list (no text is typed there)
    if (v === 'compare') {
      const { debugDown, debugUp } = handlers;
      if (debugDown && debugUp && dispatchCommand(key, ['list'], { down: debugDown, up: debugUp }))
        return true;
    }
    // Esc in history/compare goes back to the answer, not out of the console.
    if (keyIs('back', key.id) && (v === 'history' || v === 'compare')) {
      setUi({ view: v === 'compare' ? 'history' : 'answer' });
      return true;
    }
    return false;
  };

  useKeyHandler('input', onFormKey, { active: ui.view === 'form' && state.form !== null });
  useKeyHandler('input', onSaveKey, { active: ui.view === 'save' });
  useKeyHandler('input', onCredsKey, { active: ui.view === 'creds' });
  useKeyHandler('list', onOtherKey, {
    active: ui.view !== 'form' && ui.view !== 'save' && ui.view !== 'creds' && state.form !== null,
  });

  if (!state.form || !state.api)
    return <Text color={theme.tokens.muted}>No API selected for debugging.</Text>;
  const form = state.form;
  const api = state.api;
  const allFields = formFields(form, { appName: appName() });

  const title = (
    <Text wrap="truncate-end">
      <Text color={theme.tokens.accent} bold>
        Debug
      </Text>
      {` ${sanitizeText(api.name)} · ${form.mode}${form.mode === 'CONSUMER' ? `@${sanitizeText(form.stage)}` : ''} · auth ${sanitizeText(form.authType)}`}
      {api.backend_type ? ` · backend ${sanitizeText(api.backend_type)}` : ''}
      {state.sending ? <Text color={theme.tokens.warning}> · sending…</Text> : null}
    </Text>
  );

  const errLines = errorLines(ui);
  const errorBox =
    errLines.length > 0 ? (
      <Box flexDirection="column">
        {errLines.map((l, i) => (
          <Text
            key={i}
            wrap="truncate-end"
            color={l.hint ? theme.tokens.muted : theme.tokens.danger}
            bold={!l.hint}
          >
            {l.text}
          </Text>
        ))}
      </Box>
    ) : null;

  let main;
  if (ui.view === 'form') {
    main = (
      <FormView
        form={form}
        fields={allFields}
        focus={Math.min(ui.focus, allFields.length - 1)}
        errors={state.errors}
        width={width}
      />
    );
  } else if (ui.view === 'history') {
    main = (
      <HistoryView
        entries={state.history}
        cursor={cursorIndex(ui.cursor, historyRows())}
        window={cursorWindow(ui.cursor, historyRows())}
        marked={ui.marked}
      />
    );
  } else if (ui.view === 'compare') {
    // History is newest first; the left column is the older call whatever order they were marked in.
    const [a, b] = [...ui.marked]
      .sort((x, y) => historyIndex(state.history, y) - historyIndex(state.history, x))
      .map((id) => state.history.find((e) => e.id === id)?.answer);
    main =
      a && b ? (
        <CompareView left={a} right={b} width={width} height={bodyHeight - 1} offset={ui.scroll} />
      ) : (
        <Text color={theme.tokens.danger}>Both marked calls need an answer to compare.</Text>
      );
  } else {
    const shown = state.answer && !ui.reveal ? maskAnswer(state.answer, state.sent) : state.answer;
    const lines = shown ? answerLines(ui.tab, shown, theme, width, ui.wrap ? 'wrap' : 'truncate') : [];
    const rows = answerRows(ui);
    const where =
      lines.length > rows
        ? `${ui.scroll + 1}–${Math.min(lines.length, ui.scroll + rows)}/${lines.length} · `
        : '';
    main = (
      <Box flexDirection="column">
        <Box height={1} overflow="hidden">
          <Box flexShrink={0}>
            <Tabs tabs={ANSWER_TAB_ITEMS} active={ui.tab} />
          </Box>
          <Text
            color={theme.tokens.muted}
            wrap="truncate-end"
          >{`  ${where}${ui.wrap ? 'wrap' : 'truncate'} · ${ui.reveal ? 'credentials shown' : 'credentials masked'}`}</Text>
        </Box>
        {errorBox}
        {state.answer ? (
          <Lines lines={lines} offset={ui.scroll} height={rows} />
        ) : state.sending ? (
          <Text color={theme.tokens.muted}>Waiting for the gateway…</Text>
        ) : errorBox ? null : (
          <Text color={theme.tokens.muted}>No answer yet: Ctrl-X sends the form.</Text>
        )}
        {ui.view === 'creds' ? (
          <Text color={theme.tokens.warning} bold wrap="truncate-end">
            Copy the curl WITH credentials (app secret, credential headers and parameters)? y copy · s save to
            a file · Esc cancel
          </Text>
        ) : null}
        {ui.view === 'save' ? (
          <Text wrap="truncate-end">
            <Text color={theme.tokens.accent}>
              {ui.saveWhat === 'curl' ? 'Save curl with credentials to: ' : 'Save body to: '}
            </Text>
            <Text inverse>{`${ui.saveName} `}</Text>
            <Text color={theme.tokens.muted}> Enter save · Esc cancel</Text>
          </Text>
        ) : null}
        {ui.copied !== null ? (
          <Text wrap="truncate-end">
            <Text color={theme.tokens.muted}>copied: </Text>
            {sanitizeText(ui.copied.replace(/\n/g, ' ⏎ '))}
          </Text>
        ) : null}
      </Box>
    );
  }

  const notice = noticeOf(ui);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {title}
      <Box flexDirection="column" height={bodyHeight} flexShrink={0} overflow="hidden">
        {ui.view === 'form' ? errorBox : null}
        {main}
      </Box>
      {notice ? (
        <Text color={notice.error ? theme.tokens.danger : theme.tokens.success} wrap="truncate-end">
          {sanitizeText(notice.text)}
        </Text>
      ) : null}
      <Text color={theme.tokens.muted} wrap="truncate-end">
        {VIEW_HINTS[ui.view]}
      </Text>
    </Box>
  );
}
