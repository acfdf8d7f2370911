// LINK 6.5 rule engine: rules, sources (device/product topics) and destinations (MQS topics of this
// instance, or devices), a rule test that really evaluates the rule's SQL on the test data.
import type { RouteDef } from './common.ts';
import {
  PERMISSIONS,
  type DestinationRec,
  type LinkStore,
  type RuleRec,
  type SourceRec,
} from './link-store.ts';
import {
  bodyOf,
  created,
  fail,
  found,
  gone,
  int,
  intArray,
  invalid,
  linkPage,
  linkRoute,
  notFound,
  okBody,
  pathId,
  queryText,
  text,
  where,
  type Body,
  type LinkCtx,
} from './link-common.ts';

export function ruleExpress(r: Pick<RuleRec, 'sql_field' | 'sql_where' | 'data_parsing_status'>): string {
  if (r.data_parsing_status !== 0) return '';
  return `SELECT ${r.sql_field}${r.sql_where ? ` WHERE ${r.sql_where}` : ''}`;
}

export function ruleJson(link: LinkStore, r: RuleRec) {
  return {
    permissions: PERMISSIONS,
    rule_id: r.rule_id,
    name: r.name,
    app_id: r.app_id,
    app_name: link.apps.get(r.app_id) ?? '',
    description: r.description,
    status: r.status,
    data_parsing_status: r.data_parsing_status,
    sql_field: r.sql_field,
    sql_where: r.sql_where,
    rule_express: ruleExpress(r),
    created_user: link.user,
    last_updated_user: link.user,
    created_datetime: r.created,
    last_updated_datetime: r.updated,
  };
}

export function sourceJson(link: LinkStore, s: SourceRec) {
  return {
    source_id: s.source_id,
    product_id: s.product_id,
    ...(s.device_id !== null ? { device_id: s.device_id } : {}),
    topic: s.topic,
    device_name: s.device_id !== null ? (link.devices.get(s.device_id)?.device_name ?? '') : '',
    product_name: link.products.get(s.product_id)?.name ?? '',
    is_base64: s.is_base64,
    contain_device_info: s.contain_device_info,
  };
}

export function destinationJson(d: DestinationRec) {
  const { rule_id: _rule, password, ...rest } = d;
  return { ...rest, password: password ? '*****' : '' };
}

/** ROMA.00111605: parsing on ⇒ `sql_field` set; parsing off ⇒ both SQL parts empty. Then the SQL must parse. */
function checkSql(r: Pick<RuleRec, 'sql_field' | 'sql_where' | 'data_parsing_status'>): void {
  const msg =
    'Invalid data parsing parameter. If data parsing is enabled, the query field cannot be left blank. If data parsing is disabled, the query field and search criteria must be left blank.';
  if (r.data_parsing_status === 0 && !r.sql_field) throw fail('ROMA.00111605', msg);
  if (r.data_parsing_status === 1 && (r.sql_field || r.sql_where)) throw fail('ROMA.00111605', msg);
  if (r.data_parsing_status === 0) {
    try {
      parseRule(ruleExpress(r));
    } catch {
      throw fail(
        'ROMA.00111617',
        'Failed to parse the SQL statement. Enter a correct SQL field and try again.',
      );
    }
  }
}

interface Condition {
  field: string;
  op: string;
  value: string | number;
}

/** `SELECT a, b [FROM x] [WHERE c op v AND …]`: the subset of the rule SQL the emulator evaluates. */
export function parseRule(express: string): { fields: string[]; conditions: Condition[] } {
  const m = /^\s*SELECT\s+(.+?)(?:\s+FROM\s+\S+)?(?:\s+WHERE\s+(.+))?\s*$/i.exec(express);
  if (!m) throw new Error('not a SELECT');
  const fields = (m[1] as string).split(',').map((f) => f.trim());
  if (fields.some((f) => !/^(\*|[A-Za-z_][\w.]*)$/.test(f))) throw new Error('bad field');
  const conditions = (m[2] ? m[2].split(/\s+AND\s+/i) : []).map((c) => {
    const cm = /^\s*([A-Za-z_][\w.]*)\s*(>=|<=|!=|=|>|<)\s*('([^']*)'|-?\d+(?:\.\d+)?)\s*$/.exec(c);
    if (!cm) throw new Error('bad condition');
    return {
      field: cm[1] as string,
      op: cm[2] as string,
      value: cm[4] !== undefined ? cm[4] : Number(cm[3]),
    };
  });
  return { fields, conditions };
}

function pick(data: Record<string, unknown>, path: string): unknown {
  let v: unknown = data;
  for (const k of path.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

function holds(c: Condition, data: Record<string, unknown>): boolean {
  const v = pick(data, c.field);
  const a = typeof c.value === 'number' ? Number(v) : String(v ?? '');
  const b = c.value;
  switch (c.op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '<':
      return a < b;
    case '>=':
      return a >= b;
    default:
      return a <= b;
  }
}

/** 6.5.4: the rule applied to the test data; no match answers an empty result. */
export function testRule(express: string, testData: string): string {
  const rule = parseRule(express);
  const data = JSON.parse(testData) as unknown;
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new Error('test data must be a JSON object');
  const obj = data as Record<string, unknown>;
  if (!rule.conditions.every((c) => holds(c, obj))) return '';
  if (rule.fields.includes('*')) return JSON.stringify(obj);
  return JSON.stringify(
    Object.fromEntries(rule.fields.map((f) => [f.split('.').at(-1) as string, pick(obj, f) ?? null])),
  );
}

function ruleInput(ctx: LinkCtx, base?: RuleRec) {
  const b = bodyOf(ctx);
  const need = base === undefined;
  const status = int(b, 'status', { oneOf: [0, 1] });
  const parsing = int(b, 'data_parsing_status', { oneOf: [0, 1] });
  return {
    name:
      text(b, 'name', { required: need, min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ }) ??
      (base?.name as string),
    app_id: text(b, 'app_id', { required: need, max: 64 }) ?? (base?.app_id as string),
    description: text(b, 'description', { max: 200 }) ?? base?.description ?? '',
    status: status ?? base?.status ?? 0,
    data_parsing_status: parsing ?? base?.data_parsing_status ?? 1,
    sql_field: text(b, 'sql_field', { max: 2000 }) ?? (need ? '' : (base?.sql_field ?? '')),
    sql_where: text(b, 'sql_where', { max: 2000 }) ?? (need ? '' : (base?.sql_where ?? '')),
  };
}

function checkRuleName(link: LinkStore, name: string, self?: number): void {
  for (const r of link.rules.values())
    if (r.name === name && r.rule_id !== self)
      throw fail(
        'ROMA.00111601',
        `The rule name ${name} already exists. Change the rule name and try again.`,
      );
}

function removeRule(link: LinkStore, id: number): void {
  link.rules.delete(id);
  for (const s of [...link.sources.values()]) if (s.rule_id === id) link.sources.delete(s.source_id);
  for (const d of [...link.destinations.values()])
    if (d.rule_id === id) link.destinations.delete(d.destination_id);
}

/** ROMA.00111612/00111613: the topic forms a source may use. */
function checkSourceTopic(link: LinkStore, productId: number, deviceId: number | null, topic: string): void {
  const serial = link.products.get(productId)?.product_serial ?? '';
  if (deviceId !== null) {
    const node = link.devices.get(deviceId)?.node_id ?? '';
    const ok = topic === `/v1/devices/${node}/datas` || topic.startsWith(`${serial}/out/${node}`);
    if (!ok)
      throw fail(
        'ROMA.00111612',
        `The device-level topic ${topic} at the source does not meet the "/v1/devices/device ID/datas" or "product serial number/out/device ID" rule.`,
      );
  } else {
    const ok = topic === `/v1/products/${serial}/datas` || topic.startsWith(`${serial}/out/+`);
    if (!ok)
      throw fail(
        'ROMA.00111613',
        `The product-level topic ${topic} at the source does not meet the "/v1/products/product serial number/datas" or "product serial number/out/+" rule.`,
      );
  }
}

function addSource(ctx: LinkCtx, rule: RuleRec, b: Body): SourceRec {
  const productId = int(b, 'product_id', { required: true, min: 1 }) as number;
  const deviceId = int(b, 'device_id', { min: 1 }) ?? null;
  const topic = text(b, 'topic', { required: true, max: 256 }) as string;
  const product = ctx.link.products.get(productId);
  if (!product)
    throw fail(
      'ROMA.00111602',
      'The product at the source does not exist. Select an existing product and try again.',
    );
  if (product.app_id !== rule.app_id)
    throw fail(
      'ROMA.00111627',
      'The application ID of the product is inconsistent with that of the rule. Enter a correct application ID.',
    );
  if (deviceId !== null) {
    const d = ctx.link.devices.get(deviceId);
    if (!d || d.product_id !== productId)
      throw fail(
        'ROMA.00111603',
        'The device at the source does not exist. Select an existing device and try again.',
      );
    if (d.app_id !== rule.app_id)
      throw fail(
        'ROMA.00111609',
        'The application ID of the device is inconsistent with that of the rule. Enter a correct application ID.',
      );
  }
  checkSourceTopic(ctx.link, productId, deviceId, topic);
  for (const s of ctx.link.sources.values())
    if (s.rule_id === rule.rule_id && s.topic === topic)
      throw fail(
        'ROMA.00111614',
        `The topic ${topic} at the source already exists. Check the topic and try again.`,
      );
  const s: SourceRec = {
    source_id: ctx.link.nextId(),
    rule_id: rule.rule_id,
    product_id: productId,
    device_id: deviceId,
    topic,
    is_base64: int(b, 'is_base64', { oneOf: [0, 1] }) ?? 1,
    contain_device_info: int(b, 'contain_device_info', { oneOf: [0, 1] }) ?? 1,
  };
  ctx.link.sources.set(s.source_id, s);
  return s;
}

const ADDRESS_RE = /^[0-9:.,]{10,200}$/;

function addDestination(ctx: LinkCtx, rule: RuleRec, b: Body): DestinationRec {
  const type = int(b, 'destination_type', { required: true, oneOf: [0, 7] }) as number;
  const d: DestinationRec = {
    destination_id: 0,
    rule_id: rule.rule_id,
    destination_type: type,
    app_id: text(b, 'app_id', { max: 64 }) ?? '',
    destination_name: text(b, 'destination_name', { max: 64 }) ?? '',
    topic: text(b, 'topic', { required: true, max: 200 }) as string,
    server: text(b, 'server', { max: 200 }) ?? '',
    token: text(b, 'token', { max: 200 }) ?? '',
    tag: text(b, 'tag', { max: 200 }) ?? '',
    mqs_sasl_ssl: b.mqs_sasl_ssl === true,
    user_name: text(b, 'user_name', { max: 64 }) ?? '',
    password: text(b, 'password', { max: 64 }) ?? '',
  };
  if (b.mqs_sasl_ssl !== undefined && typeof b.mqs_sasl_ssl !== 'boolean')
    throw invalid('mqs_sasl_ssl', 'must be true or false');
  if (type === 0) {
    if (!d.app_id || !d.server || !d.topic)
      throw fail(
        'ROMA.00111610',
        'When KAFKA or ROMA_MQS is chosen as destination, destination_type, app_id, server and topic must be filled in.',
      );
    if (!/^[A-Za-z0-9_-]{3,200}$/.test(d.topic))
      throw fail('ROMA.00111607', 'The topic must be 3 to 200 characters of digits, letters, _ and -.');
    if (!ADDRESS_RE.test(d.server))
      throw fail(
        'ROMA.00111608',
        'The connection address must be 10 to 200 characters of digits, :, . and ,.',
      );
    if (d.mqs_sasl_ssl && (!d.user_name || !d.password))
      throw fail(
        'ROMA.00111606',
        'When the destination supports SSL connections, mqs_sasl_ssl is true and the user name and password cannot be empty.',
      );
    if (!d.mqs_sasl_ssl && (d.user_name || d.password))
      throw fail(
        'ROMA.00111618',
        'When the destination does not use SSL, mqs_sasl_ssl is false and the user name and password must be empty.',
      );
    for (const o of ctx.link.destinations.values())
      if (o.rule_id === rule.rule_id)
        throw fail(
          'ROMA.00111615',
          'If the destination type is DEVICE, multiple destinations can be added. If not, only one destination can be added.',
        );
  } else {
    if (!d.server || !d.token || !d.tag)
      throw fail(
        'ROMA.00111620',
        'When the destination is DEVICE, destination_type, server, token, topic and tag must be filled in.',
      );
    for (const o of ctx.link.destinations.values())
      if (o.rule_id === rule.rule_id && o.destination_type !== 7)
        throw fail(
          'ROMA.00111615',
          'If the destination type is DEVICE, multiple destinations can be added. If not, only one destination can be added.',
        );
  }
  d.destination_id = ctx.link.nextId();
  ctx.link.destinations.set(d.destination_id, d);
  return d;
}

export function linkRuleRoutes(): RouteDef[] {
  const one = '/rules/{rule_id}';
  const rule = (ctx: LinkCtx) => found(ctx.link.rules, pathId(ctx, 'rule_id'));
  return [
    linkRoute('POST', '/rules', 'link-rules.save', (ctx) => {
      const input = ruleInput(ctx);
      checkRuleName(ctx.link, input.name);
      checkSql(input);
      const r: RuleRec = { rule_id: ctx.link.nextId(), ...input, created: ctx.nowMs, updated: ctx.nowMs };
      ctx.link.rules.set(r.rule_id, r);
      return okBody(ruleJson(ctx.link, r));
    }),
    linkRoute('GET', '/rules', 'link-rules.list', (ctx) => {
      const appId = queryText(ctx, 'app_id');
      const name = queryText(ctx, 'name');
      const items = where(
        ctx.link.rules.values(),
        (r) => (appId === undefined || r.app_id === appId) && (name === undefined || r.name.includes(name)),
      );
      return linkPage(ctx, items, (r) => ruleJson(ctx.link, r));
    }),
    // The table's `{ resources: [...] }` (strict), not the example's bare array.
    linkRoute('POST', '/rules/batch-delete', 'link-rules.batchDelete', (ctx) => {
      const ids = intArray(bodyOf(ctx), 'resources');
      const resources = ids.map((id) => {
        const ok = ctx.link.rules.has(id);
        if (ok) removeRule(ctx.link, id);
        return { id: String(id), ret_status: ok ? 'successful' : 'error' };
      });
      return okBody({ resources });
    }),
    linkRoute('POST', '/rule-test', 'link-rules.test', (ctx) => {
      const b = bodyOf(ctx);
      const express = text(b, 'test_rule_express', { required: true, max: 2000 }) as string;
      const data = text(b, 'test_data', { required: true, max: 10000 }) as string;
      try {
        return okBody({ test_result: testRule(express, data) });
      } catch (e) {
        if (e instanceof SyntaxError) throw invalid('test_data', 'must be a JSON object');
        throw fail(
          'ROMA.00111617',
          `Failed to parse the SQL statement: ${e instanceof Error ? e.message : 'invalid'}`,
        );
      }
    }),
    linkRoute('DELETE', one, 'link-rules.delete', (ctx) => {
      removeRule(ctx.link, rule(ctx).rule_id);
      return gone();
    }),
    linkRoute('GET', one, 'link-rules.detail', (ctx) => okBody(ruleJson(ctx.link, rule(ctx)))),
    linkRoute('PUT', one, 'link-rules.update', (ctx) => {
      const r = rule(ctx);
      const input = ruleInput(ctx, r);
      if (input.app_id !== r.app_id)
        throw fail(
          'ROMA.00111625',
          `Application ID: ${input.app_id} is not the same as the application ID of rule: ${r.name}`,
        );
      checkRuleName(ctx.link, input.name, r.rule_id);
      checkSql(input);
      Object.assign(r, input, { updated: ctx.nowMs });
      return okBody(ruleJson(ctx.link, r));
    }),
    linkRoute('POST', `${one}/destinations`, 'link-rules.addDestination', (ctx) =>
      created(destinationJson(addDestination(ctx, rule(ctx), bodyOf(ctx)))),
    ),
    linkRoute('GET', `${one}/destinations`, 'link-rules.destinations', (ctx) => {
      const r = rule(ctx);
      return linkPage(
        ctx,
        where(ctx.link.destinations.values(), (d) => d.rule_id === r.rule_id),
        destinationJson,
      );
    }),
    linkRoute('DELETE', `${one}/destinations/{destination_id}`, 'link-rules.deleteDestination', (ctx) => {
      const r = rule(ctx);
      const id = pathId(ctx, 'destination_id');
      if (ctx.link.destinations.get(id)?.rule_id !== r.rule_id) throw notFound(id);
      ctx.link.destinations.delete(id);
      return gone();
    }),
    linkRoute('POST', `${one}/sources`, 'link-rules.addSource', (ctx) =>
      created(sourceJson(ctx.link, addSource(ctx, rule(ctx), bodyOf(ctx)))),
    ),
    linkRoute('GET', `${one}/sources`, 'link-rules.sources', (ctx) => {
      const r = rule(ctx);
      return linkPage(
        ctx,
        where(ctx.link.sources.values(), (s) => s.rule_id === r.rule_id),
        (s) => sourceJson(ctx.link, s),
      );
    }),
    linkRoute('DELETE', `${one}/sources/{source_id}`, 'link-rules.deleteSource', (ctx) => {
      const r = rule(ctx);
      const id = pathId(ctx, 'source_id');
      if (ctx.link.sources.get(id)?.rule_id !== r.rule_id) throw notFound(id);
      ctx.link.sources.delete(id);
      return gone();
    }),
  ];
}
