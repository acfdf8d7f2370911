// LINK 6.3 product templates and 6.4 products: unique names, manufacturer+model unique, templates must
// exist and be enabled, no delete while a product has devices or feeds a rule, topics unique per
// product and frozen while a rule uses them, CSV import/export (at most 500 per export).
import type { RouteDef, RouteResult } from './common.ts';
import { PERMISSIONS, type LinkStore, type ProductRec, type TemplateRec } from './link-store.ts';
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
  secretFor,
  text,
  userNameFor,
  where,
  type LinkCtx,
} from './link-common.ts';

export function templateJson(link: LinkStore, t: TemplateRec) {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    status: t.status,
    created_user: link.user,
    last_updated_user: link.user,
    created_datetime: t.created,
    last_updated_datetime: t.updated,
  };
}

export function productJson(link: LinkStore, p: ProductRec) {
  return {
    permissions: PERMISSIONS,
    id: p.id,
    product_serial: p.product_serial,
    app_id: p.app_id,
    app_name: link.apps.get(p.app_id) ?? '',
    name: p.name,
    manufacturer_id: p.manufacturer_id,
    manufacturer_name: p.manufacturer_name,
    model: p.model,
    product_type: p.product_type,
    description: p.description,
    protocol_type: p.protocol_type,
    device_type: p.device_type,
    version: p.version,
    ...(p.template_id !== null ? { template_id: p.template_id } : {}),
    authentication: { user_name: p.auth.user_name, password: '*****' },
    created_user: link.user,
    last_updated_user: link.user,
    created_datetime: p.created,
    data_format: p.data_format,
  };
}

function templateRoutes(): RouteDef[] {
  const one = '/product-templates/{product_template_id}';
  const checkName = (link: LinkStore, name: string, self?: number) => {
    for (const t of link.templates.values())
      if (t.name === name && t.id !== self)
        throw fail(
          'ROMA.00110201',
          `The product template name ${name} already exists. Change the name and try again.`,
        );
  };
  return [
    linkRoute('POST', '/product-templates', 'link-product-templates.save', (ctx) => {
      const b = bodyOf(ctx);
      const name = text(b, 'name', { required: true, min: 2, max: 64, names: true }) as string;
      const status = int(b, 'status', { required: true, oneOf: [0, 1] }) as number;
      checkName(ctx.link, name);
      const t: TemplateRec = {
        id: ctx.link.nextId(),
        name,
        description: text(b, 'description', { max: 200 }) ?? '',
        status,
        created: ctx.nowMs,
        updated: ctx.nowMs,
      };
      ctx.link.templates.set(t.id, t);
      return created(templateJson(ctx.link, t));
    }),
    linkRoute('GET', '/product-templates', 'link-product-templates.list', (ctx) => {
      const id = queryInt(ctx, 'id');
      const name = queryText(ctx, 'name');
      const status = queryInt(ctx, 'status');
      const from = queryInt(ctx, 'created_date_start');
      const to = queryInt(ctx, 'created_date_end');
      const items = where(
        ctx.link.templates.values(),
        (t) =>
          (id === undefined || t.id === id) &&
          (name === undefined || t.name.includes(name)) &&
          (status === undefined || t.status === status) &&
          (from === undefined || t.created >= from) &&
          (to === undefined || t.created <= to),
      );
      return linkPage(ctx, items, (t) => templateJson(ctx.link, t));
    }),
    linkRoute('DELETE', one, 'link-product-templates.delete', (ctx) => {
      const t = found(ctx.link.templates, pathId(ctx, 'product_template_id'));
      ctx.link.templates.delete(t.id);
      for (const s of [...ctx.link.services.values()])
        if (s.product_template_id === t.id) ctx.link.services.delete(s.service_id);
      return gone();
    }),
    linkRoute('PUT', one, 'link-product-templates.update', (ctx) => {
      const t = found(ctx.link.templates, pathId(ctx, 'product_template_id'));
      const b = bodyOf(ctx);
      const name = text(b, 'name', { min: 2, max: 64, names: true });
      const status = int(b, 'status', { oneOf: [0, 1] });
      const description = text(b, 'description', { max: 200 });
      if (name !== undefined) checkName(ctx.link, name, t.id);
      if (name !== undefined) t.name = name;
      if (status !== undefined) t.status = status;
      if (description !== undefined) t.description = description;
      t.updated = ctx.nowMs;
      return okBody(templateJson(ctx.link, t));
    }),
  ];
}

interface ProductInput {
  app_id: string;
  name: string;
  manufacturer_id: string;
  manufacturer_name: string;
  model: string;
  product_type: number;
  protocol_type: number;
  description: string;
  device_type: string;
  template_id: number | null;
  version: string;
  data_format: number;
}

/** The 6.4.1 rules shared by create, update and import. */
export function checkProduct(link: LinkStore, p: ProductInput, self?: number): void {
  if (!link.apps.has(p.app_id))
    throw fail('ROMA.00110712', 'The appId does not exist. Enter a correct appId.');
  for (const o of link.products.values()) {
    if (o.id === self) continue;
    if (o.name === p.name) throw fail('ROMA.00110701', `The product name ${p.name} already exists.`);
    if (o.manufacturer_id === p.manufacturer_id && o.model === p.model)
      throw fail('ROMA.00110706', 'The manufacturer ID and product model already exist.');
  }
  if (p.template_id !== null) {
    const t = link.templates.get(p.template_id);
    if (!t)
      throw fail(
        'ROMA.00110202',
        `The product template corresponding to the ID ${p.template_id} does not exist. Select an existing product template and try again.`,
      );
    if (t.status === 1)
      throw fail('ROMA.00110203', 'The product template is being disabled. Enable the template first.');
  }
}

export function newProduct(link: LinkStore, p: ProductInput, nowMs: number): ProductRec {
  const id = link.nextId();
  const rec: ProductRec = {
    id,
    ...p,
    product_serial: `Dd${userNameFor(id + 7).slice(0, 4)}${id}`,
    auth: { user_name: userNameFor(id + 13), password: secretFor(id + 13) },
    created: nowMs,
  };
  link.products.set(id, rec);
  // A product created from a template takes the template's services (6.4.1 template_id).
  if (rec.template_id !== null)
    for (const s of [...link.services.values()])
      if (s.product_template_id === rec.template_id) {
        const sid = link.nextId();
        link.services.set(sid, { ...s, service_id: sid, product_id: id, product_template_id: null });
      }
  return rec;
}

function productInput(ctx: LinkCtx, base?: ProductRec): ProductInput {
  const b = bodyOf(ctx);
  const need = base === undefined;
  const protocol = int(b, 'protocol_type', { required: need, min: 0 });
  if (protocol !== undefined && ![0, 2, 4].includes(protocol))
    throw fail('ROMA.00110710', `This product protocol is not supported: ${protocol}`);
  return {
    app_id: text(b, 'app_id', { required: need, max: 36 }) ?? (base?.app_id as string),
    name: text(b, 'name', { required: need, max: 64, names: true }) ?? (base?.name as string),
    manufacturer_id:
      text(b, 'manufacturer_id', { required: need, max: 64 }) ?? (base?.manufacturer_id as string),
    manufacturer_name:
      text(b, 'manufacturer_name', { required: need, max: 64 }) ?? (base?.manufacturer_name as string),
    model: text(b, 'model', { required: need, max: 64 }) ?? (base?.model as string),
    product_type: int(b, 'product_type', { required: need, oneOf: [0, 1] }) ?? (base?.product_type as number),
    protocol_type: protocol ?? (base?.protocol_type as number),
    description: text(b, 'description', { max: 200 }) ?? base?.description ?? '',
    device_type: text(b, 'device_type', { max: 64 }) ?? base?.device_type ?? 'Default',
    template_id: int(b, 'template_id', { min: 1 }) ?? base?.template_id ?? null,
    version: text(b, 'version', { max: 64 }) ?? base?.version ?? '',
    data_format: int(b, 'data_format', { oneOf: [0, 1] }) ?? base?.data_format ?? 0,
  };
}

const CSV_COLUMNS = [
  'name',
  'app_id',
  'manufacturer_id',
  'manufacturer_name',
  'model',
  'product_type',
  'protocol_type',
  'device_type',
  'version',
  'data_format',
  'description',
] as const;

function csvField(v: unknown): string {
  const s = String(v ?? '');
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** The `file` part of a multipart/form-data body (6.4.13). */
function uploadedFile(ctx: LinkCtx): Buffer {
  const contentType = ctx.headers?.['content-type'] ?? '';
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const raw = ctx.rawBody ?? Buffer.alloc(0);
  if (!contentType.startsWith('multipart/form-data') || !m)
    throw invalid('file', 'a form-data upload is expected');
  const boundary = `--${m[1] ?? m[2]}`;
  const textBody = raw.toString('latin1');
  for (const part of textBody.split(boundary)) {
    const headEnd = part.indexOf('\r\n\r\n');
    if (headEnd < 0) continue;
    const head = part.slice(0, headEnd);
    if (!/name="file"/i.test(head)) continue;
    const content = part.slice(headEnd + 4).replace(/\r\n$/, '');
    return Buffer.from(content, 'latin1');
  }
  throw invalid('file', 'Can not be empty');
}

function importProducts(ctx: LinkCtx): RouteResult {
  const bytes = uploadedFile(ctx);
  const textContent = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (textContent.includes('\uFFFD'))
    throw fail('ROMA.00110011', 'The encoding is not UTF8. Check the file encoding.');
  const lines = textContent.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = parseCsvLine(lines[0] ?? '');
  if (!['name', 'app_id', 'manufacturer_id', 'model'].every((c) => header.includes(c)))
    throw fail('ROMA.00110726', 'The file is abnormal. Check the file content: missing header');
  const rows = lines.slice(1).map((l) => {
    const cells = parseCsvLine(l);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
  if (rows.length > 0 && rows.every((r) => [...ctx.link.products.values()].some((p) => p.name === r.name)))
    throw fail('ROMA.00110714', 'All products to be imported already exist.');
  let succ = 0;
  const failedNames: string[] = [];
  for (const r of rows) {
    const input: ProductInput = {
      name: r.name ?? '',
      app_id: r.app_id ?? '',
      manufacturer_id: r.manufacturer_id ?? '',
      manufacturer_name: r.manufacturer_name ?? r.manufacturer_id ?? '',
      model: r.model ?? '',
      product_type: Number(r.product_type || 0),
      protocol_type: Number(r.protocol_type || 0),
      device_type: r.device_type || 'Default',
      version: r.version ?? '',
      data_format: Number(r.data_format || 0),
      description: r.description ?? '',
      template_id: null,
    };
    try {
      if (!input.name || !input.model || !input.manufacturer_id) throw invalid('name', 'Can not be empty');
      checkProduct(ctx.link, input);
      newProduct(ctx.link, input, ctx.nowMs);
      succ++;
    } catch {
      failedNames.push(input.name);
    }
  }
  return okBody({ succ_num: succ, fail_num: failedNames.length, fail_objects_ids: failedNames });
}

function exportProducts(ctx: LinkCtx): RouteResult {
  // 6.4.14 does not say how the array is put in the query: repeated keys and commas are both read.
  const raw = ctx.query
    .getAll('product_ids')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const bad = raw.find((v) => !/^\d{1,18}$/.test(v));
  if (bad !== undefined) throw fail('ROMA.00110730', `An illegal product ID was found during export: ${bad}`);
  if (raw.length > 500)
    throw fail('ROMA.00110717', 'The number of products to be exported cannot exceed 500.');
  const list =
    raw.length === 0
      ? [...ctx.link.products.values()]
      : raw.map(Number).flatMap((id) => ctx.link.products.get(id) ?? []);
  if (list.length === 0)
    throw fail('ROMA.00110716', 'The product does not exist. Select at least one product to export.');
  if (list.length > 500)
    throw fail('ROMA.00110717', 'The number of products to be exported cannot exceed 500.');
  const lines = [CSV_COLUMNS.join(','), ...list.map((p) => CSV_COLUMNS.map((c) => csvField(p[c])).join(','))];
  return {
    status: 200,
    headers: { 'content-disposition': 'attachment; filename="products.csv"' },
    raw: { contentType: 'text/csv;charset=UTF-8', data: lines.join('\r\n') + '\r\n' },
  };
}

function productTopicJson(t: {
  topic_id: number;
  product_id: number;
  topic_name: string;
  permission: number;
  version: string;
  description: string;
}) {
  return {
    product_id: t.product_id,
    topic_id: String(t.topic_id),
    permission: t.permission,
    topic_name: t.topic_name,
    version: t.version,
    description: t.description,
  };
}

const TOPIC_VERSION_RE = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,48}[A-Za-z0-9])$/;

function productRoutes(): RouteDef[] {
  const one = '/products/{product_id}';
  const product = (ctx: LinkCtx) => found(ctx.link.products, pathId(ctx, 'product_id'));
  const usedInRule = (link: LinkStore, productId: number) =>
    [...link.sources.values()].find((s) => s.product_id === productId);
  return [
    linkRoute('POST', '/products', 'link-products.save', (ctx) => {
      const input = productInput(ctx);
      checkProduct(ctx.link, input);
      return created(productJson(ctx.link, newProduct(ctx.link, input, ctx.nowMs)));
    }),
    linkRoute('GET', '/products', 'link-products.list', (ctx) => {
      const f = (n: string) => queryText(ctx, n);
      const productType = queryInt(ctx, 'product_type');
      const protocol = queryInt(ctx, 'protocol_type');
      const from = queryInt(ctx, 'created_date_start');
      const to = queryInt(ctx, 'created_date_end');
      const items = where(
        ctx.link.products.values(),
        (p) =>
          (f('app_id') === undefined || p.app_id === f('app_id')) &&
          (f('id') === undefined || String(p.id) === f('id')) &&
          (f('name') === undefined || p.name.includes(f('name') as string)) &&
          (f('manufacturer_id') === undefined || p.manufacturer_id === f('manufacturer_id')) &&
          (f('manufacturer_name') === undefined ||
            p.manufacturer_name.includes(f('manufacturer_name') as string)) &&
          (f('model') === undefined || p.model.includes(f('model') as string)) &&
          (f('device_type') === undefined || p.device_type === f('device_type')) &&
          (f('app_name') === undefined ||
            (ctx.link.apps.get(p.app_id) ?? '').includes(f('app_name') as string)) &&
          (productType === undefined || p.product_type === productType) &&
          (protocol === undefined || p.protocol_type === protocol) &&
          (from === undefined || p.created >= from) &&
          (to === undefined || p.created <= to),
      );
      return linkPage(ctx, items, (p) => productJson(ctx.link, p));
    }),
    linkRoute('POST', '/products/import', 'link-products.import', importProducts),
    linkRoute('GET', '/products/export', 'link-products.export', exportProducts),
    linkRoute('GET', `${one}/devices-summary`, 'link-products.devicesSummary', (ctx) =>
      okBody({ summary: ctx.link.deviceIds(product(ctx).id).length }),
    ),
    // 6.4.4 documents no success code: 204, as every other LINK delete.
    linkRoute('DELETE', one, 'link-products.delete', (ctx) => {
      const p = product(ctx);
      if (ctx.link.deviceIds(p.id).length > 0)
        throw fail(
          'ROMA.00110703',
          `The product named ${p.name} contains devices. Delete all devices under the product and try again.`,
        );
      if (usedInRule(ctx.link, p.id)) throw fail('ROMA.00110704', 'The product has been used in a rule.');
      ctx.link.products.delete(p.id);
      for (const t of [...ctx.link.productTopics.values()])
        if (t.product_id === p.id) ctx.link.productTopics.delete(t.topic_id);
      for (const s of ctx.link.servicesOfProduct(p.id)) ctx.link.services.delete(s.service_id);
      return gone();
    }),
    linkRoute('GET', one, 'link-products.detail', (ctx) => okBody(productJson(ctx.link, product(ctx)))),
    linkRoute('PUT', one, 'link-products.update', (ctx) => {
      const p = product(ctx);
      const input = productInput(ctx, p);
      checkProduct(ctx.link, input, p.id);
      Object.assign(p, input);
      return okBody(productJson(ctx.link, p));
    }),
    linkRoute('POST', `${one}/topics`, 'link-products.addTopic', (ctx) => {
      const p = product(ctx);
      const b = bodyOf(ctx);
      const permission = int(b, 'permission', { required: true, oneOf: [0, 1] }) as number;
      const name = text(b, 'name', { required: true, max: 64, pattern: /^[A-Za-z0-9_/-]+$/ }) as string;
      const version = text(b, 'version', {
        required: true,
        min: 2,
        max: 50,
        pattern: TOPIC_VERSION_RE,
      }) as string;
      for (const t of ctx.link.productTopics.values())
        if (t.product_id === p.id && t.topic_name === name)
          throw fail('ROMA.00110705', `The topic name ${name} of the product already exists.`);
      const t = {
        topic_id: ctx.link.nextId(),
        product_id: p.id,
        topic_name: name,
        permission,
        version,
        description: text(b, 'description', { max: 200 }) ?? '',
      };
      ctx.link.productTopics.set(t.topic_id, t);
      return okBody(productTopicJson(t));
    }),
    linkRoute('GET', `${one}/topics`, 'link-products.topics', (ctx) => {
      const p = product(ctx);
      return linkPage(
        ctx,
        where(ctx.link.productTopics.values(), (t) => t.product_id === p.id),
        productTopicJson,
      );
    }),
    linkRoute('DELETE', `${one}/topics/{topic_id}`, 'link-products.deleteTopic', (ctx) => {
      const p = product(ctx);
      const t = found(ctx.link.productTopics, pathId(ctx, 'topic_id'));
      if (t.product_id !== p.id) throw notFound(t.topic_id);
      ctx.link.productTopics.delete(t.topic_id);
      return gone();
    }),
    linkRoute('PUT', `${one}/topics/{topic_id}`, 'link-products.updateTopic', (ctx) => {
      const p = product(ctx);
      const t = found(ctx.link.productTopics, pathId(ctx, 'topic_id'));
      if (t.product_id !== p.id) throw notFound(t.topic_id);
      const user = [...ctx.link.sources.values()].find(
        (s) => s.product_id === p.id && s.topic.endsWith(`/${t.topic_name}`),
      );
      if (user)
        throw fail(
          'ROMA.00110707',
          `The product topic has been used in the rule ${ctx.link.rules.get(user.rule_id)?.name ?? user.rule_id} and cannot be modified. Delete the product topic used in the rule and then modify the product topic.`,
        );
      const b = bodyOf(ctx);
      const permission = int(b, 'permission', { oneOf: [0, 1] });
      const name = text(b, 'name', { max: 64, pattern: /^[A-Za-z0-9_/-]+$/ });
      const version = text(b, 'version', { min: 2, max: 50, pattern: TOPIC_VERSION_RE });
      const description = text(b, 'description', { max: 200 });
      if (name !== undefined)
        for (const o of ctx.link.productTopics.values())
          if (o.product_id === p.id && o.topic_name === name && o.topic_id !== t.topic_id)
            throw fail('ROMA.00110705', `The topic name ${name} of the product already exists.`);
      if (permission !== undefined) t.permission = permission;
      if (name !== undefined) t.topic_name = name;
      if (version !== undefined) t.version = version;
      if (description !== undefined) t.description = description;
      return okBody(productTopicJson(t));
    }),
    linkRoute('PUT', `${one}/authentication`, 'link-products.resetAuthentication', (ctx) => {
      const p = product(ctx);
      p.auth.password = secretFor(p.id + ctx.nowMs);
      return okBody({ ...p.auth });
    }),
    linkRoute('GET', `${one}/authentication`, 'link-products.authentication', (ctx) =>
      okBody({ ...product(ctx).auth }),
    ),
  ];
}

export function linkProductRoutes(): RouteDef[] {
  return [...templateRoutes(), ...productRoutes()];
}
