// Custom backends ("livedata" APIs, 4.19.1–4.19.14): definition, script, test, deploy/undeploy and the
// service's quota and data sources.
import {
  deleteAt,
  getObject,
  lister,
  optionalLister,
  send,
  seg,
  type Lister,
  type OptionalLister,
  type Scope,
} from './resource.ts';
import { atBoundary, validateObject, type ObjectSchema } from './validate.ts';
import type { CallOptions, PageQuery } from './types/common.ts';
import type {
  DataSource,
  DataSourceQuery,
  LdApi,
  LdApiCheckRequest,
  LdApiDeployment,
  LdApiDeployRequest,
  LdApiQuery,
  LdApiRequest,
  LdApiScriptRequest,
  LdApiTest,
  LdQuota,
} from './types/gateway-more.ts';

const s = 'string' as const;
const n = 'number' as const;
const b = 'boolean' as const;
const param: ObjectSchema = { fields: { name: s, in: s, default: s, description: s, required: b } };
const script: ObjectSchema = {
  fields: {
    ds_id: s,
    ds_name: s,
    ds_type: s,
    type: s,
    object_name: s,
    content: s,
    enable_result_paging: b,
    created_time: s,
    modified_time: s,
  },
};
export const ldApiSchema: ObjectSchema = {
  required: ['id', 'name'],
  fields: {
    id: s,
    name: s,
    path: s,
    method: s,
    description: s,
    version: s,
    content_type: s,
    api_signature_id: s,
    roma_app_id: s,
    roma_app_name: s,
    return_format: b,
    parameters: [param],
    instance: s,
    type: s,
    status: n,
    created_time: s,
    modified_time: s,
    scripts: [script],
  },
};
export const ldTestSchema: ObjectSchema = {
  fields: {
    test_id: n,
    ld_api_id: s,
    test_status_code: s,
    test_request: s,
    test_response: s,
    test_used_time: n,
    test_operator: s,
    test_method: s,
    test_date: s,
  },
};
export const ldDeploySchema: ObjectSchema = {
  required: ['id'],
  fields: {
    id: s,
    ld_api_id: s,
    group_id: s,
    env_id: s,
    api_id: s,
    deploy_time: s,
    api_definition: ldApiSchema,
  },
};
const quotaSchema: ObjectSchema = {
  fields: { api: s, api_used: s, datasource: s, datasource_used: s, scripts: s },
};
export const dataSourceSchema: ObjectSchema = {
  required: ['id', 'name'],
  fields: {
    id: s,
    name: s,
    type: s,
    description: s,
    url: s,
    user: s,
    status: s,
    created_time: s,
    modified_time: s,
  },
};

export interface LivedataClient extends OptionalLister<LdApi, LdApiQuery> {
  get(id: string, opts?: CallOptions): Promise<LdApi>;
  create(req: LdApiRequest, opts?: CallOptions): Promise<LdApi>;
  update(id: string, req: LdApiRequest, opts?: CallOptions): Promise<LdApi>;
  remove(id: string, opts?: CallOptions): Promise<void>;
  /** 4.19.6: replaces the scripts; answers the whole API. */
  setScripts(id: string, req: LdApiScriptRequest, opts?: CallOptions): Promise<LdApi>;
  /** 4.19.7 */
  test(id: string, parameters: LdApiRequest['parameters'], opts?: CallOptions): Promise<LdApiTest>;
  /** 4.19.8, newest first */
  tests(id: string): Lister<LdApiTest, PageQuery>;
  /** 4.19.9 */
  deploy(id: string, req: LdApiDeployRequest, opts?: CallOptions): Promise<LdApiDeployment>;
  /** 4.19.10 (not paged) */
  deployments(id: string, opts?: CallOptions): Promise<LdApiDeployment[]>;
  /** 4.19.11 */
  undeploy(id: string, opts?: CallOptions): Promise<void>;
  /** 4.19.12: true when the name/path is free (204), false when taken (400 APIG.3215/APIG.3314). */
  check(req: LdApiCheckRequest, opts?: CallOptions): Promise<boolean>;
  /** 4.19.13 */
  quota(opts?: CallOptions): Promise<LdQuota>;
  /** 4.19.14 */
  dataSources: Lister<DataSource, DataSourceQuery>;
}

export function livedataClient(scope: Scope): LivedataClient {
  const one = (id: string) => `/livedata-apis/${seg(id)}`;
  return {
    ...optionalLister<LdApi, LdApiQuery>(scope, '/livedata-apis', 'apis', ldApiSchema),
    get: (id, opts) => getObject(scope, { path: one(id), schema: ldApiSchema, ...opts }),
    create: (req, opts) =>
      send(scope, { method: 'POST', path: '/livedata-apis', body: req, schema: ldApiSchema, ...opts }),
    update: (id, req, opts) =>
      send(scope, { method: 'PUT', path: one(id), body: req, schema: ldApiSchema, ...opts }),
    remove: (id, opts) => deleteAt(scope, one(id), opts),
    setScripts: (id, req, opts) =>
      send(scope, { method: 'POST', path: `${one(id)}/scripts`, body: req, schema: ldApiSchema, ...opts }),
    test: (id, parameters, opts) =>
      send(scope, {
        method: 'POST',
        path: `${one(id)}/test`,
        body: { parameters: parameters ?? [] },
        schema: ldTestSchema,
        ...opts,
      }),
    tests: (id) => lister(scope, `${one(id)}/test`, 'histories', ldTestSchema),
    deploy: (id, req, opts) =>
      send(scope, { method: 'POST', path: `${one(id)}/deploy`, body: req, schema: ldDeploySchema, ...opts }),
    async deployments(id, opts) {
      const path = `${one(id)}/deploy`;
      const body = await getObject<Record<string, unknown>>(scope, { path, schema: { fields: {} }, ...opts });
      return atBoundary('GET', scope.base + path, undefined, () => {
        // The example is a single history object without a list (M8): both forms are read.
        const raw = Array.isArray(body.histories) ? body.histories : body.id !== undefined ? [body] : [];
        return raw.map((h, i) => validateObject(h, ldDeploySchema, `$.histories[${i}]`) as LdApiDeployment);
      });
    },
    undeploy: async (id, opts) => {
      await send(scope, { method: 'POST', path: `${one(id)}/undeploy`, ...opts });
    },
    async check(req, opts) {
      try {
        await send(scope, { method: 'POST', path: '/livedata-apis/check', body: req, ...opts });
        return true;
      } catch (e) {
        const code = (e as { errorCode?: string }).errorCode;
        if (code === 'APIG.3215' || code === 'APIG.3314') return false;
        throw e;
      }
    },
    quota: (opts) => getObject(scope, { path: '/livedata-quota', schema: quotaSchema, ...opts }),
    dataSources: {
      ...lister<DataSource, DataSourceQuery>(scope, '/data-sources', 'data_sources', dataSourceSchema),
    },
  };
}
