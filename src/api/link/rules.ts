// 6.5 rule engine: rules, their source and destination data sources, and the rule test.
import { deleteAt, getObject, lister, send, seg, type Lister, type Scope } from '../resource.ts';
import type { CallOptions } from '../types/common.ts';
import type {
  LinkPageQuery,
  Rule,
  RuleBatchItem,
  RuleCreate,
  RuleDestination,
  RuleDestinationCreate,
  RuleQuery,
  RuleSource,
  RuleSourceCreate,
  RuleTestRequest,
  RuleTestResult,
} from '../types/link.ts';
import { normalizeLink, sendForArray } from './base.ts';
import * as S from './schemas.ts';

export interface RuleDestinationsClient extends Lister<RuleDestination, LinkPageQuery> {
  /** 6.5.8 (201) */
  add(req: RuleDestinationCreate, opts?: CallOptions): Promise<RuleDestination>;
  /** 6.5.10 */
  remove(destinationId: number, opts?: CallOptions): Promise<void>;
}

export interface RuleSourcesClient extends Lister<RuleSource, LinkPageQuery> {
  /** 6.5.11 (201) */
  add(req: RuleSourceCreate, opts?: CallOptions): Promise<RuleSource>;
  /** 6.5.13 */
  remove(sourceId: number, opts?: CallOptions): Promise<void>;
}

export interface RulesClient extends Lister<Rule, RuleQuery> {
  /** 6.5.1 (200 "Created") */
  create(req: RuleCreate, opts?: CallOptions): Promise<Rule>;
  /** 6.5.3: one `{id, ret_status}` per rule (table: `{resources: [...]}`, example: a bare array). */
  batchDelete(ruleIds: number[], opts?: CallOptions): Promise<RuleBatchItem[]>;
  /** 6.5.4 */
  test(req: RuleTestRequest, opts?: CallOptions): Promise<RuleTestResult>;
  /** 6.5.5 */
  remove(ruleId: number, opts?: CallOptions): Promise<void>;
  /** 6.5.6 */
  get(ruleId: number, opts?: CallOptions): Promise<Rule>;
  /** 6.5.7 */
  update(ruleId: number, req: Partial<RuleCreate>, opts?: CallOptions): Promise<Rule>;
  destinations(ruleId: number): RuleDestinationsClient;
  sources(ruleId: number): RuleSourcesClient;
}

export function rulesClient(scope: Scope): RulesClient {
  const one = (id: number) => `/rules/${seg(String(id))}`;
  return {
    ...lister<Rule, RuleQuery>(scope, '/rules', 'items', S.rule, normalizeLink),
    create: (req, opts) =>
      send(scope, {
        method: 'POST',
        path: '/rules',
        body: req,
        schema: S.rule,
        norm: normalizeLink,
        ...opts,
      }),
    batchDelete: (ids, opts) =>
      sendForArray<RuleBatchItem>(
        scope,
        'POST',
        '/rules/batch-delete',
        { resources: ids },
        S.ruleBatchItem,
        opts,
        'resources',
      ),
    async test(req, opts) {
      const r = await send<RuleTestResult | undefined>(scope, {
        method: 'POST',
        path: '/rule-test',
        body: req,
        schema: S.ruleTest,
        // the rule run on sample data: nothing is stored (6.5.4)
        changesNothing: true,
        ...opts,
      });
      return r ?? {};
    },
    remove: (id, opts) => deleteAt(scope, one(id), opts),
    get: (id, opts) => getObject(scope, { path: one(id), schema: S.rule, norm: normalizeLink, ...opts }),
    update: (id, req, opts) =>
      send(scope, { method: 'PUT', path: one(id), body: req, schema: S.rule, norm: normalizeLink, ...opts }),
    destinations: (rid) => ({
      ...lister<RuleDestination, LinkPageQuery>(
        scope,
        `${one(rid)}/destinations`,
        'items',
        S.ruleDestination,
        normalizeLink,
      ),
      add: (req, opts) =>
        send(scope, {
          method: 'POST',
          path: `${one(rid)}/destinations`,
          body: req,
          schema: S.ruleDestination,
          norm: normalizeLink,
          ...opts,
        }),
      remove: (did, opts) => deleteAt(scope, `${one(rid)}/destinations/${seg(String(did))}`, opts),
    }),
    sources: (rid) => ({
      ...lister<RuleSource, LinkPageQuery>(
        scope,
        `${one(rid)}/sources`,
        'items',
        S.ruleSource,
        normalizeLink,
      ),
      add: (req, opts) =>
        send(scope, {
          method: 'POST',
          path: `${one(rid)}/sources`,
          body: req,
          schema: S.ruleSource,
          norm: normalizeLink,
          ...opts,
        }),
      remove: (sid, opts) => deleteAt(scope, `${one(rid)}/sources/${seg(String(sid))}`, opts),
    }),
  };
}
