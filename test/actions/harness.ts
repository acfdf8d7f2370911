// Shared set-up for the action tests: a real emulator on loopback, the real client over HTTP, the
// mutations store on top, and an audit log in a temp directory.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRomaClient, type RomaClient } from '../../src/api/client.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import type { InstanceStore } from '../../src/emulator/state.ts';
import { createAuditLog } from '../../src/actions/audit.ts';
import { clientPort, createRequestIdTap } from '../../src/actions/client-port.ts';
import type { MutationAction } from '../../src/actions/types.ts';
import { createMutationStore, type MutationStore } from '../../src/store/mutations.ts';

export interface Rig {
  em: EmulatorHandle;
  client: RomaClient;
  instanceId: string;
  db: InstanceStore;
  mutations: MutationStore;
  auditPath: string;
  changed: MutationAction[];
  auditLines(): Promise<Array<Record<string, unknown>>>;
  writes(): number;
}

export async function startRig(opts: { readOnly?: boolean } = {}): Promise<Rig> {
  const em = await startEmulator({ seed: 'demo' });
  const tap = createRequestIdTap();
  const client = createRomaClient({
    endpoint: em.endpoint,
    projectId: em.projectId,
    auth: akskProvider({ ak: em.ak, sk: em.sk, projectId: em.projectId }),
    readOnly: opts.readOnly ?? false,
    retry: { limit: 3, baseMs: 1 },
    onRequest: tap.onRequest,
  });
  const instanceId = em.instances[0] ?? '';
  const db = em.state.stores.get(instanceId);
  if (!db) throw new Error('emulator has no store for its first instance');
  const dir = await mkdtemp(join(tmpdir(), 'roma-actions-'));
  const auditPath = join(dir, 'roma-dash', 'audit.log');
  const changed: MutationAction[] = [];
  const mutations = createMutationStore({
    port: clientPort(client.instance(instanceId), tap),
    readOnly: opts.readOnly ?? false,
    identity: { who: 'tester', profile: 'test', instance: instanceId },
    audit: createAuditLog({ path: auditPath, secrets: [em.sk] }),
    onChanged: (a) => changed.push(a),
  });
  return {
    em,
    client,
    instanceId,
    db,
    mutations,
    auditPath,
    changed,
    async auditLines() {
      const text = await readFile(auditPath, 'utf8').catch(() => '');
      return text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    writes() {
      const m = em.stats.byMethod;
      return (m.POST ?? 0) + (m.PUT ?? 0) + (m.DELETE ?? 0);
    },
  };
}

/** Proposes and confirms in one go (what the user does with `y`). */
export async function run(rig: Rig, action: MutationAction) {
  const { actions } = rig.mutations.getState();
  actions.propose(action);
  const outcome = await actions.confirm();
  actions.dismiss();
  if (!outcome)
    throw new Error(`action ${action.kind} was not run (phase ${rig.mutations.getState().phase})`);
  return outcome;
}

export const RELEASE = { id: 'DEFAULT_ENVIRONMENT_RELEASE_ID', name: 'RELEASE' };

export function envRef(db: InstanceStore, name: string): { id: string; name: string } {
  for (const e of db.data.envs.values()) if (e.name === name) return { id: e.id, name: e.name };
  throw new Error(`no env ${name}`);
}

/** APIs not published in `envId`, in store order. */
export function unpublishedIn(
  db: InstanceStore,
  envId: string,
  n: number,
): Array<{ id: string; name: string }> {
  const out: Array<{ id: string; name: string }> = [];
  for (const a of db.data.apis.values()) {
    if (!db.publicationOf(a.id, envId)) out.push({ id: a.id, name: a.name });
    if (out.length === n) break;
  }
  return out;
}

/** Publications in `envId` without a binding of the given collection. */
export function freePublications(
  db: InstanceStore,
  envId: string,
  bindings: 'throttleBindings' | 'signBindings' | 'aclBindings',
  n: number,
): Array<{ publishId: string; api: { id: string; name: string }; env: { id: string; name: string } }> {
  const taken = new Set([...db.data[bindings].values()].map((b) => b.publish_id));
  const out = [];
  for (const p of db.data.publications.values()) {
    if (p.env_id !== envId || taken.has(p.publish_id)) continue;
    const api = db.data.apis.get(p.api_id);
    const env = db.data.envs.get(p.env_id);
    if (!api || !env) continue;
    out.push({
      publishId: p.publish_id,
      api: { id: api.id, name: api.name },
      env: { id: env.id, name: env.name },
    });
    if (out.length === n) break;
  }
  return out;
}
