// Custom domains and certificates of an API group (4.6.1–4.6.6). The group's own `url_domains` (4.2.4/4.2.5)
// list the domains; these calls change them and read a certificate's parsed fields.
import { deleteAt, getObject, send, seg, type Scope } from './resource.ts';
import type { ObjectSchema } from './validate.ts';
import type { CallOptions } from './types/common.ts';
import type {
  CertificateDetail,
  CertificateUpload,
  Domain,
  DomainBindRequest,
} from './types/gateway-more.ts';

const s = 'string' as const;
const ss = 'strings' as const;
export const domainSchema: ObjectSchema = {
  required: ['id'],
  fields: { id: s, url_domain: s, status: 'number', min_ssl_version: s, ssl_id: s, ssl_name: s },
};
export const certificateSchema: ObjectSchema = {
  fields: {
    common_name: s,
    san: ss,
    version: s,
    organization: ss,
    organizational_unit: ss,
    locality: ss,
    state: ss,
    country: ss,
    not_before: s,
    not_after: s,
    serial_number: s,
    issuer: ss,
    signature_algorithm: s,
  },
};

export interface DomainsClient {
  /** 4.6.1 */
  bind(groupId: string, req: DomainBindRequest, opts?: CallOptions): Promise<Domain>;
  /** 4.6.3: only the minimum TLS version can change. */
  update(
    groupId: string,
    domainId: string,
    minSslVersion: 'TLSv1.1' | 'TLSv1.2',
    opts?: CallOptions,
  ): Promise<Domain>;
  /** 4.6.4 */
  unbind(groupId: string, domainId: string, opts?: CallOptions): Promise<void>;
  /** 4.6.2: PEM texts; one certificate per domain (a new upload replaces the old one). */
  uploadCertificate(
    groupId: string,
    domainId: string,
    req: CertificateUpload,
    opts?: CallOptions,
  ): Promise<Domain>;
  /** 4.6.6 */
  certificate(
    groupId: string,
    domainId: string,
    certificateId: string,
    opts?: CallOptions,
  ): Promise<CertificateDetail>;
  /** 4.6.5 */
  deleteCertificate(
    groupId: string,
    domainId: string,
    certificateId: string,
    opts?: CallOptions,
  ): Promise<void>;
}

export function domainsClient(scope: Scope): DomainsClient {
  const dom = (g: string, d?: string) =>
    `/api-groups/${seg(g)}/domains${d === undefined ? '' : `/${seg(d)}`}`;
  const cert = (g: string, d: string, c: string) => `${dom(g, d)}/certificate/${seg(c)}`;
  return {
    bind: (g, req, opts) =>
      send(scope, { method: 'POST', path: dom(g), body: req, schema: domainSchema, ...opts }),
    update: (g, d, v, opts) =>
      send(scope, {
        method: 'PUT',
        path: dom(g, d),
        body: { min_ssl_version: v },
        schema: domainSchema,
        ...opts,
      }),
    unbind: (g, d, opts) => deleteAt(scope, dom(g, d), opts),
    uploadCertificate: (g, d, req, opts) =>
      send(scope, {
        method: 'POST',
        path: `${dom(g, d)}/certificate`,
        body: req,
        schema: domainSchema,
        ...opts,
      }),
    certificate: (g, d, c, opts) =>
      getObject(scope, { path: cert(g, d, c), schema: certificateSchema, ...opts }),
    deleteCertificate: (g, d, c, opts) => deleteAt(scope, cert(g, d, c), opts),
  };
}
