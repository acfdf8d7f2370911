// The form as a flat list of focusable fields, so the screen moves, edits and shows errors uniformly.
import { DEBUG_METHODS, type DebugForm } from '../../src/debug/form.ts';
import type { DebugMode, DebugScheme } from '../../src/debug/types.ts';

export type FieldRef =
  | { kind: 'mode' | 'stage' | 'scheme' | 'method' | 'body' | 'appKey' | 'appSecret' | 'domain' | 'app' }
  | { kind: 'pathParams'; index: number }
  | { kind: 'query' | 'headers'; index: number; part: 'name' | 'value' };

export interface FieldView {
  ref: FieldRef;
  /** Stable id, e.g. `query.0.value`. */
  id: string;
  section: 'Request' | 'Path parameters' | 'Query' | 'Headers' | 'App' | 'Body';
  label: string;
  value: string;
  /** Choice fields cycle with ←/→; text fields take typing. */
  choice: boolean;
  secret: boolean;
  /** Key into the validation errors (`query.0`, `appKey`, …). */
  errorKey: string;
}

export const MODES: readonly DebugMode[] = ['DEVELOPER', 'CONSUMER', 'MARKET'];
export const SCHEMES: readonly DebugScheme[] = ['HTTPS', 'HTTP'];

function refId(ref: FieldRef): string {
  if ('part' in ref) return `${ref.kind}.${ref.index}.${ref.part}`;
  if ('index' in ref) return `${ref.kind}.${ref.index}`;
  return ref.kind;
}

export function formFields(form: DebugForm, opts: { appName?: string } = {}): FieldView[] {
  const out: FieldView[] = [];
  const add = (
    ref: FieldRef,
    section: FieldView['section'],
    label: string,
    value: string,
    more: Partial<FieldView> = {},
  ) =>
    out.push({
      ref,
      id: refId(ref),
      section,
      label,
      value,
      choice: false,
      secret: false,
      errorKey: ref.kind,
      ...more,
    });
  add({ kind: 'mode' }, 'Request', 'mode', form.mode, { choice: true });
  // chosen among the environments the API is published in, never typed (issue 11 point 7)
  if (form.mode === 'CONSUMER') add({ kind: 'stage' }, 'Request', 'stage', form.stage, { choice: true });
  add({ kind: 'scheme' }, 'Request', 'scheme', form.scheme, { choice: true });
  add({ kind: 'method' }, 'Request', 'method', form.method, { choice: true });
  form.pathParams.forEach((p, index) =>
    add({ kind: 'pathParams', index }, 'Path parameters', `{${p.name}}`, p.value, {
      errorKey: `path.${index}`,
    }),
  );
  for (const kind of ['query', 'headers'] as const) {
    const section = kind === 'query' ? 'Query' : 'Headers';
    const errPrefix = kind === 'query' ? 'query' : 'header';
    form[kind].forEach((row, index) => {
      const errorKey = `${errPrefix}.${index}`;
      // Declared (required) parameters keep their name; rows the user added edit both parts.
      if (!row.declared)
        add(
          { kind, index, part: 'name' },
          section,
          `${kind === 'query' ? 'query' : 'header'} name`,
          row.name,
          { errorKey },
        );
      add(
        { kind, index, part: 'value' },
        section,
        row.declared ? `${row.name}${row.required ? ' *' : ''}` : row.name || '(value)',
        row.value,
        { errorKey },
      );
    });
  }
  if (form.authType === 'APP') {
    add(
      { kind: 'app' },
      'App',
      'app',
      opts.appName ?? (form.appKey ? '(typed key)' : '(none: ←/→ to pick)'),
      { choice: true },
    );
    add({ kind: 'appKey' }, 'App', 'app key', form.appKey);
    add({ kind: 'appSecret' }, 'App', 'app secret', form.appSecret, { secret: true });
  }
  add({ kind: 'body' }, 'Body', 'body', form.body);
  add({ kind: 'domain' }, 'Body', 'domain', form.domain);
  return out;
}

/** The text value of a text field (choice fields are not typed into). */
export function readField(form: DebugForm, ref: FieldRef): string {
  switch (ref.kind) {
    case 'pathParams':
      return form.pathParams[ref.index]?.value ?? '';
    case 'query':
    case 'headers':
      return form[ref.kind][ref.index]?.[ref.part] ?? '';
    case 'stage':
    case 'body':
    case 'appKey':
    case 'appSecret':
    case 'domain':
    case 'mode':
    case 'scheme':
    case 'method':
      return form[ref.kind];
    case 'app':
      return '';
  }
}

function cycle<T>(list: readonly T[], current: T, dir: 1 | -1): T {
  const i = list.indexOf(current);
  const next = (i + dir + list.length) % list.length;
  return list[next] ?? current;
}

export function nextChoice(form: DebugForm, kind: 'mode' | 'scheme' | 'method', dir: 1 | -1): string {
  if (kind === 'mode') return cycle(MODES, form.mode, dir);
  if (kind === 'scheme') return cycle(SCHEMES, form.scheme, dir);
  return cycle(DEBUG_METHODS as readonly string[], form.method, dir);
}
