// The form engine's vocabulary: fields (what the user fills in), rules (what the reference allows),
// and a form spec per resource (how an item pre-fills the form, which body is sent, which call sends it).
import type { InstanceClient } from '../api/client.ts';

/** One row of a list field (request parameters, channel members, identities): column key → text. */
export type Row = Readonly<Record<string, string>>;
/** Text kinds hold what was typed (integers too, parsed when checked); booleans hold a boolean. */
export type FieldValue = string | boolean | readonly Row[];
export type FormValues = Readonly<Record<string, FieldValue>>;
export type FieldErrors = Readonly<Record<string, string>>;

export interface Choice {
  value: string;
  label: string;
}

interface FieldBase {
  /** Key in the form values; also the wire parameter name unless `param` says otherwise. */
  key: string;
  label: string;
  /** Wire name when it differs (server errors naming it land on this field). */
  param?: string;
  required?: boolean;
  help?: string;
  /** Shown (and checked, and sent) only when this holds, e.g. VPC members only for type 2. */
  when?: (values: FormValues) => boolean;
  /** Shown but not editable when editing an existing item (4.12.2: the entity type). */
  fixedOnEdit?: boolean;
}

export interface TextField extends FieldBase {
  kind: 'text';
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
  /** Says what the pattern allows, shown when it fails. */
  patternHint?: string;
}

export interface SecretField extends FieldBase {
  kind: 'secret';
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
  patternHint?: string;
}

/** Long text or JSON, edited in $EDITOR. */
export interface LongTextField extends FieldBase {
  kind: 'longtext';
  maxLength?: number;
  json?: boolean;
}

export interface IntegerField extends FieldBase {
  kind: 'integer';
  min?: number;
  max?: number;
  /** Shown after the value: "calls", "s", "%". */
  unit?: string;
}

export interface ChoiceField extends FieldBase {
  kind: 'choice';
  choices: readonly Choice[];
}

export interface BooleanField extends FieldBase {
  kind: 'boolean';
}

/** Columns of a list field are simple fields (no nested lists). */
export type ColumnField = TextField | IntegerField | ChoiceField;

export interface RowsField extends FieldBase {
  kind: 'rows';
  columns: readonly ColumnField[];
  minRows?: number;
  maxRows?: number;
  /** Column whose value must be unique across rows (identity names, member hosts). */
  uniqueBy?: string;
}

export type Field =
  TextField | SecretField | LongTextField | IntegerField | ChoiceField | BooleanField | RowsField;

export type FormMode = 'create' | 'edit';

/** What a save answered: enough to name the object in the status line and the audit log. */
export interface Saved {
  id: string;
  name: string;
}

/** The context a spec's calls run in. */
export interface FormContext {
  client: InstanceClient;
  /** The screen's parameters (a variable list's group, a special setting's policy). */
  params: Readonly<Record<string, string>>;
}

export interface FormSpec<T = unknown> {
  /** e.g. "throttling policy" */
  noun: string;
  fields: readonly Field[];
  /** Values of a new item (blank form). */
  blank: (ctx: FormContext) => FormValues;
  /** The full definition when the list row lacks fields the form needs (4.15.4 members, health check). */
  load?: (ctx: FormContext, item: T) => Promise<T>;
  /** Values of an existing item (edit, or the copy of `n` on a selected item). */
  fromItem: (item: T) => FormValues;
  /** A copy's values: by default fromItem with the name field suffixed `_copy`. */
  copyOf?: (item: T) => FormValues;
  /** Rules across fields (user limit ≤ API limit…), as errors keyed by field. */
  check?: (values: FormValues, mode: FormMode) => FieldErrors;
  /** The request body from (checked) values. */
  /** `item` is the edited (loaded) item: fields the form does not show (policy backends) are sent back as they were. */
  body: (values: FormValues, mode: FormMode, item?: T) => unknown;
  /** Context a new item takes from the selected row (the API list's group). */
  contextOf?: (item: T) => Record<string, string>;
  create: (ctx: FormContext, body: unknown) => Promise<Saved>;
  /** Absent when the reference has no modify call. */
  update?: (ctx: FormContext, item: T, body: unknown) => Promise<Saved>;
  /** Label of the object for the review, status and audit log. */
  nameOf: (values: FormValues) => string;
  idOf: (item: T) => string;
  /** What an edit touches beyond the object itself ("bound to 12 APIs"), shown in the review. */
  touches?: (ctx: FormContext, item: T) => Promise<string | undefined>;
  /**
   * The field a 400 refusal names when the service's message carries no `parameterName:` (the MQS codes
   * of 7.4.3 name it by code or as "Invalid <key> in the request."); null falls back to the message.
   */
  fieldOfError?: (errorCode: string | undefined, errorMsg: string | undefined) => string | null;
  /** A name check as you type (4.2.6): resolves to an error text when taken. */
  nameCheck?: {
    field: string;
    check: (ctx: FormContext, value: string, values: FormValues) => Promise<string | null>;
  };
}

// Each spec has its own item type; `any` lets one table and one store hold them (as with DetailPart).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFormSpec = FormSpec<any>;
