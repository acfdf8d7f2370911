// Creating and modifying groups (4.2.1/4.2.2), environments (4.4.1/4.4.2) and environment variables
// (4.5.1/4.5.3/4.5.5, delete 4.5.2). Names unique (APIG.3201/3205/3303), refusals naming the parameter.
import { RELEASE_ENV_ID, type Env, type EnvVariable, type Group } from '../model.ts';
import { isoSeconds, newId, type InstanceStore } from '../state.ts';
import { ApiError, asObject, missingParam, noContent, ok, route, type RouteDef } from './common.ts';
import {
  ENV_NAME,
  GROUP_NAME,
  optEnum,
  optText,
  reqPattern,
  requireUnique,
  VARIABLE_NAME,
  VARIABLE_VALUE,
} from './rules.ts';
import { requireEnv } from './views.ts';

function requireGroup(store: InstanceStore, id: string): Group {
  const g = store.data.groups.get(id);
  if (!g) throw new ApiError(404, 'APIG.3001', `API group ${id} does not exist`);
  return g;
}

/** 4.2.6's scope: a V2 group's name is unique within its integration application, a V1 name among V1 groups. */
function requireFreeGroupName(
  store: InstanceStore,
  name: string,
  self: Group | undefined,
  romaAppId: string,
) {
  const peers = [...store.data.groups.values()].filter((g) =>
    romaAppId === '' ? g.version !== 'V2' : g.roma_app_id === romaAppId,
  );
  requireUnique(peers, (g) => g.name, name, self?.id, 'APIG.3201', 'The API group name already exists');
}

function requireVariable(store: InstanceStore, id: string): EnvVariable {
  const v = store.data.envVariables.get(id);
  if (!v) throw new ApiError(404, 'APIG.3011', 'The environment variable does not exist.');
  return v;
}

export const coreWriteRoutes: RouteDef[] = [
  route('POST', '/api-groups', ({ store, body, nowMs }) => {
    const b = asObject(body);
    const name = reqPattern(b, 'name', GROUP_NAME);
    const version = optEnum(b, 'version', ['V1', 'V2'] as const) ?? 'V1';
    const romaAppId = optText(b, 'roma_app_id', 65) ?? '';
    if (version === 'V2' && romaAppId === '') throw missingParam('roma_app_id');
    requireFreeGroupName(store, name, undefined, version === 'V2' ? romaAppId : '');
    const id = newId();
    const now = isoSeconds(nowMs);
    const sub = `${id}.apic.demo.roma.local`;
    const g: Group = {
      id,
      name,
      status: 1,
      sl_domain: sub,
      sl_domains: [sub],
      remark: optText(b, 'remark', 1000) ?? '',
      register_time: now,
      update_time: now,
      url_domains: [],
      on_sell_status: 2,
      is_default: 2,
      version,
      roma_app_id: romaAppId,
      roma_app_name: '',
    };
    store.data.groups.set(id, g);
    return ok(g, 201);
  }),
  route('PUT', '/api-groups/{group_id}', ({ store, params, body, nowMs }) => {
    const old = requireGroup(store, params['group_id'] ?? '');
    const b = asObject(body);
    const name = reqPattern(b, 'name', GROUP_NAME);
    requireFreeGroupName(store, name, old, old.version === 'V2' ? old.roma_app_id : '');
    // 4.2.2: only name and remark can be modified; other fields of the body are ignored.
    const g: Group = {
      ...old,
      name,
      remark: optText(b, 'remark', 1000) ?? old.remark,
      update_time: isoSeconds(nowMs),
    };
    store.data.groups.set(g.id, g);
    return ok(g);
  }),

  route('POST', '/envs', ({ store, body, nowMs }) => {
    const b = asObject(body);
    const name = reqPattern(b, 'name', ENV_NAME);
    requireUnique(
      store.data.envs.values(),
      (e) => e.name,
      name,
      undefined,
      'APIG.3205',
      'The environment name already exists.',
    );
    const e: Env = {
      id: newId(),
      name,
      remark: optText(b, 'remark', 255) ?? '',
      create_time: isoSeconds(nowMs),
    };
    store.data.envs.set(e.id, e);
    return ok(e, 201);
  }),
  route('PUT', '/envs/{env_id}', ({ store, params, body }) => {
    const id = params['env_id'] ?? '';
    requireEnv(store, id);
    // RELEASE is built in (see the delete rule): renaming it would break the defaults of 4.3.13/4.3.8.
    if (id === RELEASE_ENV_ID) {
      throw new ApiError(
        403,
        'APIG.1103',
        'No permissions to perform operations on this environment. The RELEASE environment is built in.',
      );
    }
    const old = store.data.envs.get(id) as Env;
    const b = asObject(body);
    const name = reqPattern(b, 'name', ENV_NAME);
    requireUnique(
      store.data.envs.values(),
      (e) => e.name,
      name,
      id,
      'APIG.3205',
      'The environment name already exists.',
    );
    const e: Env = { ...old, name, remark: optText(b, 'remark', 255) ?? old.remark };
    store.data.envs.set(id, e);
    return ok(e);
  }),

  // 4.5.1 marks env_id/group_id/variable_name optional, yet a variable without them is meaningless: required here.
  route('POST', '/env-variables', ({ store, body }) => {
    const b = asObject(body);
    const value = reqPattern(b, 'variable_value', VARIABLE_VALUE);
    const envId = reqPattern(b, 'env_id', /^.{1,65}$/s);
    const groupId = reqPattern(b, 'group_id', /^.{1,65}$/s);
    const name = reqPattern(b, 'variable_name', VARIABLE_NAME);
    requireGroup(store, groupId);
    requireEnv(store, envId);
    for (const v of store.data.envVariables.values()) {
      // Names are case-sensitive (4.5.1 note 2): `ABC` and `abc` are two variables.
      if (v.group_id === groupId && v.env_id === envId && v.variable_name === name) {
        throw new ApiError(400, 'APIG.3303', 'The environment variable already exists.');
      }
    }
    const v: EnvVariable = {
      id: newId(),
      env_id: envId,
      group_id: groupId,
      variable_name: name,
      variable_value: value,
    };
    store.data.envVariables.set(v.id, v);
    return ok(v, 201);
  }),
  route('GET', '/env-variables/{env_variable_id}', ({ store, params }) =>
    ok(requireVariable(store, params['env_variable_id'] ?? '')),
  ),
  route('PUT', '/env-variables/{env_variable_id}', ({ store, params, body }) => {
    const old = requireVariable(store, params['env_variable_id'] ?? '');
    const v = { ...old, variable_value: reqPattern(asObject(body), 'variable_value', VARIABLE_VALUE) };
    store.data.envVariables.set(v.id, v);
    return ok(v);
  }),
  route('DELETE', '/env-variables/{env_variable_id}', ({ store, params }) => {
    const v = requireVariable(store, params['env_variable_id'] ?? '');
    store.data.envVariables.delete(v.id);
    return noContent();
  }),
];
