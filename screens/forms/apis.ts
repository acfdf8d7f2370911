// The API form (4.3.1/4.3.2): request definition, request parameters as rows, and a backend block that
// follows backend_type (HTTP address and path, MOCK answer through $EDITOR, FUNCTION URN). Policy
// backends and backend parameters are not edited here: they are sent back as the definition has them.
// The name is checked with 4.3.14 as the field is left.
import type { ApiDetail } from '../../src/api/types/apis.ts';
import type { ApiWrite, ReqParamInput } from '../../src/api/types/writes.ts';
import { optInt, optText, rowsOf, textOf } from '../../src/forms/engine.ts';
import type { FieldErrors, FormSpec, FormValues } from '../../src/forms/types.ts';

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS', 'ANY'];
const choices = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));
const backend = (t: string) => (v: FormValues) => textOf(v['backend_type']) === t;

export const API_NAME = /^[\u4e00-\u9fa5A-Za-z0-9][\u4e00-\u9fa5A-Za-z0-9\-_./()（）:：、]{2,254}$/;
export const REQ_URI = /^\/[A-Za-z0-9\-_.~/{}*%+#!$&'=@]{0,511}$/;

export const apiForm: FormSpec<ApiDetail> = {
  noun: 'API',
  fields: [
    {
      kind: 'text',
      key: 'name',
      label: 'name',
      required: true,
      pattern: API_NAME,
      patternHint: 'letters, digits, Chinese, - _ . / ( ) :; starts with a letter or digit; 3-255',
    },
    { kind: 'text', key: 'group_id', label: 'group id', required: true, maxLength: 65 },
    {
      kind: 'choice',
      key: 'type',
      label: 'visibility',
      required: true,
      choices: [
        { value: '1', label: 'public (1)' },
        { value: '2', label: 'private (2)' },
      ],
    },
    {
      kind: 'choice',
      key: 'req_protocol',
      label: 'protocol',
      required: true,
      choices: choices(['HTTPS', 'HTTP', 'BOTH']),
    },
    { kind: 'choice', key: 'req_method', label: 'method', required: true, choices: choices(METHODS) },
    {
      kind: 'text',
      key: 'req_uri',
      label: 'path',
      required: true,
      pattern: REQ_URI,
      patternHint: 'starts with /; {name} for path parameters; at most 512',
    },
    {
      kind: 'choice',
      key: 'match_mode',
      label: 'match',
      required: true,
      choices: [
        { value: 'NORMAL', label: 'exact (NORMAL)' },
        { value: 'SWA', label: 'prefix (SWA)' },
      ],
    },
    {
      kind: 'choice',
      key: 'auth_type',
      label: 'auth',
      required: true,
      choices: choices(['APP', 'IAM', 'NONE', 'AUTHORIZER']),
    },
    {
      kind: 'text',
      key: 'authorizer_id',
      label: 'authorizer id',
      required: true,
      maxLength: 65,
      when: (v) => textOf(v['auth_type']) === 'AUTHORIZER',
    },
    { kind: 'boolean', key: 'cors', label: 'CORS' },
    {
      kind: 'text',
      key: 'remark',
      label: 'remark',
      maxLength: 1000,
      pattern: /^[^<>]*$/s,
      patternHint: 'no < or >',
    },
    {
      kind: 'rows',
      key: 'req_params',
      label: 'parameters',
      maxRows: 50,
      columns: [
        {
          kind: 'text',
          key: 'name',
          label: 'name',
          required: true,
          pattern: /^[A-Za-z][A-Za-z0-9_.-]{0,31}$/,
          patternHint: 'letters, digits, _ . -; starts with a letter; 1-32',
        },
        {
          kind: 'choice',
          key: 'location',
          label: 'in',
          required: true,
          choices: choices(['QUERY', 'PATH', 'HEADER']),
        },
        {
          kind: 'choice',
          key: 'type',
          label: 'type',
          required: true,
          choices: choices(['STRING', 'NUMBER']),
        },
        {
          kind: 'choice',
          key: 'required',
          label: 'required',
          required: true,
          choices: [
            { value: '2', label: 'no' },
            { value: '1', label: 'yes' },
          ],
        },
        { kind: 'text', key: 'default_value', label: 'default', maxLength: 255 },
      ],
    },
    {
      kind: 'choice',
      key: 'backend_type',
      label: 'backend',
      required: true,
      choices: [
        { value: 'HTTP', label: 'HTTP (web)' },
        { value: 'MOCK', label: 'MOCK' },
        { value: 'FUNCTION', label: 'FUNCTION (FunctionGraph)' },
      ],
    },
    {
      kind: 'text',
      key: 'be_url_domain',
      param: 'url_domain',
      label: 'backend address',
      maxLength: 255,
      help: 'host:port (or a VPC channel id below)',
      when: backend('HTTP'),
    },
    {
      kind: 'text',
      key: 'be_vpc_channel_id',
      param: 'vpc_channel_id',
      label: 'VPC channel id',
      maxLength: 65,
      when: backend('HTTP'),
    },
    {
      kind: 'choice',
      key: 'be_req_protocol',
      label: 'backend protocol',
      required: true,
      choices: choices(['HTTPS', 'HTTP']),
      when: backend('HTTP'),
    },
    {
      kind: 'choice',
      key: 'be_req_method',
      label: 'backend method',
      required: true,
      choices: choices(METHODS),
      when: backend('HTTP'),
    },
    {
      kind: 'text',
      key: 'be_req_uri',
      label: 'backend path',
      required: true,
      pattern: REQ_URI,
      patternHint: 'starts with /',
      when: backend('HTTP'),
    },
    {
      kind: 'integer',
      key: 'be_timeout',
      param: 'timeout',
      label: 'backend timeout',
      required: true,
      min: 1,
      max: 600000,
      unit: 'ms',
      when: backend('HTTP'),
    },
    {
      kind: 'longtext',
      key: 'mock_result_content',
      param: 'result_content',
      label: 'mock answer',
      maxLength: 2048,
      when: backend('MOCK'),
    },
    {
      kind: 'integer',
      key: 'mock_status_code',
      param: 'status_code',
      label: 'mock status',
      min: 200,
      max: 599,
      when: backend('MOCK'),
    },
    {
      kind: 'text',
      key: 'fn_function_urn',
      param: 'function_urn',
      label: 'function URN',
      required: true,
      maxLength: 255,
      when: backend('FUNCTION'),
    },
    {
      kind: 'choice',
      key: 'fn_invocation_type',
      param: 'invocation_type',
      label: 'invocation',
      required: true,
      choices: choices(['sync', 'async']),
      when: backend('FUNCTION'),
    },
    {
      kind: 'integer',
      key: 'fn_timeout',
      param: 'timeout',
      label: 'function timeout',
      required: true,
      min: 1,
      max: 600000,
      unit: 'ms',
      when: backend('FUNCTION'),
    },
  ],
  blank: ({ params }) => ({
    group_id: params['groupId'] ?? '',
    type: '1',
    req_protocol: 'HTTPS',
    req_method: 'GET',
    match_mode: 'NORMAL',
    auth_type: 'APP',
    backend_type: 'HTTP',
    be_req_protocol: 'HTTP',
    be_req_method: 'GET',
    be_timeout: '5000',
    fn_invocation_type: 'sync',
    fn_timeout: '5000',
  }),
  contextOf: (a) => ({ groupId: str(a.group_id) }),
  load: ({ client }, a) => client.apis.get(a.id),
  fromItem: (a) => ({
    name: a.name,
    group_id: str(a.group_id),
    type: str(a.type ?? 1),
    req_protocol: str(a.req_protocol || 'HTTPS'),
    req_method: str(a.req_method || 'GET'),
    req_uri: str(a.req_uri),
    match_mode: str(a.match_mode || 'NORMAL'),
    auth_type: str(a.auth_type || 'APP'),
    authorizer_id: str(a.authorizer_id),
    cors: a.cors === true,
    remark: str(a.remark),
    req_params: (a.req_params ?? []).map((p) => ({
      name: str(p.name),
      location: str(p.location || 'QUERY'),
      type: str(p.type || 'STRING'),
      required: str(p.required ?? 2),
      default_value: str(p.default_value),
    })),
    backend_type: str(a.backend_type || 'HTTP'),
    be_url_domain: str(a.backend_api?.url_domain),
    be_vpc_channel_id: str(a.backend_api?.vpc_channel_info?.vpc_channel_id),
    be_req_protocol: str(a.backend_api?.req_protocol || 'HTTP'),
    be_req_method: str(a.backend_api?.req_method || 'GET'),
    be_req_uri: str(a.backend_api?.req_uri),
    be_timeout: str(a.backend_api?.timeout ?? 5000),
    mock_result_content: str(a.mock_info?.result_content),
    mock_status_code: str(a.mock_info?.['status_code'] ?? ''),
    fn_function_urn: str(a.func_info?.function_urn),
    fn_invocation_type: str(a.func_info?.invocation_type || 'sync'),
    fn_timeout: str(a.func_info?.timeout ?? 5000),
  }),
  check(v): FieldErrors {
    const errors: Record<string, string> = {};
    const pathParams = rowsOf(v['req_params'])
      .filter((r) => r['location'] === 'PATH')
      .map((r) => r['name']);
    const missing = [...textOf(v['req_uri']).matchAll(/\{([^}]+?)\+?\}/g)]
      .map((m) => m[1] ?? '')
      .filter((n) => !pathParams.includes(n));
    if (missing.length > 0) errors['req_params'] = `add a PATH parameter for {${missing.join('}, {')}}`;
    if (
      textOf(v['backend_type']) === 'HTTP' &&
      !optText(v, 'be_url_domain') &&
      !optText(v, 'be_vpc_channel_id')
    )
      errors['be_url_domain'] = 'a backend address or a VPC channel';
    return errors;
  },
  body(v, _mode, item): ApiWrite {
    const type = textOf(v['backend_type']) as ApiWrite['backend_type'];
    const auth = textOf(v['auth_type']) as ApiWrite['auth_type'];
    const vpc = optText(v, 'be_vpc_channel_id');
    const reqParams: ReqParamInput[] = rowsOf(v['req_params']).map((r) => ({
      name: (r['name'] ?? '').trim(),
      location: (r['location'] ?? 'QUERY') as ReqParamInput['location'],
      type: (r['type'] ?? 'STRING') as ReqParamInput['type'],
      required: Number(r['required'] ?? 2),
      ...(r['default_value'] ? { default_value: r['default_value'] } : {}),
    }));
    const same = item?.backend_type === type;
    return {
      name: textOf(v['name']).trim(),
      type: Number(textOf(v['type'])) as 1 | 2,
      group_id: textOf(v['group_id']).trim(),
      req_protocol: textOf(v['req_protocol']) as ApiWrite['req_protocol'],
      req_method: textOf(v['req_method']),
      req_uri: textOf(v['req_uri']).trim(),
      match_mode: textOf(v['match_mode']) as 'SWA' | 'NORMAL',
      auth_type: auth,
      ...(auth === 'AUTHORIZER' ? { authorizer_id: textOf(v['authorizer_id']).trim() } : {}),
      cors: v['cors'] === true,
      remark: textOf(v['remark']),
      req_params: reqParams,
      backend_type: type,
      // Not edited here: sent back as the definition has them (a modify replaces the definition).
      backend_params: item?.backend_params ?? [],
      ...(type === 'HTTP'
        ? {
            backend_api: {
              req_protocol: textOf(v['be_req_protocol']) as 'HTTP' | 'HTTPS',
              req_method: textOf(v['be_req_method']),
              req_uri: textOf(v['be_req_uri']).trim(),
              timeout: optInt(v, 'be_timeout') ?? 5000,
              ...(optText(v, 'be_url_domain') ? { url_domain: optText(v, 'be_url_domain') } : {}),
              ...(vpc ? { vpc_channel_info: { vpc_channel_id: vpc } } : {}),
            },
            ...(same && item?.policy_https ? { policy_https: item.policy_https } : {}),
          }
        : {}),
      ...(type === 'MOCK'
        ? {
            mock_info: {
              result_content: textOf(v['mock_result_content']),
              ...(optInt(v, 'mock_status_code') !== undefined
                ? { status_code: optInt(v, 'mock_status_code') }
                : {}),
            },
            ...(same && item?.policy_mocks ? { policy_mocks: item.policy_mocks } : {}),
          }
        : {}),
      ...(type === 'FUNCTION'
        ? {
            func_info: {
              function_urn: textOf(v['fn_function_urn']).trim(),
              invocation_type: textOf(v['fn_invocation_type']) as 'sync' | 'async',
              timeout: optInt(v, 'fn_timeout') ?? 5000,
            },
            ...(same && item?.policy_functions ? { policy_functions: item.policy_functions } : {}),
          }
        : {}),
    };
  },
  async create({ client }, body) {
    const a = await client.apis.create(body as ApiWrite);
    return { id: a.id, name: a.name };
  },
  async update({ client }, item, body) {
    const a = await client.apis.update(item.id, body as ApiWrite);
    return { id: a.id, name: a.name };
  },
  nameOf: (v) => textOf(v['name']),
  idOf: (a) => a.id,
  async touches(_ctx, a) {
    const envs = (a.run_env_name ?? '').split('|').filter(Boolean);
    return envs.length === 0
      ? 'not published: the change is the definition only'
      : `published in ${envs.join(', ')}: what runs there changes only when published again`;
  },
  nameCheck: {
    field: 'name',
    async check({ client }, value, values) {
      const refusal = await client.apis.check({
        type: 'name',
        name: value,
        group_id: textOf(values['group_id']),
      });
      return refusal ? `${refusal.errorCode ?? 'refused'}: the API name already exists in this group` : null;
    },
  },
};
