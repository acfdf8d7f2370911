// Custom domains and their certificates (APIC-MORE.md 4.6.1–4.6.6). Domains are the group's
// `url_domains`; an uploaded PEM is really parsed (node:crypto X509Certificate) and checked against its
// key, its validity and the domain, with the 7.4.2 codes. Only the parsed fields are kept.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { Group } from '../model.ts';
import type { Certificate } from '../model-more.ts';
import { isoSeconds, newId, type InstanceStore } from '../state.ts';
import {
  ApiError,
  asObject,
  invalidParam,
  noContent,
  ok,
  optString,
  reqString,
  route,
  type RouteDef,
} from './common.ts';

type UrlDomain = Group['url_domains'][number];

export const DOMAINS_PER_GROUP = 5;
const DOMAIN_RE = /^(?=.{1,255}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const CERT_NAME_RE = /^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9_\u4e00-\u9fa5]{3,49}$/;
const SSL_VERSIONS = ['TLSv1.1', 'TLSv1.2'];

function requireGroup(store: InstanceStore, id: string): Group {
  const g = store.data.groups.get(id);
  if (!g) throw new ApiError(404, 'APIG.3001', `API group ${id} does not exist`);
  return g;
}

/** The domain of this group; a domain of another group is 3474, an unknown one 3020. */
function requireDomain(store: InstanceStore, g: Group, domainId: string): UrlDomain {
  const d = g.url_domains.find((x) => x.id === domainId);
  if (d) return d;
  for (const other of store.data.groups.values()) {
    if (other.url_domains.some((x) => x.id === domainId))
      throw new ApiError(
        400,
        'APIG.3474',
        'The API group ID in the URL does not match the API group to which the URL domain has been bound',
      );
  }
  throw new ApiError(404, 'APIG.3020', 'The URL domain does not exist');
}

export function domainWire(d: UrlDomain): Record<string, unknown> {
  return {
    id: d.id,
    url_domain: d.domain,
    status: d.cname_status,
    min_ssl_version: d.min_ssl_version,
    ...(d.ssl_id ? { ssl_id: d.ssl_id, ssl_name: d.ssl_name } : {}),
  };
}

function sslVersion(b: Record<string, unknown>): string {
  const v = optString(b, 'min_ssl_version') ?? 'TLSv1.1';
  if (!SSL_VERSIONS.includes(v)) throw invalidParam('min_ssl_version');
  return v;
}

/** `CN=a\nO=b` → values of one attribute. */
function attr(dn: string, key: string): string[] {
  return dn
    .split('\n')
    .map((l) => l.split('='))
    .filter(([k]) => k === key)
    .map(([, ...v]) => v.join('='));
}

function matchesHost(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p === h) return true;
  return p.startsWith('*.') && h.endsWith(p.slice(1)) && h.split('.').length === p.split('.').length;
}

/** Parses and checks an upload (4.6.2) with the 7.4.2 certificate codes. */
export function parseCertificate(
  pem: string,
  keyPem: string,
  domain: string,
  nowMs: number,
): Omit<Certificate, 'id' | 'name' | 'group_id' | 'domain_id' | 'create_time'> {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
    createPrivateKey(keyPem);
  } catch {
    throw new ApiError(400, 'APIG.2106', 'Invalid certificate or private key.');
  }
  if (!cert.checkPrivateKey(createPrivateKey(keyPem)))
    throw new ApiError(400, 'APIG.2101', 'The certificate and private key do not match.');
  const notAfter = Date.parse(cert.validTo);
  if (notAfter < nowMs) throw new ApiError(400, 'APIG.2102', 'The certificate has expired.');
  const cn = attr(cert.subject, 'CN');
  const san = (cert.subjectAltName ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('DNS:'))
    .map((s) => s.slice(4));
  if (![...cn, ...san].some((n) => matchesHost(n, domain)))
    throw new ApiError(400, 'APIG.2103', 'The certificate common name does not match the domain name.');
  const keyType = cert.publicKey.asymmetricKeyType;
  return {
    common_name: cn[0] ?? '',
    san,
    version: '3',
    organization: attr(cert.subject, 'O'),
    organizational_unit: attr(cert.subject, 'OU'),
    locality: attr(cert.subject, 'L'),
    state: attr(cert.subject, 'ST'),
    country: attr(cert.subject, 'C'),
    not_before: isoSeconds(Date.parse(cert.validFrom)),
    not_after: isoSeconds(notAfter),
    serial_number: BigInt('0x' + cert.serialNumber).toString(10),
    issuer: attr(cert.issuer, 'CN').concat(attr(cert.issuer, 'O')),
    signature_algorithm:
      keyType === 'rsa' ? 'SHA256-RSA' : keyType === 'ec' ? 'ECDSA-SHA256' : String(keyType),
  };
}

export function certificateWire(c: Certificate): Record<string, unknown> {
  const { id: _id, name: _n, group_id: _g, domain_id: _d, create_time: _t, ...fields } = c;
  return fields;
}

/** The certificate named in the path, which must be the one bound to this domain (3021 / 3476). */
function requireCertificate(store: InstanceStore, d: UrlDomain, certId: string): Certificate {
  const c = store.data.certificates.get(certId);
  if (!c) throw new ApiError(404, 'APIG.3021', 'The SSL certificate does not exist.');
  if (d.ssl_id !== certId)
    throw new ApiError(
      400,
      'APIG.3476',
      'The domain ID in the URL does not match the domain to which the certificate has been bound.',
    );
  return c;
}

export const domainRoutes: RouteDef[] = [
  route('POST', '/api-groups/{group_id}/domains', ({ store, params, body }) => {
    const g = requireGroup(store, params['group_id'] ?? '');
    const b = asObject(body);
    const name = optString(b, 'url_domain') ?? '';
    if (!DOMAIN_RE.test(name)) throw new ApiError(400, 'APIG.2024', 'Invalid URL domain name');
    const min = sslVersion(b);
    for (const other of store.data.groups.values())
      if (other.url_domains.some((x) => x.domain.toLowerCase() === name.toLowerCase()))
        throw new ApiError(400, 'APIG.3305', 'The URL domain name already exists.');
    if (g.url_domains.length >= DOMAINS_PER_GROUP)
      throw new ApiError(403, 'APIG.3108', 'The number of domain names exceeds the maximum allowed limit.');
    // The emulator has no DNS: a new domain is reported resolved, as in the 4.6.1 example.
    const d: UrlDomain = {
      id: newId(),
      domain: name,
      cname_status: 3,
      ssl_id: '',
      ssl_name: '',
      min_ssl_version: min,
    };
    g.url_domains.push(d);
    return ok(domainWire(d), 201);
  }),
  route('PUT', '/api-groups/{group_id}/domains/{domain_id}', ({ store, params, body }) => {
    const g = requireGroup(store, params['group_id'] ?? '');
    const d = requireDomain(store, g, params['domain_id'] ?? '');
    d.min_ssl_version = sslVersion(asObject(body));
    return ok(domainWire(d));
  }),
  route('DELETE', '/api-groups/{group_id}/domains/{domain_id}', ({ store, params }) => {
    const g = requireGroup(store, params['group_id'] ?? '');
    const d = requireDomain(store, g, params['domain_id'] ?? '');
    if (d.ssl_id) store.data.certificates.delete(d.ssl_id);
    g.url_domains = g.url_domains.filter((x) => x !== d);
    return noContent();
  }),
  route(
    'POST',
    '/api-groups/{group_id}/domains/{domain_id}/certificate',
    ({ store, params, body, nowMs }) => {
      const g = requireGroup(store, params['group_id'] ?? '');
      const d = requireDomain(store, g, params['domain_id'] ?? '');
      const b = asObject(body);
      const name = reqString(b, 'name');
      if (!CERT_NAME_RE.test(name)) throw invalidParam('name');
      const pem = reqString(b, 'cert_content');
      const key = reqString(b, 'private_key');
      const parsed = parseCertificate(pem, key, d.domain, nowMs);
      // One certificate per domain: a new upload replaces the old one.
      if (d.ssl_id) store.data.certificates.delete(d.ssl_id);
      const c: Certificate = {
        id: newId(),
        name,
        group_id: g.id,
        domain_id: d.id,
        create_time: isoSeconds(nowMs),
        ...parsed,
      };
      store.data.certificates.set(c.id, c);
      d.ssl_id = c.id;
      d.ssl_name = name;
      return ok(domainWire(d), 201);
    },
  ),
  route(
    'GET',
    '/api-groups/{group_id}/domains/{domain_id}/certificate/{certificate_id}',
    ({ store, params }) => {
      const g = requireGroup(store, params['group_id'] ?? '');
      const d = requireDomain(store, g, params['domain_id'] ?? '');
      return ok(certificateWire(requireCertificate(store, d, params['certificate_id'] ?? '')));
    },
  ),
  route(
    'DELETE',
    '/api-groups/{group_id}/domains/{domain_id}/certificate/{certificate_id}',
    ({ store, params }) => {
      const g = requireGroup(store, params['group_id'] ?? '');
      const d = requireDomain(store, g, params['domain_id'] ?? '');
      const c = requireCertificate(store, d, params['certificate_id'] ?? '');
      store.data.certificates.delete(c.id);
      d.ssl_id = '';
      d.ssl_name = '';
      return noContent();
    },
  ),
];
