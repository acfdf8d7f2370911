// Issue 14's families at scale (seed `scale:N`), so their lists run to thousands of rows: integration
// applications (N/5, with members among 40 users), custom backends (N/4, every state, data and function),
// client quotas (N/10), dictionaries (N/10 top-level, two children each) and, in every group, the
// per-group maximum of 5 domains (APIG.3108), four of them with a certificate expiring between 30 days ago
// and 400 days ahead. Built in one pass with cheap records; the caller's PRNG keeps it deterministic.
import type { LdApi, RomaApp } from '../model-more.ts';
import { isoSeconds, type InstanceStore } from '../state.ts';
import { SEED_EPOCH_MS, type Rng } from './build.ts';

const DAY = 86_400_000;
export const DOMAINS_PER_GROUP = 5;

export interface ScaleCounts {
  apps: number;
  backends: number;
  quotas: number;
  dictionaries: number;
}

export function scaleCounts(n: number): ScaleCounts {
  return {
    apps: Math.max(20, Math.ceil(n / 5)),
    backends: Math.max(20, Math.ceil(n / 4)),
    quotas: Math.max(10, Math.ceil(n / 10)),
    dictionaries: Math.max(10, Math.ceil(n / 10)),
  };
}

const pad = (i: number) => String(i).padStart(6, '0');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const UNITS = ['SECOND', 'MINUTE', 'HOURE', 'DAY'];

export function seedGatewayMoreScale(
  rng: Rng,
  store: InstanceStore,
  instanceId: string,
  n: number,
  nowMs: number,
): void {
  const d = store.data;
  const c = scaleCounts(n);
  const t = (daysAgo: number) => isoSeconds(SEED_EPOCH_MS - daysAgo * DAY);

  const users = Array.from({ length: 40 }, (_, i) => ({
    id: rng.hex(32),
    name: `scale_user_${String(i).padStart(2, '0')}`,
    enabled: i % 10 !== 9,
  }));
  for (const u of users) d.romaUsers.set(u.id, u);
  const me = { user_id: users[0]!.id, user_name: users[0]!.name };

  const apps: RomaApp[] = [];
  for (let i = 0; i < c.apps; i++) {
    const app: RomaApp = {
      id: rng.uuid(),
      name: `scale_app_${pad(i)}`,
      remark: `Generated application #${i}`,
      key: rng.hex(16),
      secret: rng.hex(16),
      roles: ['read, access, delete, modify, admin'],
      create_time: t(400 - (i % 300)),
      update_time: t(i % 60),
      owner: i % 4 !== 3,
      favorite: i % 25 === 0,
      created_user: me,
      last_updated_user: me,
      members: [users[1 + (i % 30)]!.id, users[2 + (i % 30)]!.id],
    };
    apps.push(app);
    d.romaApps.set(app.id, app);
  }

  const dsIds = ['mysql', 'postgresql', 'oracle'].map((type, i) => {
    const id = rng.hex(32);
    d.dataSources.set(id, {
      id,
      name: `scale_${type}`,
      type,
      description: `Scale data source (${type})`,
      url: `jdbc:${type}://10.9.0.${i + 1}/scale`,
      user: 'scale_reader',
      status: 'new',
      app_id: apps[i]!.id,
      created_time: t(300),
      modified_time: t(100),
    });
    return { id, type, app: i };
  });

  const fn = b64('function execute(data) {\n  return { n: Number(data.n || 0) + 1 };\n}');
  for (let i = 0; i < c.backends; i++) {
    const data = i % 3 === 0;
    const ds = dsIds[i % dsIds.length]!;
    const app = data ? apps[ds.app]! : apps[i % apps.length]!;
    const status = [1, 3, 4][i % 3]!;
    const api: LdApi = {
      id: rng.hex(32),
      name: `scale_backend_${pad(i)}`,
      path: `/scale/backends/${i}`,
      method: ['GET', 'POST', 'PUT', 'DELETE'][i % 4]!,
      description: `Generated custom backend #${i}`,
      version: '1.0.0',
      content_type: 'json',
      roma_app_id: app.id,
      roma_app_name: app.name,
      return_format: false,
      parameters: [{ name: 'n', in: 'Parameters', default: String(i), description: '', required: false }],
      instance: instanceId,
      type: status === 1 ? '' : data ? 'data' : 'function',
      status,
      created_time: t(200 - (i % 150)),
      modified_time: t(i % 90),
      scripts:
        status === 1
          ? []
          : [
              {
                content: data ? b64(`SELECT * FROM t${i} WHERE id = \${n}`) : fn,
                type: 'SQL',
                created_time: t(100),
                modified_time: t(10),
                enable_result_paging: false,
                enable_prepar_estatement: false,
                ...(data
                  ? { ds_id: ds.id, ds_name: `scale_${ds.type}`, ds_type: ds.type, object_name: 'rows' }
                  : {}),
              },
            ],
    };
    d.ldApis.set(api.id, api);
  }

  for (let i = 0; i < c.quotas; i++) {
    const id = rng.hex(32);
    d.appQuotas.set(id, {
      id,
      name: `scale_quota_${pad(i)}`,
      call_limits: 100 * (1 + (i % 500)),
      time_unit: UNITS[i % UNITS.length]!,
      time_interval: 1 + (i % 5),
      remark: `Generated client quota #${i}`,
      reset_time: '2024-05-07 00:00:00',
      create_time: t(i % 200),
    });
  }

  const dict = (name: string, code: string, parent: string, order: number) => {
    const id = rng.hex(32);
    d.dictionaries.set(id, {
      id,
      name,
      code,
      parent_code: parent,
      remark: '',
      extend_one: '',
      extend_two: '',
      type: 'user',
      order,
      create_time: t(365),
      update_time: t(order % 100),
    });
  };
  for (let i = 0; i < c.dictionaries; i++) {
    const code = `SCALE_${pad(i)}`;
    dict(`Scale dictionary ${pad(i)}`, code, '', i);
    dict(`Scale entry ${pad(i)} A`, `${code}_A`, code, 1);
    dict(`Scale entry ${pad(i)} B`, `${code}_B`, code, 2);
  }

  let k = 0;
  for (const g of d.groups.values()) {
    for (let j = 0; j < DOMAINS_PER_GROUP; j++, k++) {
      const domain = `d${j}.${g.name.replace(/_/g, '-')}.scale.example.com`;
      const domainId = rng.hex(32);
      let sslId = '';
      let sslName = '';
      if (j < DOMAINS_PER_GROUP - 1) {
        sslId = rng.hex(32);
        sslName = `scale_cert_${k}`;
        const days = -30 + ((k * 37) % 431);
        d.certificates.set(sslId, {
          id: sslId,
          name: sslName,
          group_id: g.id,
          domain_id: domainId,
          common_name: domain,
          san: [domain],
          version: '3',
          organization: ['Scale Ltd'],
          organizational_unit: ['Load'],
          locality: ['Shenzhen'],
          state: ['Guangdong'],
          country: ['CN'],
          not_before: isoSeconds(nowMs - 365 * DAY),
          not_after: isoSeconds(nowMs + days * DAY),
          serial_number: String(1_000_000 + k),
          issuer: ['Scale CA'],
          signature_algorithm: 'SHA256-RSA',
          create_time: t(60),
        });
      }
      g.url_domains.push({
        id: domainId,
        domain,
        cname_status: 3,
        ssl_id: sslId,
        ssl_name: sslName,
        min_ssl_version: j % 2 ? 'TLSv1.1' : 'TLSv1.2',
      });
    }
  }
}
