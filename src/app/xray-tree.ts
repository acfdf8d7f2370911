// The x-ray of an API as a flat tree (issue 17): everything that decides how the API answers, each
// node with what it is, where Enter takes it and its own loading/error state. Pure: `need(req)`
// returns the slice of a store request (and records that the view needs it), so the same walk that
// draws the tree tells the view which requests to start; a node's children appear as data arrives.
import type { RomaClient } from '../api/client.ts';
import type { RomaError } from '../api/errors.ts';
import type { ApiDetail } from '../api/types/apis.ts';
import type { AppAuth } from '../api/types/apps.ts';
import type { Feature } from '../api/types/instances.ts';
import type { ResourceRequest, ResourceSlice } from '../store/slice.ts';
import { publicationsOf } from '../actions/publications.ts';
import { daysLeft, daysText, expiryTone } from '../../screens/gateway-more/domains.ts';
import { periodText } from '../../screens/gateway-more/quotas.ts';
import { DASH, fmtTime, str } from '../../screens/format.ts';
import * as R from './xray-requests.ts';

export type XrayTone = 'success' | 'warning' | 'danger' | 'muted';

/** Where Enter goes: the detail view of `screen`'s item `itemId` (its list is loaded first). */
export interface XrayTarget {
  screen: string;
  itemId: string;
  label: string;
}

export interface XrayNode {
  /** Stable across loads and refreshes (the path of ids): the selection is kept by it. */
  id: string;
  depth: number;
  /** What the node is: "group", "throttle", "member" … */
  kind: string;
  /** Server text (sanitised when drawn). */
  text: string;
  tone?: XrayTone;
  /** The node's data is on its way. */
  loading?: boolean;
  /** The request behind the node failed: its code, never a stack. */
  error?: string;
  open?: XrayTarget;
}

export type Need = <T>(req: ResourceRequest<T, RomaClient>) => ResourceSlice<T>;

/** "APIG.3002 (HTTP 404)", "timeout": what a failed node shows. */
export function errorLabel(e: RomaError): string {
  const code = e.errorCode ?? e.kind;
  return e.status !== undefined ? `${code} (HTTP ${e.status})` : code;
}

class Tree {
  readonly nodes: XrayNode[] = [];
  /** `from`: the slice the node shows; a failed refresh of it marks the node (its data is the last good copy). */
  add(n: XrayNode, from?: ResourceSlice<unknown>): XrayNode {
    const node =
      from?.error && n.error === undefined ? { ...n, error: `${errorLabel(from.error)} · stale` } : n;
    this.nodes.push(node);
    return node;
  }
  /**
   * The data of a slice, or null after adding the node that stands for it meanwhile: loading, or
   * failed with its code.
   */
  settle<T>(slice: ResourceSlice<T>, n: Omit<XrayNode, 'loading' | 'error'>): T | null {
    if (slice.data != null) return slice.data;
    if (slice.error) this.add({ ...n, text: n.text || 'failed', error: errorLabel(slice.error) });
    else this.add({ ...n, text: n.text || 'loading…', loading: true });
    return null;
  }
}

const per = (interval: number | undefined, unit: string | undefined): string =>
  `${interval && interval !== 1 ? `${interval} ` : ''}${(unit ?? DASH).toLowerCase()}`;

const limit = (v: number | undefined): string => (v === undefined || v === null ? DASH : String(v));

/** The instance's `ratelimit` feature's API limit (7.5: `{"api_limits":200}`), when readable. */
export function rateLimitOf(f: Feature | undefined): number | undefined {
  if (!f || !f.enable) return undefined;
  const cfg: unknown = typeof f.config === 'string' ? safeJson(f.config) : f.config;
  const v = (cfg as { api_limits?: unknown } | null)?.api_limits;
  return typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

export interface XrayInput {
  instanceId: string;
  apiId: string;
  /** The name to show while the definition loads (the list row's). */
  apiName: string;
  now?: number;
}

export function buildXray(input: XrayInput, need: Need): XrayNode[] {
  const { instanceId: inst, apiId } = input;
  const t = new Tree();
  const apiTarget = { screen: 'apis', itemId: apiId, label: input.apiName };
  const apiSlice = need(R.xrayApiRequest(inst, apiId));
  const api = t.settle(apiSlice, {
    id: 'api',
    depth: 0,
    kind: 'API',
    text: input.apiName,
    open: apiTarget,
  });
  if (!api) return t.nodes;
  t.add(
    {
      id: 'api',
      depth: 0,
      kind: 'API',
      text: `${api.name}  ${str(api.req_method)} ${str(api.req_uri)}  auth ${str(api.auth_type)}`,
      open: { ...apiTarget, label: api.name },
    },
    apiSlice,
  );
  groupNodes(t, need, inst, api, input.now);
  const features = need(R.xrayFeaturesRequest(inst));
  envNodes(t, need, inst, api, features.data ?? undefined);
  backendNodes(t, need, inst, api);
  defaultNodes(t, features);
  return t.nodes;
}

function groupNodes(t: Tree, need: Need, inst: string, api: ApiDetail, now?: number): void {
  if (!api.group_id) {
    t.add({ id: 'group', depth: 1, kind: 'group', text: 'none', tone: 'muted' });
    return;
  }
  const open = { screen: 'groups', itemId: api.group_id, label: api.group_name ?? api.group_id };
  const groupSlice = need(R.xrayGroupRequest(inst, api.group_id));
  const g = t.settle(groupSlice, {
    id: 'group',
    depth: 1,
    kind: 'group',
    text: api.group_name ?? '',
    open,
  });
  if (!g) return;
  t.add(
    {
      id: 'group',
      depth: 1,
      kind: 'group',
      text: `${g.name}  debug domain ${str(g.sl_domain)}`,
      open: { ...open, label: g.name },
    },
    groupSlice,
  );
  const domains = g.url_domains ?? [];
  if (domains.length === 0)
    t.add({ id: 'group/domains', depth: 2, kind: 'domain', text: 'no custom domain', tone: 'muted' });
  for (const d of domains) {
    const id = `group/domain:${d.id}`;
    const name = d.domain ?? d.id;
    const open = { screen: 'domains', itemId: `${g.id}/${d.id}`, label: name };
    if (!d.ssl_id) {
      t.add({ id, depth: 2, kind: 'domain', text: `${name}  no certificate: HTTPS fails`, open });
      continue;
    }
    const cert = t.settle(need(R.xrayCertificateRequest(inst, g.id, d.id, d.ssl_id)), {
      id,
      depth: 2,
      kind: 'domain',
      text: `${name}  certificate ${str(d.ssl_name)}`,
      open,
    });
    if (!cert) continue;
    const days = daysLeft(cert.not_after, now);
    const tone = expiryTone(days);
    t.add({
      id,
      depth: 2,
      kind: 'domain',
      text: `${name}  certificate ${str(d.ssl_name)} expires ${fmtTime(cert.not_after).slice(0, 10)} · ${daysText(days)} left`,
      ...(tone ? { tone } : {}),
      open,
    });
  }
}

function envNodes(t: Tree, need: Need, inst: string, api: ApiDetail, features?: Feature[]): void {
  const pubs = publicationsOf(api);
  if (pubs.length === 0) {
    t.add({
      id: 'envs',
      depth: 1,
      kind: 'environment',
      text: 'not published: the API answers nowhere',
      tone: 'warning',
    });
    return;
  }
  const versions = need(R.xrayVersionsRequest(inst, api.id));
  const throttles = need(R.xrayThrottlesRequest(inst, api.id));
  const acls = need(R.xrayAclsRequest(inst, api.id));
  const signs = need(R.xraySignsRequest(inst, api.id));
  const apps = need(R.xrayAppsRequest(inst, api.id));
  for (const { env } of pubs) {
    const base = `env:${env.id}`;
    const open = { screen: 'envs', itemId: env.id, label: env.name };
    const vs = t.settle(versions, { id: base, depth: 1, kind: 'environment', text: env.name, open });
    if (vs) {
      const v = vs.find((x) => x.env_id === env.id && x.status === 1);
      t.add(
        {
          id: base,
          depth: 1,
          kind: 'environment',
          text: v
            ? `${env.name}  version ${str(v.version_no ?? v.version_id)} (${v.version_id}) published ${fmtTime(v.publish_time)}`
            : `${env.name}  no version in effect`,
          open,
        },
        versions,
      );
    }
    // throttling: the bound policy, or the instance default
    const ths = t.settle(throttles, { id: `${base}/throttle`, depth: 2, kind: 'throttle', text: '' });
    if (ths) {
      const bound = ths.filter((x) => x.env_name === env.name);
      for (const th of bound) {
        const specials = th.is_inclu_special_throttle === 2 ? null : need(R.xraySpecialsRequest(inst, th.id));
        const count =
          specials === null
            ? '0'
            : specials.data != null
              ? String(specials.data)
              : specials.error
                ? '?'
                : '…';
        t.add(
          {
            id: `${base}/throttle:${th.id}`,
            depth: 2,
            kind: 'throttle',
            text: `${th.name}  api ${limit(th.api_call_limits)} · user ${limit(th.user_call_limits)} · app ${limit(th.app_call_limits)} · ip ${limit(th.ip_call_limits)} per ${per(th.time_interval, th.time_unit)} · ${count} special`,
            ...(specials?.error ? { error: `special settings ${errorLabel(specials.error)}` } : {}),
            open: { screen: 'throttles', itemId: th.id, label: th.name },
          },
          throttles,
        );
      }
      if (bound.length === 0) defaultThrottleNode(t, `${base}/throttle`, features);
    }
    const acl = t.settle(acls, { id: `${base}/acl`, depth: 2, kind: 'ACL', text: '' });
    if (acl) {
      const bound = acl.filter((a) => (a.env_id ? a.env_id === env.id : a.env_name === env.name));
      for (const a of bound)
        t.add(
          {
            id: `${base}/acl:${a.acl_id}`,
            depth: 2,
            kind: 'ACL',
            text: `${str(a.acl_name)}  ${str(a.acl_type)} ${str(a.entity_type)}  ${str(a.acl_value)}`,
            open: { screen: 'acls', itemId: a.acl_id, label: a.acl_name ?? a.acl_id },
          },
          acls,
        );
      if (bound.length === 0)
        t.add({ id: `${base}/acl`, depth: 2, kind: 'ACL', text: 'none bound', tone: 'muted' });
    }
    const sg = t.settle(signs, { id: `${base}/sign`, depth: 2, kind: 'signature key', text: '' });
    if (sg) {
      const bound = sg.filter((s) => (s.env_id ? s.env_id === env.id : s.env_name === env.name));
      for (const s of bound)
        t.add({
          id: `${base}/sign:${s.sign_id ?? s.id}`,
          depth: 2,
          kind: 'signature key',
          text: `${str(s.sign_name)}  ${str(s.sign_type)}`,
          ...(s.sign_id
            ? { open: { screen: 'signs', itemId: s.sign_id, label: s.sign_name ?? s.sign_id } }
            : {}),
        });
      if (bound.length === 0)
        t.add({ id: `${base}/sign`, depth: 2, kind: 'signature key', text: 'none bound', tone: 'muted' });
    }
    appNodes(t, need, inst, api, env, base, apps);
  }
}

function defaultThrottleNode(t: Tree, id: string, features?: Feature[]): void {
  const f = features?.find((x) => x.name === 'ratelimit');
  const rate = rateLimitOf(f);
  t.add({
    id,
    depth: 2,
    kind: 'throttle',
    text:
      rate !== undefined
        ? `none bound: instance default applies (X-Apig-Ratelimit-Api: limit:${rate} from the ratelimit feature)`
        : features
          ? 'none bound: the system default of 200 calls per second applies (4.7.1)'
          : 'none bound: instance default applies',
    tone: 'muted',
    ...(f ? { open: { screen: 'features', itemId: f.id ?? f.name, label: f.name } } : {}),
  });
}

function appNodes(
  t: Tree,
  need: Need,
  inst: string,
  api: ApiDetail,
  env: { id: string; name: string },
  base: string,
  slice: ResourceSlice<AppAuth[]>,
): void {
  const auths = t.settle(slice, { id: `${base}/apps`, depth: 2, kind: 'apps', text: '' });
  if (!auths) return;
  const here = auths.filter((a) => (a.env_id ? a.env_id === env.id : a.env_name === env.name));
  const appAuth = api.auth_type === 'APP';
  t.add(
    {
      id: `${base}/apps`,
      depth: 2,
      kind: 'apps',
      text: appAuth
        ? `${here.length} authorized`
        : `${here.length} authorized (auth ${str(api.auth_type)}: apps are not checked)`,
      ...(appAuth && here.length === 0 ? { tone: 'warning' as const } : {}),
    },
    slice,
  );
  for (const a of here) {
    const appId = a.app_id ?? '';
    const id = `${base}/app:${appId || a.id}`;
    const name = a.app_name ?? appId;
    t.add({
      id,
      depth: 3,
      kind: 'app',
      text: `${str(name)}  authorized ${fmtTime(a.auth_time)}`,
      ...(appId ? { open: { screen: 'apps', itemId: appId, label: name } } : {}),
    });
    if (!appId) continue;
    const quota = t.settle(need(R.xrayAppQuotaRequest(inst, appId)), {
      id: `${id}/quota`,
      depth: 4,
      kind: 'quota',
      text: '',
    });
    const q = quota?.quota;
    if (quota && !q) {
      t.add({ id: `${id}/quota`, depth: 4, kind: 'quota', text: 'none bound', tone: 'muted' });
    } else if (q) {
      t.add({
        id: `${id}/quota`,
        depth: 4,
        kind: 'quota',
        text: `${q.name}  ${limit(q.call_limits)} calls per ${periodText(q)}`,
        open: { screen: 'quotas', itemId: q.app_quota_id, label: q.name },
      });
    }
    const acl = t.settle(need(R.xrayAppAclRequest(inst, appId)), {
      id: `${id}/acl`,
      depth: 4,
      kind: 'app ACL',
      text: '',
    });
    if (acl) {
      const values = acl.app_acl_values ?? [];
      t.add({
        id: `${id}/acl`,
        depth: 4,
        kind: 'app ACL',
        text: acl.app_acl_type ? `${acl.app_acl_type}  ${values.join(', ') || DASH}` : 'none',
        ...(acl.app_acl_type ? {} : { tone: 'muted' as const }),
        open: { screen: 'apps', itemId: appId, label: name },
      });
    }
  }
}

function backendNodes(t: Tree, need: Need, inst: string, api: ApiDetail): void {
  const type = str(api.backend_type);
  const b = api.backend_api;
  const vpc = b?.vpc_channel_info?.vpc_channel_id;
  const where = b
    ? vpc
      ? `${str(b.req_method)} ${str(b.req_protocol).toLowerCase()} ${b.req_uri ?? ''} through the VPC channel`
      : `${str(b.req_method)} ${str(b.req_protocol).toLowerCase()}://${str(b.url_domain)}${b.req_uri ?? ''}`
    : api.func_info
      ? str(api.func_info.function_urn)
      : api.mock_info
        ? 'mock answer'
        : '';
  t.add({ id: 'backend', depth: 1, kind: 'backend', text: `${type}  ${where}`.trim() });
  if (b && vpc) {
    const open = { screen: 'vpcs', itemId: vpc, label: vpc };
    const ch = t.settle(need(R.xrayChannelRequest(inst, vpc)), {
      id: 'backend/channel',
      depth: 2,
      kind: 'VPC channel',
      text: vpc,
      open,
    });
    if (ch) {
      const members = need(R.xrayMembersRequest(inst, vpc));
      const list = members.data;
      const healthy = list?.filter((m) => m.status === 1).length;
      t.add({
        id: 'backend/channel',
        depth: 2,
        kind: 'VPC channel',
        text: `${ch.name}  port ${str(ch.port)}${list ? ` · ${healthy}/${list.length} members healthy` : ''}`,
        ...(ch.status === 2 || (list && healthy === 0) ? { tone: 'danger' as const } : {}),
        open: { ...open, label: ch.name },
      });
      const got = t.settle(members, { id: 'backend/members', depth: 3, kind: 'members', text: '' });
      for (const m of got ?? [])
        t.add({
          id: `backend/member:${m.id}`,
          depth: 3,
          kind: 'member',
          text: `${str(m.host ?? m.ecs_name)}  weight ${str(m.weight)} · ${m.status === 1 ? 'healthy' : `unhealthy (status ${str(m.status)})`}`,
          tone: m.status === 1 ? 'success' : 'danger',
          open: { ...open, label: ch.name },
        });
    }
  }
  // custom authorizers: the API's (frontend, auth AUTHORIZER) and the backend's
  const front = api.auth_type === 'AUTHORIZER' ? api.authorizer_id : undefined;
  const back = b?.authorizer_id ?? api.func_info?.authorizer_id ?? api.mock_info?.authorizer_id;
  for (const [id, role] of [
    [front, 'frontend'],
    [back, 'backend'],
  ] as const) {
    if (!id) continue;
    const a = t.settle(need(R.xrayAuthorizerRequest(inst, id)), {
      id: `authorizer:${role}`,
      depth: 1,
      kind: `${role} authorizer`,
      text: id,
      open: { screen: 'authorizers', itemId: id, label: id },
    });
    if (a)
      t.add({
        id: `authorizer:${role}`,
        depth: 1,
        kind: `${role} authorizer`,
        text: `${a.name}  ${str(a.type)} ${str(a.authorizer_type)}  ${str(a.authorizer_uri)}`,
        open: { screen: 'authorizers', itemId: id, label: a.name },
      });
  }
}

function defaultNodes(t: Tree, slice: ResourceSlice<Feature[]>): void {
  const features = t.settle(slice, { id: 'defaults', depth: 1, kind: 'instance defaults', text: '' });
  if (!features) return;
  t.add(
    { id: 'defaults', depth: 1, kind: 'instance defaults', text: `${features.length} features (4.22)` },
    slice,
  );
  const rl = features.find((f) => f.name === 'ratelimit');
  const ordered = rl ? [rl, ...features.filter((f) => f !== rl)] : features;
  for (const f of ordered) {
    const rate = f === rl ? rateLimitOf(f) : undefined;
    t.add({
      id: `defaults/feature:${f.name}`,
      depth: 2,
      kind: 'feature',
      text:
        `${f.name}  ${f.enable ? 'on' : 'off'}  ${str(f.config)}` +
        (rate !== undefined
          ? `  · X-Apig-Ratelimit-Api: limit:${rate} comes from it where no throttling policy is bound`
          : ''),
      ...(f.enable ? {} : { tone: 'muted' as const }),
      open: { screen: 'features', itemId: f.id ?? f.name, label: f.name },
    });
  }
}
