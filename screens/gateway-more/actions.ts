// The actions of issue 14's screens, registered with the resource registry (so the footer, the `?` help
// and the read-only guard see them). One-call changes are `call` actions (src/actions/resource-calls.ts)
// proposed to the mutations store: confirmation naming object and effect, audit line, refresh.
import { readFileSync } from 'node:fs';
import type { MutationAction } from '../../src/actions/types.ts';
import { isZip, type ResourceCall } from '../../src/actions/resource-calls.ts';
import type { App } from '../../src/api/types/apps.ts';
import type { ApiGroup } from '../../src/api/types/groups.ts';
import type { Feature } from '../../src/api/types/instances.ts';
import type {
  AppCode,
  AppConfig,
  AppQuota,
  AppQuotaApp,
  Dictionary,
  IntegrationApp,
  LdApi,
} from '../../src/api/types/gateway-more.ts';
import { registerModal } from '../../src/app/modals.tsx';
import { sharedPartRequest } from '../../src/app/screen-requests.ts';
import { readThrough } from '../../src/store/read.ts';
import { envRefs, envsRequest } from '../actions/data.ts';
import { quotasScreen } from './quotas.ts';
import { fetchVia } from './requests.ts';
import type { DashboardStore } from '../../src/store/store.ts';
import { registerActions } from '../registry.ts';
import type { ResourceAction } from '../types.ts';
import { appsScreen } from '../apps.ts';
import type { AssetOwnerRow } from './assets.ts';
import type { DomainRow } from './domains.ts';
import {
  ChooseModal,
  ExportModal,
  FormModal,
  GM_MODALS,
  ImportModal,
  ProposeModal,
  readPem,
  type FormField,
} from './modals.tsx';
import { AssetExportModal } from './asset-export.tsx';
import { memberActions } from './members.ts';
import { backendDeployAction } from './backend-deploy.ts';
import { backendTestAction } from './backend-test.ts';

function call(
  c: ResourceCall,
  o: { title: string; effect: string; object: string; destructive: boolean; env?: string },
): MutationAction {
  return { kind: 'call', call: c, ...o };
}

export const propose = (store: DashboardStore, action: MutationAction): void =>
  store.getState().actions.pushModal({ kind: GM_MODALS.propose, props: { action } });

const form = (
  store: DashboardStore,
  title: string,
  fields: FormField[],
  submit: (values: string[]) => Promise<MutationAction | string>,
): void => store.getState().actions.pushModal({ kind: GM_MODALS.form, props: { title, fields, submit } });

const as = <T>(list: ReadonlyArray<ResourceAction<T>>) => list as ReadonlyArray<ResourceAction<unknown>>;

const DOMAIN_RE = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

function domainActions(): ReadonlyArray<ResourceAction<DomainRow>> {
  return [
    {
      command: 'create',
      title: "Bind a custom domain to this row's group",
      mutating: true,
      run({ store, item }) {
        form(
          store,
          `Bind a domain to group ${item.groupName}`,
          [{ label: 'domain' }, { label: 'minimum TLS', initial: 'TLSv1.2' }],
          async ([domain = '', tls = '']) => {
            const name = domain.trim();
            if (!DOMAIN_RE.test(name)) return `${name || 'an empty name'} is not a domain name`;
            if (tls !== 'TLSv1.1' && tls !== 'TLSv1.2') return 'minimum TLS is TLSv1.1 or TLSv1.2';
            return call(
              { op: 'domain.bind', groupId: item.groupId, urlDomain: name, minSslVersion: tls },
              {
                title: 'Bind domain',
                effect: `${name} serves group ${item.groupName} once its CNAME points at the group's subdomain`,
                object: `group:${item.groupName}(${item.groupId}) ← ${name}`,
                destructive: false,
              },
            );
          },
        );
      },
    },
    {
      command: 'edit',
      title: 'Upload a certificate (PEM files)',
      mutating: true,
      run({ store, item }) {
        form(
          store,
          `Certificate for ${item.domain}`,
          [
            { label: 'certificate file' },
            { label: 'private key file' },
            { label: 'name', initial: `cert_${item.domain.split('.')[0] ?? 'domain'}` },
          ],
          async ([certPath = '', keyPath = '', name = '']) => {
            let cert: string;
            let key: string;
            try {
              cert = readPem(certPath.trim(), 'certificate');
              key = readPem(keyPath.trim(), 'private key');
            } catch (e) {
              return (e as Error).message;
            }
            return call(
              {
                op: 'certificate.upload',
                groupId: item.groupId,
                domainId: item.domainId,
                name: name.trim(),
                certContent: cert,
                privateKey: key,
              },
              {
                title: 'Upload certificate',
                effect: item.sslId
                  ? `certificate ${name.trim()} replaces ${item.sslName ?? item.sslId} on ${item.domain}`
                  : `HTTPS on ${item.domain} uses certificate ${name.trim()}`,
                object: `domain:${item.domain}(${item.domainId})`,
                destructive: Boolean(item.sslId),
              },
            );
          },
        );
      },
    },
    {
      command: 'remove',
      title: 'Unbind the domain from its group',
      mutating: true,
      run({ store, item }) {
        propose(
          store,
          call(
            { op: 'domain.unbind', groupId: item.groupId, domainId: item.domainId },
            {
              title: 'Unbind domain',
              effect: `calls through ${item.domain} stop reaching group ${item.groupName}${item.sslId ? '; its certificate is deleted with it' : ''}`,
              object: `domain:${item.domain}(${item.domainId})`,
              destructive: true,
            },
          ),
        );
      },
    },
  ];
}

function certificateActions(): ReadonlyArray<ResourceAction<DomainRow>> {
  return [
    {
      command: 'remove',
      title: 'Delete the certificate',
      mutating: true,
      run({ store, item }) {
        if (!item.sslId) return;
        propose(
          store,
          call(
            {
              op: 'certificate.delete',
              groupId: item.groupId,
              domainId: item.domainId,
              certificateId: item.sslId,
            },
            {
              title: 'Delete certificate',
              effect: `HTTPS calls to ${item.domain} fail once certificate ${item.sslName ?? item.sslId} is gone`,
              object: `certificate:${item.sslName ?? ''}(${item.sslId})`,
              destructive: true,
            },
          ),
        );
      },
    },
  ];
}

function backendActions(): ReadonlyArray<ResourceAction<LdApi>> {
  const obj = (r: LdApi) => `backend:${r.name}(${r.id})`;
  return [
    backendDeployAction(),
    {
      command: 'undeploy',
      title: 'Undeploy',
      mutating: true,
      run: ({ store, item }) =>
        propose(
          store,
          call(
            { op: 'livedata.undeploy', id: item.id },
            {
              title: 'Undeploy custom backend',
              effect: `${item.name} stops serving; APIs calling it fail`,
              object: obj(item),
              destructive: true,
            },
          ),
        ),
    },
    backendTestAction(),
  ];
}

function quotaActions(): ReadonlyArray<ResourceAction<AppQuota>> {
  const choose = (
    store: DashboardStore,
    q: AppQuota,
    mode: 'bind' | 'unbind',
    rows: Array<{ id: string; text: string }>,
  ) =>
    store.getState().actions.pushModal({
      kind: GM_MODALS.choose,
      props: {
        title: mode === 'bind' ? `Bind apps to ${q.name}` : `Unbind an app from ${q.name}`,
        verb: mode,
        multi: mode === 'bind',
        empty: mode === 'bind' ? 'Every app already has a client quota.' : 'No app is bound.',
        rows,
        action: (ids: string[]): MutationAction => {
          const names = ids.map((id) => rows.find((r) => r.id === id)?.text ?? id);
          return mode === 'bind'
            ? call(
                { op: 'quota.bind', quotaId: q.app_quota_id, appIds: ids },
                {
                  title: 'Bind apps to client quota',
                  effect: `${names.join(', ')} share ${q.call_limits ?? '?'} calls per period of ${q.name}`,
                  object: `quota:${q.name}(${q.app_quota_id})`,
                  destructive: false,
                },
              )
            : call(
                { op: 'quota.unbind', quotaId: q.app_quota_id, appId: ids[0] ?? '' },
                {
                  title: 'Unbind app from client quota',
                  effect: `${names[0] ?? ''} is no longer limited by ${q.name}`,
                  object: `quota:${q.name}(${q.app_quota_id})`,
                  destructive: true,
                },
              );
        },
      },
    });
  return [
    {
      command: 'create',
      title: 'Create a client quota',
      mutating: true,
      run({ store }) {
        form(
          store,
          'New client quota',
          [
            { label: 'name' },
            { label: 'calls' },
            { label: 'per (SECOND/MINUTE/HOURE/DAY)', initial: 'DAY' },
            { label: 'interval', initial: '1' },
          ],
          async ([name = '', calls = '', unit = '', interval = '']) => {
            const units = ['SECOND', 'MINUTE', 'HOURE', 'DAY'] as const;
            const u = units.find((x) => x === unit.trim().toUpperCase());
            if (!u) return 'per is SECOND, MINUTE, HOURE (sic) or DAY';
            const n = Number(calls);
            const i = Number(interval);
            if (!Number.isInteger(n) || n < 1 || !Number.isInteger(i) || i < 1)
              return 'calls and interval are whole numbers from 1';
            return call(
              {
                op: 'quota.create',
                request: { name: name.trim(), call_limits: n, time_unit: u, time_interval: i },
              },
              {
                title: 'Create client quota',
                effect: `quota ${name.trim()}: ${n} calls per ${i} ${u}`,
                object: `quota:${name.trim()}`,
                destructive: false,
              },
            );
          },
        );
      },
    },
    {
      command: 'remove',
      title: 'Delete the client quota',
      mutating: true,
      run: ({ store, item }) =>
        propose(
          store,
          call(
            { op: 'quota.delete', quotaId: item.app_quota_id },
            {
              title: 'Delete client quota',
              effect: `${item.bound_app_num ?? 0} bound apps lose the limit of ${item.name}; their bindings are deleted with it`,
              object: `quota:${item.name}(${item.app_quota_id})`,
              destructive: true,
            },
          ),
        ),
    },
    {
      command: 'bind',
      title: 'Bind apps',
      mutating: true,
      async run({ store, item, instanceId }) {
        const apps = await fetchVia(
          store,
          'gm.bindable',
          `${instanceId}|${item.app_quota_id}`,
          (client, signal) =>
            client
              .instance(instanceId ?? '')
              .appQuotas.bindableApps(item.app_quota_id)
              .listAll({}, { signal }),
        );
        choose(
          store,
          item,
          'bind',
          apps.map((a) => ({ id: a.app_id, text: a.name ?? a.app_id })),
        );
      },
    },
    {
      command: 'unbind',
      title: 'Unbind an app',
      mutating: true,
      async run({ store, item, instanceId }) {
        // the quota's Bound apps tab, read again: the choice is sent as is
        const apps = await readThrough(
          store,
          sharedPartRequest<AppQuotaApp[]>(quotasScreen, 'apps', instanceId, item),
        );
        choose(
          store,
          item,
          'unbind',
          apps.map((a) => ({ id: a.app_id, text: a.name ?? a.app_id })),
        );
      },
    },
  ];
}

function integrationAppActions(): ReadonlyArray<ResourceAction<IntegrationApp>> {
  return [
    {
      command: 'create',
      title: 'Create an integration application',
      mutating: true,
      run: ({ store }) =>
        form(
          store,
          'New integration application',
          [{ label: 'name' }, { label: 'remark' }],
          async ([name = '', remark = '']) =>
            name.trim() === ''
              ? 'a name is required'
              : call(
                  { op: 'integrationApp.create', name: name.trim(), remark: remark.trim() },
                  {
                    title: 'Create integration application',
                    effect: `application ${name.trim()} with a generated key and secret`,
                    object: `integration-app:${name.trim()}`,
                    destructive: false,
                  },
                ),
        ),
    },
    {
      command: 'remove',
      title: 'Delete the integration application',
      mutating: true,
      run: ({ store, item }) =>
        propose(
          store,
          call(
            { op: 'integrationApp.delete', id: item.id },
            {
              title: 'Delete integration application',
              effect: `${item.name} and its key stop working (refused while it owns groups or custom backends)`,
              object: `integration-app:${item.name}(${item.id})`,
              destructive: true,
            },
          ),
        ),
    },
    {
      command: 'resetSecret',
      title: 'Reset the secret',
      mutating: true,
      run: ({ store, item }) =>
        propose(
          store,
          call(
            { op: 'integrationApp.resetSecret', id: item.id },
            {
              title: 'Reset application secret',
              effect: `clients of ${item.name} using the current secret are refused until they get the new one`,
              object: `integration-app:${item.name}(${item.id})`,
              destructive: true,
            },
          ),
        ),
    },
  ];
}

function dictionaryActions(): ReadonlyArray<ResourceAction<Dictionary>> {
  return [
    {
      command: 'create',
      title: 'Create a dictionary (a child of the listed parent)',
      mutating: true,
      run({ store }) {
        const parent = store.getState().stack.at(-1)?.params['parentCode'] ?? '';
        form(
          store,
          parent ? `New dictionary in ${parent}` : 'New top-level dictionary',
          [{ label: 'name' }, { label: 'code' }, { label: 'remark' }],
          async ([name = '', code = '', remark = '']) =>
            !name.trim() || !code.trim()
              ? 'name and code are required'
              : call(
                  {
                    op: 'dictionary.create',
                    request: {
                      name: name.trim(),
                      code: code.trim(),
                      remark: remark.trim(),
                      ...(parent ? { parent_code: parent } : {}),
                    },
                  },
                  {
                    title: 'Create dictionary',
                    effect: `dictionary ${name.trim()} (${code.trim()})${parent ? ` under ${parent}` : ''}`,
                    object: `dictionary:${code.trim()}`,
                    destructive: false,
                  },
                ),
        );
      },
    },
    {
      command: 'remove',
      title: 'Delete the dictionary and its children',
      mutating: true,
      run: ({ store, item }) =>
        propose(
          store,
          call(
            { op: 'dictionary.delete', id: item.id },
            {
              title: 'Delete dictionary',
              effect: `${item.name} (${item.code}) and every dictionary under it are deleted${item.type === 'system' ? ' — refused: it is a system dictionary' : ''}`,
              object: `dictionary:${item.code}(${item.id})`,
              destructive: true,
            },
          ),
        ),
    },
  ];
}

function featureActions(): ReadonlyArray<ResourceAction<Feature>> {
  return [
    {
      command: 'toggle',
      title: 'Enable / disable',
      mutating: true,
      run: ({ store, item, instanceId }) =>
        propose(
          store,
          call(
            {
              op: 'feature.configure',
              request: {
                name: item.name,
                enable: !item.enable,
                ...(item.config ? { config: item.config } : {}),
              },
            },
            {
              title: item.enable ? 'Disable instance feature' : 'Enable instance feature',
              effect: `feature ${item.name} is turned ${item.enable ? 'off' : 'on'} for every API of instance ${instanceId ?? ''}`,
              object: `feature:${item.name}`,
              destructive: item.enable === true,
            },
          ),
        ),
    },
  ];
}

function groupActions(): ReadonlyArray<ResourceAction<ApiGroup>> {
  return [
    {
      command: 'exportFile',
      title: 'Export as OpenAPI to a file',
      mutating: false,
      async run({ store, item, instanceId }) {
        const envs = envRefs(await readThrough(store, envsRequest(instanceId ?? ''), { cached: true }));
        store.getState().actions.pushModal({
          kind: GM_MODALS.export,
          props: { group: { id: item.id, name: item.name }, envs },
        });
      },
    },
    {
      command: 'importFile',
      title: 'Import an OpenAPI file (preview first)',
      mutating: true,
      run: ({ store, item }) =>
        store
          .getState()
          .actions.pushModal({ kind: GM_MODALS.import, props: { group: { id: item.id, name: item.name } } }),
    },
  ];
}

function assetActions(): ReadonlyArray<ResourceAction<AssetOwnerRow>> {
  return [
    {
      command: 'exportFile',
      title: 'Export the application as an asset package',
      mutating: true,
      run: ({ store, item }) =>
        store.getState().actions.pushModal({
          kind: GM_MODALS.assetExport,
          props: { app: { id: item.app.id, name: item.app.name } },
        }),
    },
    {
      command: 'importFile',
      title: 'Import an asset package (zip file) into the application',
      mutating: true,
      run: ({ store, item }) =>
        form(
          store,
          'Import an asset package',
          [{ label: 'zip file' }, { label: 'application', initial: item.app.name }],
          async ([file = '', appName = '']) => {
            const path = file.trim();
            const name = appName.trim();
            if (!path) return 'a zip file is required';
            let bytes: Buffer;
            try {
              bytes = readFileSync(path);
            } catch {
              return `${path} does not exist or cannot be read`;
            }
            if (!isZip(bytes)) return `${path} is not a zip package`;
            return call(
              { op: 'assets.import', path, ...(name ? { appName: name } : {}) },
              {
                title: 'Import assets',
                effect: `an import job brings the assets of ${path} into ${name || 'the applications the package names'}; existing assets of the same name may be replaced`,
                object: `integration-app:${name || '(from the package)'} ← ${path}`,
                destructive: true,
              },
            );
          },
        ),
    },
    {
      command: 'remove',
      title: "Delete the application's assets",
      mutating: true,
      run: ({ store, item }) =>
        propose(
          store,
          call(
            { op: 'assets.delete', appId: item.app.id, appName: item.app.name },
            {
              title: 'Delete assets',
              effect: `a delete job removes every API group (with its APIs and publications) and custom backend of ${item.app.name}; the application itself stays`,
              object: `integration-app:${item.app.name}(${item.app.id})`,
              destructive: true,
            },
          ),
        ),
    },
  ];
}

/** 4.16.3: letters and `+!@#$%/=`, starting with a letter, `+` or `/`, 64–180 characters. */
const APP_CODE_RE = /^[A-Za-z+/][A-Za-z0-9+!@#$%/=]{63,179}$/;

/** The APP detail's active tab is its Configurations tab (4.25): there n and D act on configurations. */
function onConfigsTab(store: DashboardStore): boolean {
  const tab = store.getState().stack.at(-1)?.tab ?? 0;
  return tab > 0 && appsScreen.parts?.[tab - 1]?.id === 'app-configs';
}

const CONFIG_TYPES = ['variable', 'password', 'certificate'] as const;

function addConfig(store: DashboardStore, item: App): void {
  form(
    store,
    `New configuration of ${item.name}`,
    [
      { label: 'type (variable/password/certificate)', initial: 'variable' },
      { label: 'name' },
      { label: 'value' },
      { label: 'description' },
    ],
    async ([type = '', name = '', value = '', description = '']) => {
      const t = CONFIG_TYPES.find((x) => x === type.trim());
      if (!t) return 'type is variable, password or certificate';
      if (!name.trim()) return 'a name is required';
      return call(
        {
          op: 'appConfig.create',
          appId: item.id,
          request: {
            config_type: t,
            config_name: name.trim(),
            config_value: value,
            ...(description.trim() ? { description: description.trim() } : {}),
          },
        },
        {
          title: 'Add configuration',
          // A password or certificate value is a secret: the confirmation and the audit never carry it.
          effect: `${item.name} gets the ${t} configuration ${name.trim()}`,
          object: `app:${item.name}(${item.id}) config:${name.trim()}`,
          destructive: false,
        },
      );
    },
  );
}

async function removeConfig(store: DashboardStore, item: App, instanceId: string | null): Promise<void> {
  // the app's Configurations tab, read again: the chosen one is deleted
  const configs = await readThrough(
    store,
    sharedPartRequest<AppConfig[]>(appsScreen, 'app-configs', instanceId, item),
  );
  const rows = configs.map((c) => ({ id: c.id, text: `${c.config_name ?? c.id}  ${c.config_type ?? ''}` }));
  store.getState().actions.pushModal({
    kind: GM_MODALS.choose,
    props: {
      title: `Delete a configuration of ${item.name}`,
      verb: 'delete',
      multi: false,
      empty: 'The APP has no configuration.',
      rows,
      action: (ids: string[]): MutationAction => {
        const id = ids[0] ?? '';
        const name = configs.find((c) => c.id === id)?.config_name ?? id;
        return call(
          { op: 'appConfig.delete', appId: item.id, configId: id },
          {
            title: 'Delete configuration',
            effect: `configuration ${name} of ${item.name} is deleted; whatever reads it no longer finds it`,
            object: `app:${item.name}(${item.id}) config:${name}(${id})`,
            destructive: true,
          },
        );
      },
    },
  });
}

/**
 * On an APP's detail: n adds an App Code, D deletes one picked from the list; on its Configurations tab
 * the same keys add and delete configurations (4.25).
 */
function appCodeActions(): ReadonlyArray<ResourceAction<App>> {
  return [
    {
      command: 'create',
      title:
        'Add an App Code to the APP (generated, or a typed value); a configuration on its Configurations tab',
      mutating: true,
      views: ['detail'],
      run: ({ store, item }) =>
        onConfigsTab(store)
          ? addConfig(store, item)
          : form(
              store,
              `New App Code for ${item.name}`,
              [{ label: 'App Code (empty: the service generates one)' }],
              async ([value = '']) => {
                const code = value.trim();
                if (code && !APP_CODE_RE.test(code))
                  return 'an App Code is 64–180 letters, digits or +!@#$%/=, starting with a letter, + or /';
                return call(
                  { op: 'appCode.create', appId: item.id, ...(code ? { appCode: code } : {}) },
                  {
                    title: 'Add App Code',
                    effect: `${code ? 'the typed' : 'a generated'} App Code lets callers of ${item.name} authenticate with it (simple authentication)`,
                    object: `app:${item.name}(${item.id})`,
                    destructive: false,
                  },
                );
              },
            ),
    },
    {
      command: 'remove',
      title: "Delete one of the APP's App Codes; a configuration on its Configurations tab",
      mutating: true,
      views: ['detail'],
      async run({ store, item, instanceId }) {
        if (onConfigsTab(store)) return removeConfig(store, item, instanceId);
        // the app's App Codes tab, read again: the chosen one is deleted
        const codes = await readThrough(
          store,
          sharedPartRequest<AppCode[]>(appsScreen, 'app-codes', instanceId, item),
        );
        // The value is a credential: rows name the code by its id and when it was made, never its value.
        const rows = codes.map((c) => ({ id: c.id, text: `${c.id}  created ${c.create_time ?? '?'}` }));
        store.getState().actions.pushModal({
          kind: GM_MODALS.choose,
          props: {
            title: `Delete an App Code of ${item.name}`,
            verb: 'delete',
            multi: false,
            empty: 'The APP has no App Code.',
            rows,
            action: (ids: string[]): MutationAction => {
              const id = ids[0] ?? '';
              return call(
                { op: 'appCode.delete', appId: item.id, appCodeId: id },
                {
                  title: 'Delete App Code',
                  effect: `callers of ${item.name} using App Code ${id} are refused from now on`,
                  object: `app:${item.name}(${item.id}) app-code:${id}`,
                  destructive: true,
                },
              );
            },
          },
        });
      },
    },
  ];
}

/** Registers the dialogs and the actions of issue 14's screens (once, from registerActionModals). */
export function registerGatewayMoreActions(): void {
  registerModal(GM_MODALS.propose, ProposeModal);
  registerModal(GM_MODALS.choose, ChooseModal);
  registerModal(GM_MODALS.form, FormModal);
  registerModal(GM_MODALS.export, ExportModal);
  registerModal(GM_MODALS.import, ImportModal);
  registerModal(GM_MODALS.assetExport, AssetExportModal);
  registerActions('domains', as(domainActions()));
  registerActions('certificates', as(certificateActions()));
  registerActions('backends', as(backendActions()));
  registerActions('quotas', as(quotaActions()));
  registerActions('integration-apps', as(integrationAppActions()));
  registerActions('features', as(featureActions()));
  registerActions('dictionaries', as(dictionaryActions()));
  registerActions('groups', as(groupActions()));
  registerActions('assets', as(assetActions()));
  registerActions('apps', as(appCodeActions()));
  registerActions('integration-apps', as(memberActions()));
}
