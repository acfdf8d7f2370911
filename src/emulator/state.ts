// In-memory emulator state: instances and, per instance, its APIC resources. Optionally persisted as JSON
// (state-saver.ts: debounced, asynchronous, atomic temp file + rename, 0600).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import {
  INSTANCE_COLLECTIONS,
  emptyInstanceData,
  type InstanceData,
  type Instance,
  type Publication,
} from './model.ts';

/** One instance's data plus the indexes the routes need to stay O(page) on large seeds. */
export class InstanceStore {
  readonly data: InstanceData;
  /** api_id → env_id → publish_id */
  private readonly pubsByApi = new Map<string, Map<string, string>>();

  constructor(data: InstanceData = emptyInstanceData()) {
    this.data = data;
    for (const p of data.publications.values()) this.indexPublication(p);
  }

  private indexPublication(p: Publication): void {
    let m = this.pubsByApi.get(p.api_id);
    if (!m) this.pubsByApi.set(p.api_id, (m = new Map()));
    m.set(p.env_id, p.publish_id);
  }

  addPublication(p: Publication): void {
    this.data.publications.set(p.publish_id, p);
    this.indexPublication(p);
  }

  removePublication(publishId: string): Publication | undefined {
    const p = this.data.publications.get(publishId);
    if (!p) return undefined;
    this.data.publications.delete(publishId);
    this.pubsByApi.get(p.api_id)?.delete(p.env_id);
    return p;
  }

  publicationOf(apiId: string, envId: string): Publication | undefined {
    const id = this.pubsByApi.get(apiId)?.get(envId);
    return id === undefined ? undefined : this.data.publications.get(id);
  }

  /** Publications of one API, in publication order. */
  publicationsOfApi(apiId: string): Publication[] {
    const m = this.pubsByApi.get(apiId);
    if (!m) return [];
    const out: Publication[] = [];
    for (const id of m.values()) {
      const p = this.data.publications.get(id);
      if (p) out.push(p);
    }
    return out;
  }
}

export interface EmulatorState {
  projectId: string;
  instances: Map<string, Instance>;
  stores: Map<string, InstanceStore>;
}

export function createState(projectId: string): EmulatorState {
  return { projectId, instances: new Map(), stores: new Map() };
}

let idSource: () => string = () => randomBytes(16).toString('hex');

export function newId(): string {
  return idSource();
}

/** Runs a synchronous block (a seed) with deterministic ids; the normal random source is restored after. */
export function withIdSource<T>(gen: () => string, fn: () => T): T {
  const prev = idSource;
  idSource = gen;
  try {
    return fn();
  } finally {
    idSource = prev;
  }
}

/** RFC 3339 UTC with a `Z`, whole seconds, as list/detail responses show them (C4). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

interface PersistedState {
  format: 'roma-dash-emulator-state/1';
  projectId: string;
  instances: Instance[];
  stores: Record<string, Record<string, unknown[]>>;
}

export function serializeState(s: EmulatorState): string {
  const stores: PersistedState['stores'] = {};
  for (const [id, st] of s.stores) {
    const rec: Record<string, unknown[]> = {};
    for (const k of INSTANCE_COLLECTIONS) rec[k] = [...st.data[k].values()];
    stores[id] = rec;
  }
  const out: PersistedState = {
    format: 'roma-dash-emulator-state/1',
    projectId: s.projectId,
    instances: [...s.instances.values()],
    stores,
  };
  return JSON.stringify(out);
}

export function deserializeState(text: string): EmulatorState {
  const raw = JSON.parse(text) as Partial<PersistedState>;
  if (raw.format !== 'roma-dash-emulator-state/1' || typeof raw.projectId !== 'string') {
    throw new Error('not a roma-dash emulator state file');
  }
  const s = createState(raw.projectId);
  for (const inst of raw.instances ?? []) s.instances.set(inst.id, inst);
  for (const [instId, rec] of Object.entries(raw.stores ?? {})) {
    const data = emptyInstanceData();
    for (const k of INSTANCE_COLLECTIONS) {
      const m = data[k] as Map<string, unknown>;
      for (const item of rec[k] ?? []) {
        const o = item as { id?: string; publish_id?: string; version_id?: string };
        const key = k === 'publications' ? o.publish_id : k === 'versions' ? o.version_id : o.id;
        if (typeof key === 'string') m.set(key, item);
      }
    }
    s.stores.set(instId, new InstanceStore(data));
  }
  return s;
}

export function loadStateFile(path: string): EmulatorState | undefined {
  if (!existsSync(path)) return undefined;
  return deserializeState(readFileSync(path, 'utf8'));
}
