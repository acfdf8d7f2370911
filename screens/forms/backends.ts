// The custom backend form (4.19.1 create, 4.19.2 modify, 4.19.6 script): the definition, its request
// parameters as rows, and one script edited in $EDITOR (Ctrl-E) as plain text — the form encodes it in
// Base64 as 4.19.6 asks. A save is the definition call, then the script call when the script changed
// (4.19.6 replaces the scripts). Rules from APIC-MORE.md 4.19.1/4.19.6, the emulator's too.
import type { InstanceClient } from '../../src/api/client.ts';
import { RomaError } from '../../src/api/errors.ts';
import type {
  LdApi,
  LdApiParameter,
  LdApiRequest,
  LdApiScriptRequest,
} from '../../src/api/types/gateway-more.ts';
import { optText, rowsOf, textOf } from '../../src/forms/engine.ts';
import type { FormSpec, FormValues } from '../../src/forms/types.ts';

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const choices = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));
const isData = (v: FormValues) => textOf(v['api_type']) === 'data';

/** 4.19.1 `name`: letters, digits, Chinese, `- _ . / ( ) :` (half- or full-width) and `、`; 3–100. */
export const LD_NAME = /^[A-Za-z0-9\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5\-_./()（）:：、]{2,99}$/;
/** 4.19.1 `path`: starts with `/`; 2–256. */
export const LD_PATH = /^\/[A-Za-z0-9\-_./{}]{1,255}$/;
export const LD_VERSION = /^[A-Za-z0-9_.-]{2,64}$/;
/** A Headers/Parameters name; a Body parameter is named by its media type (LdApiParameter). */
const PARAM_NAME = /^([A-Za-z][A-Za-z0-9._-]{0,31}|application\/(json|xml|text))$/;

/** The script as text: 4.19.6 carries it in Base64. */
export function decodeLdScript(content: string | undefined): string {
  return content ? Buffer.from(content, 'base64').toString('utf8') : '';
}

export interface LdApiWrite {
  definition: LdApiRequest;
  /** Absent when the script was not touched (an edit keeps the backend's scripts as they are). */
  scripts?: LdApiScriptRequest;
}

function scriptValues(a: LdApi): FormValues {
  const s = a.scripts?.[0];
  return {
    api_type: a.type === 'data' ? 'data' : 'function',
    script: decodeLdScript(s?.content),
    ds_id: str(s?.ds_id),
    object_name: str(s?.object_name),
    script_type: s?.type === 'SP' ? 'SP' : 'SQL',
    enable_result_paging: s?.enable_result_paging === true,
  };
}

const SCRIPT_KEYS = ['api_type', 'script', 'ds_id', 'object_name', 'script_type', 'enable_result_paging'];

function scriptRequest(v: FormValues): LdApiScriptRequest {
  const text = textOf(v['script']);
  const type = isData(v) ? 'data' : 'function';
  if (text.trim() === '') return { api_type: type, scripts: [] };
  const content = Buffer.from(text, 'utf8').toString('base64');
  return {
    api_type: type,
    scripts: [
      type === 'data'
        ? {
            content,
            ds_id: textOf(v['ds_id']).trim(),
            object_name: textOf(v['object_name']).trim(),
            type: textOf(v['script_type']) || 'SQL',
            enable_result_paging: v['enable_result_paging'] === true,
          }
        : { content },
    ],
  };
}

function definitionOf(v: FormValues): LdApiRequest {
  const parameters: LdApiParameter[] = rowsOf(v['parameters']).map((r) => ({
    name: (r['name'] ?? '').trim(),
    in: r['in'] ?? 'Parameters',
    default: r['default'] ?? '',
    description: r['description'] ?? '',
    required: r['required'] === 'yes',
  }));
  const description = optText(v, 'description');
  return {
    name: textOf(v['name']).trim(),
    path: textOf(v['path']).trim(),
    method: textOf(v['method']) as LdApiRequest['method'],
    version: textOf(v['version']).trim(),
    content_type: optText(v, 'content_type') ?? 'json',
    roma_app_id: textOf(v['roma_app_id']).trim(),
    ...(description !== undefined ? { description } : {}),
    return_format: v['return_format'] === true,
    parameters,
  };
}

export const ldApiForm: FormSpec<LdApi> = {
  noun: 'custom backend',
  fields: [
    {
      kind: 'text',
      key: 'name',
      label: 'name',
      required: true,
      pattern: LD_NAME,
      patternHint: 'letters, digits, Chinese, - _ . / ( ) : 、; starts with a letter or digit; 3-100',
    },
    {
      kind: 'text',
      key: 'roma_app_id',
      label: 'integration app',
      required: true,
      maxLength: 65,
      help: 'name or id of the application it belongs to (:integration-apps)',
    },
    {
      kind: 'choice',
      key: 'method',
      label: 'method',
      required: true,
      choices: choices(['GET', 'POST', 'PUT', 'DELETE']),
    },
    {
      kind: 'text',
      key: 'path',
      label: 'request path',
      required: true,
      pattern: LD_PATH,
      patternHint: 'starts with /; letters, digits, - _ . / {}; 2-256',
    },
    {
      kind: 'text',
      key: 'version',
      label: 'version',
      required: true,
      pattern: LD_VERSION,
      patternHint: 'letters, digits, _ - .; 2-64',
    },
    { kind: 'text', key: 'content_type', label: 'content type', maxLength: 64 },
    { kind: 'boolean', key: 'return_format', label: 'format the answer' },
    {
      kind: 'text',
      key: 'description',
      label: 'description',
      maxLength: 1000,
      pattern: /^[^<>]*$/s,
      patternHint: 'no < or >',
    },
    {
      kind: 'rows',
      key: 'parameters',
      label: 'parameters',
      maxRows: 50,
      uniqueBy: 'name',
      columns: [
        {
          kind: 'text',
          key: 'name',
          label: 'name',
          required: true,
          pattern: PARAM_NAME,
          patternHint: 'a letter, then letters, digits, . _ -; 1-32 (Body: application/json|xml|text)',
        },
        {
          kind: 'choice',
          key: 'in',
          label: 'in',
          required: true,
          choices: choices(['Parameters', 'Headers', 'Body']),
        },
        {
          kind: 'choice',
          key: 'required',
          label: 'required',
          required: true,
          choices: [
            { value: 'no', label: 'no' },
            { value: 'yes', label: 'yes' },
          ],
        },
        { kind: 'text', key: 'default', label: 'default', maxLength: 4000 },
        { kind: 'text', key: 'description', label: 'description', maxLength: 255, pattern: /^[^<>]*$/s },
      ],
    },
    {
      kind: 'choice',
      key: 'api_type',
      label: 'type',
      required: true,
      choices: [
        { value: 'function', label: 'function (JavaScript execute(data))' },
        { value: 'data', label: 'data (SQL on a data source)' },
      ],
    },
    {
      kind: 'longtext',
      key: 'script',
      label: 'script',
      maxLength: 75_000,
      help: 'Ctrl-E opens $EDITOR; sent Base64-encoded (4.19.6)',
    },
    {
      kind: 'text',
      key: 'ds_id',
      label: 'data source',
      required: true,
      maxLength: 64,
      help: "name or id of one of the application's data sources (4.19.14)",
      when: isData,
    },
    {
      kind: 'text',
      key: 'object_name',
      label: 'returned object',
      required: true,
      maxLength: 32,
      when: isData,
    },
    {
      kind: 'choice',
      key: 'script_type',
      label: 'script type',
      required: true,
      choices: choices(['SQL', 'SP']),
      when: isData,
    },
    { kind: 'boolean', key: 'enable_result_paging', label: 'page the result', when: isData },
  ],
  blank: ({ params }) => ({
    roma_app_id: params['romaAppId'] ?? '',
    method: 'GET',
    version: '1.0.0',
    content_type: 'json',
    return_format: false,
    api_type: 'function',
    script: 'function execute(data) {\n  return { hello: data.name || "world" };\n}\n',
    script_type: 'SQL',
  }),
  contextOf: (a) => ({ romaAppId: str(a.roma_app_id) }),
  load: ({ client }, a) => client.livedata.get(a.id),
  fromItem: (a) => ({
    name: a.name,
    roma_app_id: str(a.roma_app_id),
    method: str(a.method || 'GET'),
    path: str(a.path),
    version: str(a.version),
    content_type: str(a.content_type || 'json'),
    return_format: a.return_format === true,
    description: str(a.description),
    parameters: (a.parameters ?? []).map((p) => ({
      name: str(p.name),
      in: str(p.in || 'Parameters'),
      required: p.required ? 'yes' : 'no',
      default: str(p.default),
      description: str(p.description),
    })),
    ...scriptValues(a),
  }),
  check(v) {
    const errors: Record<string, string> = {};
    if (isData(v) && textOf(v['script']).trim() === '') errors['script'] = 'a data backend needs its SQL';
    return errors;
  },
  body(v, mode, item): LdApiWrite {
    const before = item ? ldApiForm.fromItem(item) : undefined;
    const touched =
      mode === 'create'
        ? textOf(v['script']).trim() !== ''
        : SCRIPT_KEYS.some((k) => JSON.stringify(v[k] ?? '') !== JSON.stringify(before?.[k] ?? ''));
    return { definition: definitionOf(v), ...(touched ? { scripts: scriptRequest(v) } : {}) };
  },
  async create({ client }, body) {
    const b = await resolveRefs(client, body as LdApiWrite);
    const made = await client.livedata.create(b.definition);
    if (b.scripts) await withScriptNote(client.livedata.setScripts(made.id, b.scripts), made.name);
    return { id: made.id, name: made.name };
  },
  async update({ client }, item, body) {
    const b = await resolveRefs(client, body as LdApiWrite);
    const saved = await client.livedata.update(item.id, b.definition);
    if (b.scripts) await withScriptNote(client.livedata.setScripts(item.id, b.scripts), saved.name);
    return { id: saved.id, name: saved.name };
  },
  nameOf: (v) => textOf(v['name']),
  idOf: (a) => a.id,
  async touches(_ctx, a) {
    return a.status === 4
      ? 'deployed: the change applies to the deployed backend; frontend APIs keep their own definitions'
      : a.scripts && a.scripts.length > 1
        ? `${a.scripts.length} scripts: the form shows the first; changing it replaces all of them`
        : undefined;
  },
  nameCheck: {
    field: 'name',
    async check({ client }, value, values) {
      const typed = textOf(values['roma_app_id']).trim();
      const appId =
        typed && !UUID.test(typed)
          ? ((await client.integrationApps.find({ name: typed }))?.id ?? typed)
          : typed;
      const free = await client.livedata.check({
        type: 'name',
        ld_api_name: value,
        ...(appId ? { roma_app_id: appId } : {}),
      });
      return free ? null : 'APIG.3215: the name is taken in this application';
    },
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX32 = /^[0-9a-f]{32}$/i;

/**
 * The application and the data source may be typed by name: an application name is looked up with 3.1.1
 * (exact), a data source name among the application's (4.19.14). What is not found is sent as typed, and
 * the service refuses it with its own code (404 APIG.3004 / APIG.3083).
 */
export async function resolveRefs(client: InstanceClient, b: LdApiWrite): Promise<LdApiWrite> {
  let appId = b.definition.roma_app_id;
  if (!UUID.test(appId)) appId = (await client.integrationApps.find({ name: appId }))?.id ?? appId;
  const script = b.scripts?.scripts[0];
  let scripts = b.scripts;
  if (b.scripts && script?.ds_id && !HEX32.test(script.ds_id)) {
    const sources = await client.livedata.dataSources.listAll({ app_id: appId });
    const ds = sources.find((d) => d.name === script.ds_id);
    if (ds) scripts = { ...b.scripts, scripts: [{ ...script, ds_id: ds.id }] };
  }
  return {
    definition: { ...b.definition, roma_app_id: appId },
    ...(scripts ? { scripts } : {}),
  };
}

/**
 * The definition was saved when the script call is refused: the hint says so, so that nobody sends the
 * create again (it would be refused as a duplicate name, APIG.3215); `e` on the new row edits the script.
 */
async function withScriptNote<T>(p: Promise<T>, name: string): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (!(e instanceof RomaError)) throw e;
    const { message: _m, hint, ...init } = e.toJSON();
    throw new RomaError({
      ...init,
      hint: `the definition of ${name} was saved, its script was not: e on its row edits the script. ${hint}`,
    });
  }
}
