// LINK 6.6 services: a product's (or template's) service model — properties, commands, and the
// request/response properties of commands. Names are unique within their owner (7.4.4).
import type { RouteDef } from './common.ts';
import type { CommandRec, LinkStore, PropertyRec, ServiceRec } from './link-store.ts';
import {
  bodyOf,
  created,
  fail,
  found,
  gone,
  int,
  invalid,
  linkPage,
  linkRoute,
  notFound,
  okBody,
  pathId,
  queryInt,
  queryText,
  text,
  where,
  type LinkCtx,
} from './link-common.ts';

const DATA_TYPES = ['number', 'string', 'integer', 'datetime', 'json'] as const;
const PROPERTY_NAME_RE = /^[A-Za-z][A-Za-z0-9_-]*$/;

export function serviceJson(s: ServiceRec) {
  return {
    ...(s.product_template_id !== null ? { product_template_id: s.product_template_id } : {}),
    ...(s.product_id !== null ? { product_id: s.product_id } : {}),
    service_id: s.service_id,
    service_name: s.service_name,
    description: s.description,
    status: s.status,
    created_datetime: s.created,
    last_updated_datetime: s.updated,
  };
}

export function propertyJson(p: PropertyRec) {
  const { owner: _owner, ...rest } = p;
  return rest;
}

export function commandJson(c: CommandRec) {
  return {
    service_id: c.service_id,
    command_id: c.command_id,
    command_name: c.command_name,
    description: c.description,
  };
}

function propertyInput(ctx: LinkCtx, base?: PropertyRec): Omit<PropertyRec, 'property_id' | 'owner'> {
  const b = bodyOf(ctx);
  const need = base === undefined;
  const dataType = text(b, 'data_type', { required: need }) ?? (base?.data_type as string);
  if (!(DATA_TYPES as readonly string[]).includes(dataType))
    throw invalid('data_type', `must be one of ${DATA_TYPES.join(', ')}`);
  const numeric = dataType === 'number' || dataType === 'integer';
  const num = (name: 'min' | 'max' | 'step', dflt: string) => {
    const v = b[name];
    if (v === undefined || v === null || v === '') return base?.[name] ?? dflt;
    const s = typeof v === 'number' ? String(v) : v;
    if (typeof s !== 'string' || !Number.isFinite(Number(s))) throw invalid(name, 'must be a number');
    return s;
  };
  const out = {
    property_name:
      text(b, 'property_name', { required: need, min: 2, max: 50, pattern: PROPERTY_NAME_RE }) ??
      (base?.property_name as string),
    description: text(b, 'description', { max: 200 }) ?? base?.description ?? '',
    data_type: dataType,
    required: int(b, 'required', { required: need, oneOf: [0, 1] }) ?? (base?.required as number),
    min: numeric ? num('min', '0') : '',
    max: numeric ? num('max', '65536') : '',
    step: numeric ? num('step', '1') : '',
    max_length: numeric ? 0 : (int(b, 'max_length', { min: 1, max: 2097152 }) ?? base?.max_length ?? 10),
    unit: text(b, 'unit', { max: 16 }) ?? base?.unit ?? '',
    enum_list: text(b, 'enum_list', { max: 1024 }) ?? base?.enum_list ?? '',
  };
  if (numeric && Number(out.min) > Number(out.max)) throw invalid('min', 'must not be greater than max');
  return out;
}

type PropMap = 'properties' | 'requests' | 'responses';
const DUP_CODES: Record<PropMap, [string, string]> = {
  properties: ['ROMA.00110407', 'The attribute name {0} already exists. Change the name and try again.'],
  requests: [
    'ROMA.00110403',
    'The command delivery field name {0} already exists. Change the name and try again.',
  ],
  responses: [
    'ROMA.00110405',
    'The command response field name {0} already exists. Change the name and try again.',
  ],
};

function checkPropName(link: LinkStore, map: PropMap, owner: number, name: string, self?: number): void {
  for (const p of link[map].values())
    if (p.owner === owner && p.property_name === name && p.property_id !== self) {
      const [code, msg] = DUP_CODES[map];
      throw fail(code, msg.replace('{0}', name));
    }
}

function createProp(ctx: LinkCtx, map: PropMap, owner: number): PropertyRec {
  const input = propertyInput(ctx);
  checkPropName(ctx.link, map, owner, input.property_name);
  const p: PropertyRec = { property_id: ctx.link.nextId(), owner, ...input };
  ctx.link[map].set(p.property_id, p);
  return p;
}

function propOf(ctx: LinkCtx, map: PropMap, owner: number): PropertyRec {
  const id = pathId(ctx, 'property_id');
  const p = ctx.link[map].get(id);
  if (!p || p.owner !== owner) throw notFound(id);
  return p;
}

function updateProp(ctx: LinkCtx, map: PropMap, owner: number): PropertyRec {
  const p = propOf(ctx, map, owner);
  const input = propertyInput(ctx, p);
  checkPropName(ctx.link, map, owner, input.property_name, p.property_id);
  Object.assign(p, input);
  return p;
}

function checkServiceName(
  link: LinkStore,
  s: Pick<ServiceRec, 'product_id' | 'product_template_id' | 'service_name'>,
  self?: number,
) {
  for (const o of link.services.values())
    if (
      o.service_id !== self &&
      o.service_name === s.service_name &&
      o.product_id === s.product_id &&
      o.product_template_id === s.product_template_id
    )
      throw fail(
        'ROMA.00110406',
        `The service name ${s.service_name} already exists. Change the name and try again.`,
      );
}

function removeCommand(link: LinkStore, id: number): void {
  link.commands.delete(id);
  for (const m of [link.requests, link.responses])
    for (const p of [...m.values()]) if (p.owner === id) m.delete(p.property_id);
}

export function linkServiceRoutes(): RouteDef[] {
  const one = '/services/{service_id}';
  const cmdPath = `${one}/commands/{command_id}`;
  const service = (ctx: LinkCtx) => found(ctx.link.services, pathId(ctx, 'service_id'));
  const command = (ctx: LinkCtx) => {
    const s = service(ctx);
    const id = pathId(ctx, 'command_id');
    const c = ctx.link.commands.get(id);
    if (!c || c.service_id !== s.service_id) throw notFound(id);
    return c;
  };
  const commandInput = (ctx: LinkCtx, base?: CommandRec) => {
    const b = bodyOf(ctx);
    return {
      command_name:
        text(b, 'name', { required: base === undefined, min: 2, max: 50, pattern: /^[A-Za-z0-9_-]+$/ }) ??
        (base?.command_name as string),
      description: text(b, 'description', { max: 200 }) ?? base?.description ?? '',
    };
  };
  const checkCommandName = (link: LinkStore, serviceId: number, name: string, self?: number) => {
    for (const c of link.commands.values())
      if (c.service_id === serviceId && c.command_name === name && c.command_id !== self)
        throw fail(
          'ROMA.00110401',
          `The command name ${name} already exists. Change the name and try again.`,
        );
  };
  return [
    linkRoute('POST', '/services', 'link-services.save', (ctx) => {
      const b = bodyOf(ctx);
      const productId = int(b, 'product_id', { min: 1 }) ?? null;
      const templateId = int(b, 'product_template_id', { min: 1 }) ?? null;
      if ((productId === null) === (templateId === null))
        throw invalid('product_id', 'exactly one of product_id and product_template_id is required');
      if (productId !== null && !ctx.link.products.has(productId))
        throw fail('ROMA.00110702', `The product with ID ${productId} does not exist.`);
      if (templateId !== null) {
        const t = ctx.link.templates.get(templateId);
        if (!t)
          throw fail(
            'ROMA.00110202',
            `The product template corresponding to the ID ${templateId} does not exist. Select an existing product template and try again.`,
          );
        if (t.status === 1)
          throw fail('ROMA.00110203', 'The product template is being disabled. Enable the template first.');
      }
      const s: ServiceRec = {
        service_id: 0,
        product_id: productId,
        product_template_id: templateId,
        service_name: text(b, 'service_name', { required: true, min: 2, max: 64, names: true }) as string,
        description: text(b, 'description', { max: 200 }) ?? '',
        status: int(b, 'status', { required: true, oneOf: [0, 1] }) as number,
        created: ctx.nowMs,
        updated: ctx.nowMs,
      };
      checkServiceName(ctx.link, s);
      s.service_id = ctx.link.nextId();
      ctx.link.services.set(s.service_id, s);
      return created(serviceJson(s));
    }),
    linkRoute('GET', '/services', 'link-services.list', (ctx) => {
      const id = queryInt(ctx, 'service_id');
      const name = queryText(ctx, 'service_name');
      const productId = queryInt(ctx, 'product_id');
      const templateId = queryInt(ctx, 'product_template_id');
      const from = queryInt(ctx, 'created_date_start');
      const to = queryInt(ctx, 'created_date_end');
      const items = where(
        ctx.link.services.values(),
        (s) =>
          (id === undefined || s.service_id === id) &&
          (name === undefined || s.service_name.includes(name)) &&
          (productId === undefined || s.product_id === productId) &&
          (templateId === undefined || s.product_template_id === templateId) &&
          (from === undefined || s.created >= from) &&
          (to === undefined || s.created <= to),
      );
      return linkPage(ctx, items, serviceJson);
    }),
    linkRoute('DELETE', one, 'link-services.delete', (ctx) => {
      const s = service(ctx);
      ctx.link.services.delete(s.service_id);
      for (const p of ctx.link.propsOf(ctx.link.properties, s.service_id))
        ctx.link.properties.delete(p.property_id);
      for (const c of ctx.link.commandsOf(s.service_id)) removeCommand(ctx.link, c.command_id);
      return gone();
    }),
    linkRoute('GET', one, 'link-services.detail', (ctx) => okBody(serviceJson(service(ctx)))),
    linkRoute('PUT', one, 'link-services.update', (ctx) => {
      const s = service(ctx);
      const b = bodyOf(ctx);
      const name = text(b, 'service_name', { min: 2, max: 64, names: true });
      const status = int(b, 'status', { oneOf: [0, 1] });
      const description = text(b, 'description', { max: 200 });
      if (name !== undefined) checkServiceName(ctx.link, { ...s, service_name: name }, s.service_id);
      if (name !== undefined) s.service_name = name;
      if (status !== undefined) s.status = status;
      if (description !== undefined) s.description = description;
      s.updated = ctx.nowMs;
      return okBody(serviceJson(s));
    }),
    linkRoute('POST', `${one}/properties`, 'link-services.addProperty', (ctx) =>
      created(propertyJson(createProp(ctx, 'properties', service(ctx).service_id))),
    ),
    linkRoute('GET', `${one}/properties`, 'link-services.properties', (ctx) =>
      linkPage(ctx, ctx.link.propsOf(ctx.link.properties, service(ctx).service_id), propertyJson),
    ),
    linkRoute('POST', `${one}/commands`, 'link-services.addCommand', (ctx) => {
      const s = service(ctx);
      const input = commandInput(ctx);
      checkCommandName(ctx.link, s.service_id, input.command_name);
      const c: CommandRec = { command_id: ctx.link.nextId(), service_id: s.service_id, ...input };
      ctx.link.commands.set(c.command_id, c);
      return okBody(commandJson(c));
    }),
    linkRoute('GET', `${one}/commands`, 'link-services.commands', (ctx) =>
      linkPage(ctx, ctx.link.commandsOf(service(ctx).service_id), commandJson),
    ),
    linkRoute('DELETE', cmdPath, 'link-services.deleteCommand', (ctx) => {
      removeCommand(ctx.link, command(ctx).command_id);
      return gone();
    }),
    linkRoute('GET', cmdPath, 'link-services.commandDetail', (ctx) => okBody(commandJson(command(ctx)))),
    linkRoute('PUT', cmdPath, 'link-services.updateCommand', (ctx) => {
      const c = command(ctx);
      const input = commandInput(ctx, c);
      checkCommandName(ctx.link, c.service_id, input.command_name, c.command_id);
      Object.assign(c, input);
      return okBody(commandJson(c));
    }),
    linkRoute('POST', `${cmdPath}/requests`, 'link-services.addRequest', (ctx) =>
      okBody(propertyJson(createProp(ctx, 'requests', command(ctx).command_id))),
    ),
    linkRoute('GET', `${cmdPath}/requests`, 'link-services.requests', (ctx) =>
      linkPage(ctx, ctx.link.propsOf(ctx.link.requests, command(ctx).command_id), propertyJson),
    ),
    linkRoute('DELETE', `${cmdPath}/requests/{property_id}`, 'link-services.deleteRequest', (ctx) => {
      ctx.link.requests.delete(propOf(ctx, 'requests', command(ctx).command_id).property_id);
      return gone();
    }),
    linkRoute('PUT', `${cmdPath}/requests/{property_id}`, 'link-services.updateRequest', (ctx) =>
      okBody(propertyJson(updateProp(ctx, 'requests', command(ctx).command_id))),
    ),
    linkRoute('POST', `${cmdPath}/responses`, 'link-services.addResponse', (ctx) =>
      created(propertyJson(createProp(ctx, 'responses', command(ctx).command_id))),
    ),
    linkRoute('GET', `${cmdPath}/responses`, 'link-services.responses', (ctx) =>
      linkPage(ctx, ctx.link.propsOf(ctx.link.responses, command(ctx).command_id), propertyJson),
    ),
    linkRoute('DELETE', `${cmdPath}/responses/{property_id}`, 'link-services.deleteResponse', (ctx) => {
      ctx.link.responses.delete(propOf(ctx, 'responses', command(ctx).command_id).property_id);
      return gone();
    }),
    linkRoute('GET', `${cmdPath}/responses/{property_id}`, 'link-services.responseDetail', (ctx) =>
      okBody(propertyJson(propOf(ctx, 'responses', command(ctx).command_id))),
    ),
    linkRoute('PUT', `${cmdPath}/responses/{property_id}`, 'link-services.updateResponse', (ctx) =>
      okBody(propertyJson(updateProp(ctx, 'responses', command(ctx).command_id))),
    ),
  ];
}
