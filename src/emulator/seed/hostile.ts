// The hostile seed: the demo data with names, remarks, mock bodies and identities replaced by strings from
// HOSTILE_STRINGS (control sequences, bidi, huge widths…), to prove the dashboard renders them inert.
// Ids, paths and relations are untouched so every route still works.
import { HOSTILE_STRINGS } from '../hostile-strings.ts';
import type { EmulatorState } from '../state.ts';
import { seedDemo, type SeedOptions } from './demo.ts';

export function seedHostile(state: EmulatorState, o: SeedOptions): string[] {
  const ids = seedDemo(state, o);
  let i = 0;
  const next = (): string => HOSTILE_STRINGS[i++ % HOSTILE_STRINGS.length] ?? '';
  for (const inst of state.instances.values()) {
    inst.name = inst.instance_name = next();
    inst.description = next();
  }
  for (const store of state.stores.values()) {
    const d = store.data;
    for (const g of d.groups.values()) [g.name, g.remark] = [next(), next()];
    for (const a of d.apis.values()) {
      a.name = next();
      a.remark = next();
      a.result_normal_sample = next();
      for (const p of a.req_params) if (p.location === 'HEADER') p.name = next();
      if (a.mock_info) a.mock_info.result_content = next();
    }
    for (const v of d.versions.values()) v.remark = next();
    for (const e of d.envs.values()) e.remark = next();
    for (const t of d.throttles.values()) [t.name, t.remark] = [next(), next()];
    for (const s of d.signs.values()) s.name = next();
    for (const a of d.acls.values()) a.acl_name = next();
    for (const a of d.apps.values()) [a.name, a.remark] = [next(), next()];
    for (const v of d.vpcChannels.values()) v.name = next();
    for (const a of d.authorizers.values()) a.name = next();
    for (const v of d.envVariables.values()) v.variable_value = next();
  }
  return ids;
}
