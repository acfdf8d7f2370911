// After a change whose answer could not be read, the objects it touched are read again: one line per
// object saying what is true now, for the result pane and the audit log. A read that fails says so;
// nothing here writes.
import { toActionError } from './errors.ts';
import { mutationKind } from './mutation-kinds.ts';
import { POLICY_KINDS } from './policy-kinds.ts';
import type { ReadBackPort } from './port.ts';
import type { ApiRef, EnvRef, MutationAction, PolicyKind, PolicyRef } from './types.ts';

const nounOf = (kind: PolicyKind): string => POLICY_KINDS[kind].noun;

async function line(what: string, read: () => Promise<string>): Promise<string> {
  try {
    return await read();
  } catch (err) {
    const e = toActionError(err);
    return `${what}: could not re-read (${e.code} ${e.message}); refresh with r`;
  }
}

export function publication(port: ReadBackPort, api: ApiRef, env: EnvRef): Promise<string> {
  return line(`${api.name} in ${env.name}`, async () => {
    const pub = (await port.publications(api.id)).find((p) => p.env.id === env.id);
    return pub
      ? `${api.name} is published in ${env.name} (publish id ${pub.publishId})`
      : `${api.name} is not published in ${env.name}`;
  });
}

export function versionInEffect(port: ReadBackPort, api: ApiRef, env: EnvRef): Promise<string> {
  return line(`${api.name} in ${env.name}`, async () => {
    const v = (await port.versions(api.id, env.id)).find((x) => x.inEffect);
    return v
      ? `${api.name} in ${env.name}: version ${v.versionNo} is in effect`
      : `${api.name} in ${env.name}: no version is in effect (not published)`;
  });
}

export function binding(port: ReadBackPort, policy: PolicyRef, api: ApiRef, env: EnvRef): Promise<string> {
  const where = `${api.name} in ${env.name}`;
  return line(where, async () => {
    const bound = await port.boundPolicies(policy.kind, api.id, env.id);
    const mine = bound.find((b) => b.policyId === policy.id);
    if (mine) return `${where} is bound to ${nounOf(policy.kind)} ${policy.name} (binding ${mine.bindingId})`;
    const others = bound.map((b) => b.policyName).join(', ');
    return `${where} is not bound to ${policy.name}${others ? ` (bound: ${others})` : ''}`;
  });
}

export function authorization(
  port: ReadBackPort,
  app: { id: string; name: string },
  api: ApiRef,
  env: EnvRef,
): Promise<string> {
  const what = `${app.name} → ${api.name} in ${env.name}`;
  return line(what, async () => {
    const auth = (await port.authorizations(app.id, env.id)).find((a) => a.apiId === api.id);
    return auth ? `${what}: authorized (${auth.authId})` : `${what}: not authorized`;
  });
}

/** Re-reads what `action` touched; one line per object, in the action's order. */
export function readBack(reads: ReadBackPort, action: MutationAction): Promise<string[]> {
  // one listing per APP and environment, however many APIs an authorization named
  const authsOf = new Map<string, ReturnType<ReadBackPort['authorizations']>>();
  const port: ReadBackPort = {
    ...reads,
    authorizations(appId, envId) {
      const key = `${appId}\u0000${envId}`;
      let p = authsOf.get(key);
      if (!p) authsOf.set(key, (p = reads.authorizations(appId, envId)));
      return p;
    },
  };
  return mutationKind(action).reread(port, action);
}
