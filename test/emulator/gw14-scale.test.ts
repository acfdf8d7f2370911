// Issue 14's families under the scale seed: each screen's fetcher lists thousands of rows page by page
// over HTTP (several pages each, every row once), and a small page size walks the same rows.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRomaClient, type RequestEvent, type RomaClient } from '../../src/api/client.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { DOMAINS_PER_GROUP, scaleCounts } from '../../src/emulator/seed/gateway-more-scale.ts';
import type { InstanceStore } from '../../src/emulator/state.ts';
import { assetsScreen } from '../../screens/gateway-more/assets.ts';
import { backendsScreen } from '../../screens/gateway-more/backends.ts';
import { dictionariesScreen } from '../../screens/gateway-more/dictionaries.ts';
import { certificatesScreen, domainsScreen } from '../../screens/gateway-more/domains.ts';
import { integrationAppsScreen } from '../../screens/gateway-more/integration-apps.ts';
import { quotasScreen } from '../../screens/gateway-more/quotas.ts';
import type { ResourceDescriptor } from '../../screens/types.ts';

const N = 10_000;
let em: EmulatorHandle;
let client: RomaClient;
let db: InstanceStore;
const requests: RequestEvent[] = [];

before(async () => {
  em = await startEmulator({ seed: { scale: N } });
  client = createRomaClient({
    endpoint: em.endpoint,
    projectId: em.projectId,
    auth: akskProvider({ ak: em.ak, sk: em.sk, projectId: em.projectId }),
    instanceIds: em.instances,
    onRequest: (e) => void requests.push(e),
  });
  db = em.state.stores.get(em.instances[0] as string)!;
});
after(() => em.close());

async function listed(
  d: ResourceDescriptor,
): Promise<{ rows: unknown[]; pages: number; warnings: string[] }> {
  requests.length = 0;
  const warnings: string[] = [];
  const rows = await d.list({
    client,
    instanceId: em.instances[0] as string,
    params: {},
    signal: new AbortController().signal,
    warn: (w) => void warnings.push(...w),
  });
  const ids = new Set(rows.map((r) => d.idOf(r)));
  assert.equal(ids.size, rows.length, `${d.id}: every row once`);
  return { rows, pages: requests.length, warnings };
}

describe(`issue 14 families under scale:${N}`, () => {
  const c = scaleCounts(N);
  it('counts are in the thousands', () => {
    assert.ok(c.apps >= 2000 && c.backends >= 2500 && c.quotas >= 1000 && c.dictionaries >= 1000);
  });
  for (const [d, expected, minPages] of [
    [integrationAppsScreen, () => db.data.romaApps.size, 4],
    [backendsScreen, () => db.data.ldApis.size, 5],
    [quotasScreen, () => db.data.appQuotas.size, 2],
    [dictionariesScreen, () => c.dictionaries, 2],
  ] as const) {
    it(`${d.id}: every row, several pages`, async () => {
      const { rows, pages, warnings } = await listed(d);
      assert.equal(rows.length, expected());
      assert.ok(pages >= minPages, `${d.id}: ${pages} requests`);
      assert.deepEqual(warnings, []);
    });
  }
  it('assets: one row per application with its backends counted', async () => {
    const { rows } = await listed(assetsScreen);
    assert.equal(rows.length, db.data.romaApps.size);
    const total = (rows as Array<{ backends: number }>).reduce((s, r) => s + r.backends, 0);
    assert.equal(total, db.data.ldApis.size);
  });
  it('domains and certificates: the per-group maximum in every group, certificates read', async () => {
    const { rows } = await listed(domainsScreen);
    assert.equal(rows.length, db.data.groups.size * DOMAINS_PER_GROUP);
    const withCert = (rows as Array<{ cert?: { not_after?: string } }>).filter((r) => r.cert?.not_after);
    assert.equal(withCert.length, db.data.certificates.size);
    const certs = await listed(certificatesScreen);
    assert.equal(certs.rows.length, db.data.certificates.size);
  });
  it('a small page size walks the same applications', async () => {
    const inst = client.instance(em.instances[0] as string);
    requests.length = 0;
    const small = await inst.integrationApps.listAll({}, { pageSize: 97 });
    assert.equal(small.length, db.data.romaApps.size);
    assert.ok(requests.length >= Math.ceil(small.length / 97));
    assert.equal(new Set(small.map((a) => a.id)).size, small.length);
  });
});
