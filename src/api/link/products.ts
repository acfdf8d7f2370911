// 6.3 product templates and 6.4 products (device counts, topics, authentication, CSV import/export).
import { deleteAt, getObject, lister, send, seg, type Lister, type Scope } from '../resource.ts';
import type { CallOptions } from '../types/common.ts';
import type {
  LinkAuthentication,
  Product,
  ProductCreate,
  ProductImportResult,
  ProductQuery,
  ProductTemplate,
  ProductTemplateCreate,
  ProductTemplateQuery,
  ProductTopic,
  ProductTopicCreate,
} from '../types/link.ts';
import type { LinkPageQuery } from '../types/link.ts';
import { normalizeLink } from './base.ts';
import * as S from './schemas.ts';

export interface ProductTemplatesClient extends Lister<ProductTemplate, ProductTemplateQuery> {
  /** 6.3.1 (201) */
  create(req: ProductTemplateCreate, opts?: CallOptions): Promise<ProductTemplate>;
  /** 6.3.3 */
  remove(templateId: number, opts?: CallOptions): Promise<void>;
  /** 6.3.4 */
  update(
    templateId: number,
    req: Partial<ProductTemplateCreate>,
    opts?: CallOptions,
  ): Promise<ProductTemplate>;
}

export interface ProductTopicsClient extends Lister<ProductTopic, LinkPageQuery> {
  /** 6.4.7 (200 "Created") */
  create(req: ProductTopicCreate, opts?: CallOptions): Promise<ProductTopic>;
  /** 6.4.9 */
  remove(topicId: string, opts?: CallOptions): Promise<void>;
  /** 6.4.10: refused while the topic is used in a rule (ROMA.00110707). */
  update(topicId: string, req: Partial<ProductTopicCreate>, opts?: CallOptions): Promise<ProductTopic>;
}

export interface ProductsClient extends Lister<Product, ProductQuery> {
  /** 6.4.1 (201) */
  create(req: ProductCreate, opts?: CallOptions): Promise<Product>;
  /** 6.4.3: `summary` is the number of devices. */
  deviceCount(productId: number, opts?: CallOptions): Promise<number>;
  /** 6.4.4: refused while it has devices (ROMA.00110703) or is used in a rule (ROMA.00110704). */
  remove(productId: number, opts?: CallOptions): Promise<void>;
  /** 6.4.5 */
  get(productId: number, opts?: CallOptions): Promise<Product>;
  /** 6.4.6 */
  update(productId: number, req: Partial<ProductCreate>, opts?: CallOptions): Promise<Product>;
  /** 6.4.7–6.4.10 */
  topics(productId: number): ProductTopicsClient;
  /** 6.4.11 */
  resetAuthentication(productId: number, opts?: CallOptions): Promise<LinkAuthentication>;
  /** 6.4.12 */
  authentication(productId: number, opts?: CallOptions): Promise<LinkAuthentication>;
  /** 6.4.13: uploads CSV text as the form-data field `file`. */
  importCsv(csv: string, fileName?: string, opts?: CallOptions): Promise<ProductImportResult>;
  /** 6.4.14: the exported file's text (CSV); at most 500 products (ROMA.00110717). */
  exportCsv(productIds: number[], opts?: CallOptions): Promise<string>;
}

export function productTemplatesClient(scope: Scope): ProductTemplatesClient {
  const one = (id: number) => `/product-templates/${seg(String(id))}`;
  return {
    ...lister<ProductTemplate, ProductTemplateQuery>(
      scope,
      '/product-templates',
      'items',
      S.productTemplate,
      normalizeLink,
    ),
    create: (req, opts) =>
      send(scope, {
        method: 'POST',
        path: '/product-templates',
        body: req,
        schema: S.productTemplate,
        norm: normalizeLink,
        ...opts,
      }),
    remove: (id, opts) => deleteAt(scope, one(id), opts),
    update: (id, req, opts) =>
      send(scope, {
        method: 'PUT',
        path: one(id),
        body: req,
        schema: S.productTemplate,
        norm: normalizeLink,
        ...opts,
      }),
  };
}

/** A multipart/form-data body with one file field (the boundary cannot occur in CSV lines we send). */
export function formDataFile(
  field: string,
  fileName: string,
  text: string,
): { contentType: string; data: string } {
  const boundary = `----roma-dash-${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;
  const body =
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName.replace(/["\r\n]/g, '_')}"\r\n` +
    `Content-Type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`;
  return { contentType: `multipart/form-data; boundary=${boundary}`, data: body };
}

export function productsClient(scope: Scope): ProductsClient {
  const one = (id: number) => `/products/${seg(String(id))}`;
  const topics = (pid: number): ProductTopicsClient => ({
    ...lister<ProductTopic, LinkPageQuery>(
      scope,
      `${one(pid)}/topics`,
      'items',
      S.productTopic,
      normalizeLink,
    ),
    create: (req, opts) =>
      send(scope, {
        method: 'POST',
        path: `${one(pid)}/topics`,
        body: req,
        schema: S.productTopic,
        norm: normalizeLink,
        ...opts,
      }),
    remove: (tid, opts) => deleteAt(scope, `${one(pid)}/topics/${seg(tid)}`, opts),
    update: (tid, req, opts) =>
      send(scope, {
        method: 'PUT',
        path: `${one(pid)}/topics/${seg(tid)}`,
        body: req,
        schema: S.productTopic,
        norm: normalizeLink,
        ...opts,
      }),
  });
  return {
    ...lister<Product, ProductQuery>(scope, '/products', 'items', S.product, normalizeLink),
    create: (req, opts) =>
      send(scope, {
        method: 'POST',
        path: '/products',
        body: req,
        schema: S.product,
        norm: normalizeLink,
        ...opts,
      }),
    async deviceCount(id, opts) {
      const r = await getObject<{ summary?: number }>(scope, {
        path: `${one(id)}/devices-summary`,
        schema: S.devicesSummary,
        ...opts,
      });
      return r.summary ?? 0;
    },
    remove: (id, opts) => deleteAt(scope, one(id), opts),
    get: (id, opts) => getObject(scope, { path: one(id), schema: S.product, norm: normalizeLink, ...opts }),
    update: (id, req, opts) =>
      send(scope, {
        method: 'PUT',
        path: one(id),
        body: req,
        schema: S.product,
        norm: normalizeLink,
        ...opts,
      }),
    topics,
    resetAuthentication: (id, opts) =>
      send(scope, { method: 'PUT', path: `${one(id)}/authentication`, schema: S.authentication, ...opts }),
    authentication: (id, opts) =>
      getObject(scope, { path: `${one(id)}/authentication`, schema: S.authentication, ...opts }),
    async importCsv(csv, fileName = 'products.csv', opts) {
      const path = '/products/import';
      const res = await scope.t.request({
        method: 'POST',
        path: scope.base + path,
        rawBody: formDataFile('file', fileName, csv),
        signal: opts?.signal,
      });
      const r = (res.body ?? {}) as Partial<ProductImportResult>;
      return {
        ...r,
        succ_num: Number(r.succ_num ?? 0),
        fail_num: Number(r.fail_num ?? 0),
        fail_objects_ids: r.fail_objects_ids ?? [],
      };
    },
    async exportCsv(productIds, opts) {
      const res = await scope.t.request({
        method: 'GET',
        path: scope.base + '/products/export',
        query: { product_ids: productIds.map(String) },
        accept: 'text',
        signal: opts?.signal,
      });
      return typeof res.body === 'string' ? res.body : '';
    },
  };
}
