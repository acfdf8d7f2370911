// Confirmation texts: each names the object, the environment and the effect. Destructive actions
// (anything that stops serving, removes protection or access) require typing `y`.
import { POLICY_KINDS } from './policy-kinds.ts';
import type { MutationAction, PolicyKind } from './types.ts';

export interface Confirmation {
  title: string;
  /** One sentence: object, environment, effect. "API pay-callback stops serving in RELEASE". */
  effect: string;
  /** Extra lines: items of a batch, the steps of a replace. */
  details: string[];
  destructive: boolean;
}

const MAX_LISTED = 8;

function listNames(names: string[]): string[] {
  const shown = names.slice(0, MAX_LISTED).map((n) => `• ${n}`);
  if (names.length > MAX_LISTED) shown.push(`… and ${names.length - MAX_LISTED} more`);
  return shown;
}

/** "policy" → "policies", "key" → "keys", "API" → "APIs". */
export function pluralNoun(noun: string): string {
  return /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
}

function plural(n: number, one: string, many = pluralNoun(one)): string {
  return `${n} ${n === 1 ? one : many}`;
}

const nounOf = (kind: PolicyKind): string => POLICY_KINDS[kind].noun;

export function isDestructive(action: MutationAction): boolean {
  switch (action.kind) {
    case 'offline':
    case 'batch-offline':
    case 'offline-version':
    case 'unbind':
    case 'replace':
    case 'revoke':
    case 'switch-version': // replaces what is serving right now
    case 'delete':
      return true;
    default:
      return false;
  }
}

export function describeAction(action: MutationAction): Confirmation {
  const destructive = isDestructive(action);
  switch (action.kind) {
    case 'publish':
      return {
        title: 'Publish API',
        effect: `API ${action.api.name} starts serving its current definition in ${action.env.name}`,
        details: action.remark ? [`remark: ${action.remark}`] : [],
        destructive,
      };
    case 'offline':
      return {
        title: 'Take API offline',
        effect: `API ${action.api.name} stops serving in ${action.env.name}`,
        details: [],
        destructive,
      };
    case 'batch-publish':
      return {
        title: 'Publish APIs',
        effect: `${action.apis.length === 1 ? '1 API starts' : `${action.apis.length} APIs start`} serving in ${action.env.name}`,
        details: [
          ...listNames(action.apis.map((a) => a.name)),
          ...(action.remark ? [`remark: ${action.remark}`] : []),
        ],
        destructive,
      };
    case 'batch-offline':
      return {
        title: 'Take APIs offline',
        effect: `${action.apis.length === 1 ? '1 API stops' : `${action.apis.length} APIs stop`} serving in ${action.env.name}`,
        details: [
          ...listNames(action.apis.map((a) => a.name)),
          ...(action.skipped?.length
            ? [
                `left out, not published in ${action.env.name}: ${action.skipped.map((a) => a.name).join(', ')}`,
              ]
            : []),
        ],
        destructive,
      };
    case 'switch-version':
      return {
        title: 'Switch API version',
        effect: `API ${action.api.name} serves version ${action.version.versionNo} in ${action.env.name} (replaces the version in effect)`,
        details: [],
        destructive,
      };
    case 'offline-version':
      return {
        title: 'Take version offline',
        effect: `API ${action.api.name} stops serving in ${action.env.name} (version ${action.version.versionNo} taken offline)`,
        details: [],
        destructive,
      };
    case 'bind': {
      const noun = nounOf(action.policy.kind);
      const envs = [...new Set(action.targets.map((t) => t.env.name))].join(', ');
      return {
        title: `Bind ${noun}`,
        effect:
          action.targets.length === 1 && action.targets[0]
            ? `${cap(noun)} ${action.policy.name} applies to API ${action.targets[0].api.name} in ${action.targets[0].env.name}`
            : `${cap(noun)} ${action.policy.name} applies to ${plural(action.targets.length, 'API')} in ${envs}`,
        details: action.targets.length > 1 ? listNames(action.targets.map((t) => t.api.name)) : [],
        destructive,
      };
    }
    case 'unbind': {
      const first = action.bindings[0];
      if (action.bindings.length === 1 && first) {
        const noun = nounOf(first.policy.kind);
        return {
          title: `Unbind ${noun}`,
          effect: `${cap(noun)} ${first.policy.name} no longer applies to API ${first.api.name} in ${first.env.name}`,
          details: [],
          destructive,
        };
      }
      const kinds = [...new Set(action.bindings.map((b) => nounOf(b.policy.kind)))].join('/');
      return {
        title: `Unbind ${kinds}`,
        effect: `${plural(action.bindings.length, 'binding')} removed: the ${kinds} no longer applies to these APIs`,
        details: listNames(action.bindings.map((b) => `${b.policy.name} ✕ ${b.api.name} in ${b.env.name}`)),
        destructive,
      };
    }
    case 'replace': {
      const noun = nounOf(action.policy.kind);
      const old = action.current.map((b) => b.policy.name).join(', ');
      return {
        title: `Replace ${noun}`,
        effect: `API ${action.target.api.name} in ${action.target.env.name}: ${noun} ${old} is replaced by ${action.policy.name}`,
        details: [
          ...action.current.map((b, i) => `${i + 1}. unbind ${b.policy.name}`),
          `${action.current.length + 1}. bind ${action.policy.name}`,
          `Between the steps the API runs without this ${noun}.`,
        ],
        destructive,
      };
    }
    case 'authorize':
      return {
        title: 'Authorize apps',
        effect:
          action.apps.length === 1 && action.apis.length === 1 && action.apps[0] && action.apis[0]
            ? `App ${action.apps[0].name} may call API ${action.apis[0].name} in ${action.env.name}`
            : `${plural(action.apps.length, 'app')} may call ${plural(action.apis.length, 'API')} in ${action.env.name}`,
        details:
          action.apps.length * action.apis.length > 1
            ? listNames(action.apps.flatMap((app) => action.apis.map((api) => `${app.name} → ${api.name}`)))
            : [],
        destructive,
      };
    case 'revoke': {
      const first = action.auths[0];
      if (action.auths.length === 1 && first) {
        return {
          title: 'Revoke authorization',
          effect: `App ${first.app.name} can no longer call API ${first.api.name} in ${first.env.name}`,
          details: [],
          destructive,
        };
      }
      return {
        title: 'Revoke authorizations',
        effect: `${plural(action.auths.length, 'authorization')} revoked: these apps can no longer call these APIs`,
        details: listNames(action.auths.map((a) => `${a.app.name} → ${a.api.name} in ${a.env.name}`)),
        destructive,
      };
    }
    case 'delete': {
      const first = action.items[0];
      return {
        title: `Delete ${plural(action.items.length, action.noun).replace(/^1 /, '')}`,
        effect: action.effect,
        details:
          action.items.length === 1 && first
            ? [`id ${first.id}`]
            : listNames(action.items.map((i) => i.name)),
        destructive,
      };
    }
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Short one-line object/environment description for the audit log and status line. */
export function actionSubject(action: MutationAction): { object: string; env: string } {
  switch (action.kind) {
    case 'publish':
    case 'offline':
    case 'switch-version':
    case 'offline-version':
      return { object: `api:${action.api.name}(${action.api.id})`, env: action.env.name };
    case 'batch-publish':
    case 'batch-offline':
      return { object: `apis:${action.apis.map((a) => a.id).join(',')}`, env: action.env.name };
    case 'bind':
      return {
        object: `${action.policy.kind}:${action.policy.name}(${action.policy.id}) → ${action.targets.map((t) => t.api.id).join(',')}`,
        env: [...new Set(action.targets.map((t) => t.env.name))].join(','),
      };
    case 'unbind':
      return {
        object: `bindings:${action.bindings.map((b) => b.bindingId).join(',')}`,
        env: [...new Set(action.bindings.map((b) => b.env.name))].join(','),
      };
    case 'replace':
      return {
        object: `${action.policy.kind}:${action.policy.name}(${action.policy.id}) → api:${action.target.api.id}`,
        env: action.target.env.name,
      };
    case 'authorize':
      return {
        object: `apps:${action.apps.map((a) => a.id).join(',')} → apis:${action.apis.map((a) => a.id).join(',')}`,
        env: action.env.name,
      };
    case 'revoke':
      return {
        object: `auths:${action.auths.map((a) => a.authId).join(',')}`,
        env: [...new Set(action.auths.map((a) => a.env.name))].join(','),
      };
    case 'delete':
      return {
        object: `${action.resource}:${action.items.map((i) => `${i.name}(${i.id})`).join(',')}`,
        env: '-',
      };
  }
}
