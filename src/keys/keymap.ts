// The one key map: every command with its default keys, description and the scopes where it
// applies. Handlers (router.tsx `useCommands`), footer hints and the `?` help are generated from
// this table, so a key shown to the user is always the key the code listens for.
//
// Key ids (see `keyId` in keys.ts): a printable character is itself, case-sensitive ('g', 'G',
// '/', '?'); named keys are 'up' 'down' 'left' 'right' 'pageup' 'pagedown' 'home' 'end' 'return'
// 'escape' 'tab' 'backspace' 'delete' 'space'; modifiers prefix them: 'ctrl+d', 'shift+tab'.

/** Where a command applies. `list` navigation also scrolls detail, JSON and help views. */
export type KeyScope = 'global' | 'list' | 'detail' | 'modal' | 'input' | 'actions' | 'debug' | 'form';

export interface CommandSpec {
  readonly keys: readonly string[];
  readonly description: string;
  readonly scopes: readonly KeyScope[];
  /** Short label for the footer; commands without one appear only in the `?` help. */
  readonly hint?: string;
}

const spec = (
  scopes: KeyScope | readonly KeyScope[],
  keys: readonly string[],
  description: string,
  hint?: string,
): CommandSpec => ({
  scopes: typeof scopes === 'string' ? [scopes] : scopes,
  keys,
  description,
  ...(hint === undefined ? {} : { hint }),
});

const NAV: readonly KeyScope[] = ['list', 'detail'];

export const KEYMAP = {
  // global
  quit: spec('global', ['q'], 'Quit roma-dash', 'quit'),
  help: spec('global', ['?'], 'Show this help', 'help'),
  palette: spec('global', [':'], 'Command palette: jump to a resource (:apis, :groups, :ctx …)', 'cmd'),
  back: spec('global', ['escape'], 'Back to the previous view (keeps its selection and filter)', 'back'),
  refresh: spec('global', ['r'], 'Refresh the current view', 'refresh'),
  autoRefresh: spec('global', ['R'], 'Toggle auto-refresh', 'auto'),
  dismissError: spec('global', ['ctrl+l'], 'Dismiss the error in the status line'),

  // navigation in lists and scrollable views
  up: spec(NAV, ['up', 'k'], 'Move up'),
  down: spec(NAV, ['down', 'j'], 'Move down'),
  top: spec(NAV, ['g', 'home'], 'Go to the top'),
  bottom: spec(NAV, ['G', 'end'], 'Go to the bottom'),
  pageUp: spec(NAV, ['pageup', 'ctrl+b'], 'Page up'),
  pageDown: spec(NAV, ['pagedown', 'ctrl+f'], 'Page down'),
  halfPageUp: spec(NAV, ['ctrl+u'], 'Half a page up'),
  halfPageDown: spec(NAV, ['ctrl+d'], 'Half a page down'),

  // lists
  enter: spec('list', ['return'], 'Open the selected item (drill in)', 'open'),
  describe: spec('list', ['i'], 'Show the details of the selected item', 'info'),
  filter: spec('list', ['/'], 'Filter the list (Esc clears)', 'filter'),
  sortNext: spec('list', ['s'], 'Sort by the next column', 'sort'),
  sortReverse: spec('list', ['S'], 'Reverse the sort order'),
  mark: spec('list', ['space'], 'Mark or unmark the selected item (batch actions)'),
  markAll: spec('list', ['*'], 'Mark all visible items, or clear all marks'),
  json: spec(['list', 'detail'], ['y'], 'Show the selected item as raw JSON', 'json'),
  copyId: spec(['list', 'detail'], ['c'], 'Copy the selected id to the clipboard (OSC 52)', 'copy id'),

  // detail views
  nextTab: spec('detail', ['tab', ']'], 'Next tab', 'tab'),
  prevTab: spec('detail', ['shift+tab', '['], 'Previous tab'),

  // actions on the selected (or marked) items
  create: spec('actions', ['n'], 'Create a new item', 'new'),
  edit: spec('actions', ['e'], 'Edit the selected item', 'edit'),
  remove: spec('actions', ['D'], 'Delete the selected or marked items', 'delete'),
  publish: spec('actions', ['p'], 'Publish the API to an environment', 'publish'),
  offline: spec('actions', ['o'], 'Take the API offline in an environment', 'offline'),
  versions: spec('actions', ['v'], 'Version history (switch the published version)', 'versions'),
  bind: spec('actions', ['b'], 'Bind a policy to APIs', 'bind'),
  unbind: spec('actions', ['u'], 'Unbind a policy from APIs', 'unbind'),
  authorize: spec('actions', ['A'], 'Authorize apps to call the API', 'authorize'),
  debug: spec('actions', ['d'], 'Debug: send a request through the gateway', 'debug'),
  reveal: spec('actions', ['x'], 'Reveal or hide the secret', 'reveal'),
  forceOffline: spec('actions', ['F'], 'Force the selected or marked devices offline', 'force offline'),
  sendCommand: spec(
    'actions',
    ['C'],
    'Send a command to the device (form from its product model)',
    'command',
  ),
  groupMembers: spec(
    'actions',
    ['J'],
    'Join the selected or marked devices to a group, or take them out',
    'group',
  ),
  deploy: spec('actions', ['P'], 'Custom backend: deploy it', 'deploy'),
  undeploy: spec('actions', ['U'], 'Custom backend: undeploy it', 'undeploy'),
  runTest: spec(
    'actions',
    ['T'],
    'Test it: a custom backend with its default parameters, a rule on sample device data',
    'test',
  ),
  exportFile: spec(
    'actions',
    ['E'],
    'Export to a file (OpenAPI of a group, asset package of an application, topics, products as CSV)',
    'export',
  ),
  importFile: spec(
    'actions',
    ['I'],
    'Import a file: OpenAPI into the group (with a preview), an asset package (zip), topics (AddNew or Merge), products from CSV',
    'import',
  ),
  resetSecret: spec('actions', ['X'], 'Reset the secret (the old one stops working)', 'reset secret'),
  toggle: spec('actions', ['t'], 'Enable or disable the selected feature', 'toggle'),
  // message integration (screens/mqs-actions.tsx); export/import of topics use exportFile/importFile
  window: spec(
    'actions',
    ['w'],
    'Messages: search a time window (15m, 2h, 05:00..06:00 UTC) or p0@237',
    'window',
  ),
  resend: spec('actions', ['M'], 'Resend the selected or marked messages', 'resend'),
  grantAccess: spec(
    'actions',
    ['a'],
    'Grant an app access to the topic (publish, subscribe or both)',
    'grant',
  ),
  revokeAccess: spec('actions', ['K'], "Revoke an app's access to the topic", 'revoke'),
  saveValue: spec('actions', ['W'], 'Save the whole message value to a file', 'save'),
  copyText: spec(
    'actions',
    ['Y'],
    'Yank: copy the message value (:messages) or a connection address (:mqs) to the clipboard',
    'copy',
  ),

  xray: spec(
    'actions',
    ['Z'],
    'X-ray of the API: group, environments, bound policies, apps, backend, instance defaults',
    'xray',
  ),

  // modal dialogs
  confirm: spec('modal', ['y'], 'Confirm', 'yes'),
  cancel: spec('modal', ['n', 'escape'], 'Cancel', 'no'),
  submit: spec('modal', ['return'], 'Choose / submit', 'ok'),

  // text fields
  inputSubmit: spec('input', ['return'], 'Run / accept', 'run'),
  inputCancel: spec('input', ['escape'], 'Close (in a filter: clear it)', 'close'),
  inputComplete: spec('input', ['tab'], 'Complete', 'complete'),
  inputClear: spec('input', ['ctrl+u'], 'Clear the line'),
  inputDeleteBack: spec('input', ['backspace'], 'Delete the character before the cursor'),
  inputDeleteForward: spec('input', ['delete', 'ctrl+d'], 'Delete the character under the cursor'),
  inputLeft: spec('input', ['left', 'ctrl+b'], 'Cursor left'),
  inputRight: spec('input', ['right', 'ctrl+f'], 'Cursor right'),
  inputHome: spec('input', ['home', 'ctrl+a'], 'Cursor to the start'),
  inputEnd: spec('input', ['end', 'ctrl+e'], 'Cursor to the end'),
  inputPrev: spec('input', ['up'], 'Previous suggestion'),
  inputNext: spec('input', ['down'], 'Next suggestion'),

  // the debug screen
  debugSend: spec('debug', ['ctrl+x'], 'Send the debug request', 'send'),
  // (debug console, screens/debug: one scope for form, answer and history views; letters act only
  // outside the form, where typing goes into the field)
  debugNext: spec('debug', ['tab'], 'Next field / next answer tab'),
  debugPrev: spec('debug', ['shift+tab'], 'Previous field / previous answer tab'),
  debugDown: spec('debug', ['down'], 'Next field / scroll down / next history entry'),
  debugUp: spec('debug', ['up'], 'Previous field / scroll up / previous history entry'),
  debugChoiceNext: spec('debug', ['right'], 'Next choice (mode, scheme, method, app)'),
  debugChoicePrev: spec('debug', ['left'], 'Previous choice (mode, scheme, method, app)'),
  debugEnter: spec('debug', ['return'], 'Next field; in history: load the call into the form'),
  debugBackspace: spec('debug', ['backspace'], 'Delete the last character of the field'),
  debugClearField: spec('debug', ['ctrl+u'], 'Clear the field'),
  debugEditor: spec('debug', ['ctrl+e'], 'Edit the body in $EDITOR', 'editor'),
  debugAddRow: spec('debug', ['ctrl+n'], 'Add a query parameter or header row', 'add row'),
  debugRemoveRow: spec('debug', ['ctrl+k'], 'Remove the focused query/header row'),
  debugRerun: spec('debug', ['ctrl+r'], 'Re-run the last call', 're-run'),
  debugHistory: spec('debug', ['ctrl+o'], 'History of calls to this API', 'history'),
  debugToggleView: spec('debug', ['ctrl+t'], 'Switch between form and answer', 'form/answer'),
  debugWrap: spec('debug', ['w'], 'Answer: wrap or truncate long lines'),
  debugCopyCurl: spec('debug', ['c'], 'Answer: copy the request as curl (credentials masked)'),
  debugCopyCurlSecrets: spec('debug', ['C'], 'Answer: curl with credentials (asks; copy or save)'),
  debugSaveBody: spec('debug', ['s'], 'Answer: save the response body to a file'),
  debugMark: spec('debug', ['m'], 'History: mark an answer to compare'),
  debugCompare: spec('debug', ['='], 'History: compare the two marked answers'),
  debugReveal: spec('debug', ['x'], 'Answer: reveal or hide the credentials it carries'),

  // create / edit forms (screens/forms): typing goes into the focused field
  editThrottle: spec(
    'actions',
    ['L'],
    'Edit the throttling policy bound to the API (raise its limit)',
    'limit',
  ),
  openItems: spec(
    'actions',
    ['O'],
    "Open what the item holds: a group's environment variables, a policy's special settings",
    'items',
  ),
  formNext: spec('form', ['tab', 'down'], 'Next field', 'next'),
  formPrev: spec('form', ['shift+tab', 'up'], 'Previous field'),
  formEnter: spec('form', ['return'], 'Next field; on the last field: review'),
  formChoiceNext: spec('form', ['right', 'space'], 'Next choice / toggle yes-no', 'choice'),
  formChoicePrev: spec('form', ['left'], 'Previous choice / toggle yes-no'),
  formBackspace: spec('form', ['backspace'], 'Delete the last character of the field'),
  formClear: spec('form', ['ctrl+u'], 'Clear the field', 'clear'),
  formEditor: spec('form', ['ctrl+e'], 'Edit a long text or JSON field in $EDITOR'),
  formAddRow: spec('form', ['ctrl+n'], 'Add a row to a list field', 'add row'),
  formRemoveRow: spec('form', ['ctrl+k'], 'Remove the focused row of a list field'),
  formReveal: spec('form', ['ctrl+r'], 'Reveal or hide secret fields'),
  formCopy: spec('form', ['ctrl+o'], 'New item: fill the form with a copy of the selected one'),
  formReview: spec('form', ['ctrl+s'], 'Check the form and review the changes', 'review'),
  formSend: spec('form', ['y'], 'In the review: send the change', 'send'),
  formBack: spec('form', ['n'], 'In the review: back to the form (nothing is sent)'),
  formCancel: spec(
    'form',
    ['escape'],
    'Close the form (in the review: back to it); nothing is sent',
    'cancel',
  ),
} as const satisfies Record<string, CommandSpec>;

export type Command = keyof typeof KEYMAP;

export const COMMANDS = Object.keys(KEYMAP) as Command[];

export const SCOPE_TITLES: Record<KeyScope, string> = {
  global: 'General',
  list: 'Lists',
  detail: 'Details',
  actions: 'Actions',
  modal: 'Dialogs',
  input: 'Text fields',
  debug: 'Debug request',
  form: 'Create / edit forms',
};

/** Scopes that are active together at the same time and so must not share a key. */
export const CONCURRENT_SCOPES: readonly (readonly KeyScope[])[] = [
  ['global', 'list', 'actions'],
  ['global', 'detail', 'actions'],
  ['modal'],
  ['input'],
  ['global', 'debug'],
  ['form'],
];

/** Whether key `id` is one of the keys bound to `cmd` (for views that test a single command). */
export function keyIs(cmd: Command, id: string): boolean {
  return (KEYMAP[cmd].keys as readonly string[]).includes(id);
}

/** Commands bound to `keyId` in any of `scopes`, in table order. */
export function commandsForKey(keyIdValue: string, scopes: readonly KeyScope[]): Command[] {
  const out: Command[] = [];
  for (const cmd of COMMANDS) {
    const s: CommandSpec = KEYMAP[cmd];
    if (s.keys.includes(keyIdValue) && s.scopes.some((x) => scopes.includes(x))) out.push(cmd);
  }
  return out;
}

const KEY_LABELS: Record<string, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  return: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  backspace: 'Bksp',
  delete: 'Del',
  space: 'Space',
};

/** Human label for a key id: 'ctrl+d' → 'Ctrl-d', 'pageup' → 'PgUp', 'shift+tab' → 'Shift-Tab'. */
export function keyLabel(id: string): string {
  const parts = id.split('+');
  // a bare '+' key would split into ['', '']
  if (id === '+') return '+';
  const base = parts.pop() ?? id;
  const mods = parts.map((m) => m.charAt(0).toUpperCase() + m.slice(1));
  return [...mods, KEY_LABELS[base] ?? base].join('-');
}

/** All keys of a command as one label: 'j/↓'. */
export function commandKeysLabel(cmd: Command): string {
  return KEYMAP[cmd].keys.map(keyLabel).join('/');
}

export interface KeyHint {
  command: Command;
  keys: string;
  label: string;
}

/**
 * Footer hints for the active scopes: the commands that have a `hint`, most specific scope first
 * (input/modal, then actions/detail/list, then global). `only` restricts to commands the current
 * view actually handles (e.g. a screen without a publish action).
 */
export function footerHints(scopes: readonly KeyScope[], only?: readonly Command[]): KeyHint[] {
  const order: KeyScope[] = ['input', 'modal', 'form', 'debug', 'list', 'detail', 'actions', 'global'];
  const seen = new Set<Command>();
  const out: KeyHint[] = [];
  for (const scope of order) {
    if (!scopes.includes(scope)) continue;
    for (const cmd of COMMANDS) {
      const s: CommandSpec = KEYMAP[cmd];
      if (s.hint === undefined || seen.has(cmd) || !s.scopes.includes(scope)) continue;
      if (only !== undefined && !only.includes(cmd)) continue;
      seen.add(cmd);
      // footer shows the first key only: it is the one people learn
      out.push({ command: cmd, keys: keyLabel(s.keys[0] ?? ''), label: s.hint });
    }
  }
  return out;
}

export interface HelpEntry {
  command: Command;
  keys: string;
  description: string;
  /** Set when the command exists in this view but cannot run in this session: the reason. */
  unavailable?: string;
}

export interface HelpSection {
  scope: KeyScope;
  title: string;
  entries: HelpEntry[];
}

export interface HelpOptions {
  /** Only these commands (those the current view binds); every command when omitted. */
  only?: readonly Command[];
  /** Commands of the view that the session does not allow, with the reason (listed, marked unavailable). */
  unavailable?: ReadonlyArray<{ command: Command; reason: string }>;
  /** Per-view descriptions replacing the key map's (e.g. `D` → "Delete API group"). */
  titles?: Partial<Record<Command, string>>;
}

/** The `?` help: commands grouped by their first scope, in table order. */
export function helpSections(opts: HelpOptions = {}): HelpSection[] {
  const sections = new Map<KeyScope, HelpSection>();
  for (const cmd of COMMANDS) {
    const s: CommandSpec = KEYMAP[cmd];
    const off = opts.unavailable?.find((u) => u.command === cmd);
    if (opts.only !== undefined && !opts.only.includes(cmd) && off === undefined) continue;
    const scope = s.scopes[0] ?? 'global';
    let section = sections.get(scope);
    if (section === undefined) {
      section = { scope, title: SCOPE_TITLES[scope], entries: [] };
      sections.set(scope, section);
    }
    section.entries.push({
      command: cmd,
      keys: commandKeysLabel(cmd),
      description: opts.titles?.[cmd] ?? s.description,
      ...(off ? { unavailable: off.reason } : {}),
    });
  }
  return [...sections.values()];
}
