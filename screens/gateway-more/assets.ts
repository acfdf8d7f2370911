// Assets (section 3.2): there is no asset list in the API; the assets of an integration application are
// what it owns. This view lists the applications with what they own; E exports one as a package, I imports
// a package (zip) into one, D deletes what one owns.
import type { IntegrationApp } from '../../src/api/types/gateway-more.ts';
import { fields, str } from '../format.ts';
import { defineResource } from '../types.ts';

export interface AssetOwnerRow {
  app: IntegrationApp;
  backends: number;
}

export const assetsScreen = defineResource<AssetOwnerRow>({
  id: 'assets',
  title: 'Assets by integration application',
  aliases: ['asset'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'APPLICATION', minWidth: 16, get: (r) => r.app.name },
    {
      id: 'backends',
      title: 'BACKENDS',
      width: 9,
      align: 'right',
      get: (r) => String(r.backends),
      sortValue: (r) => r.backends,
    },
    { id: 'owner', title: 'OWNER', width: 5, get: (r) => (r.app.owner ? 'yes' : 'no') },
    { id: 'remark', title: 'REMARK', minWidth: 12, get: (r) => str(r.app.remark) },
  ],
  idOf: (r) => r.app.id,
  nameOf: (r) => r.app.name,
  async list({ client, instanceId, signal }) {
    const inst = client.instance(instanceId as string);
    const [apps, backends] = await Promise.all([
      inst.integrationApps.listAll({}, { signal }),
      inst.livedata.listAll({}, { signal }),
    ]);
    // counted in one pass: thousands of applications × thousands of backends under the scale seed
    const owned = new Map<string, number>();
    for (const b of backends)
      if (b.roma_app_id) owned.set(b.roma_app_id, (owned.get(b.roma_app_id) ?? 0) + 1);
    return apps.map((app) => ({ app, backends: owned.get(app.id) ?? 0 }));
  },
  summary: (r) => [
    {
      title: 'Assets',
      blocks: [
        fields(['application', r.app.name], ['id', r.app.id], ['custom backends', r.backends]),
        {
          kind: 'text',
          text: 'E exports the application as an asset package (a zip) to a file; I imports a package into it; D deletes its assets (groups with their APIs, custom backends).',
        },
      ],
    },
  ],
});
