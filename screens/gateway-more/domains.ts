// Custom domains of the API groups (4.2.x `url_domains`) with their certificates (4.6.6): CNAME state,
// minimum TLS, certificate expiry with the days left (warning under 30 days, danger once expired).
import type { CertificateDetail } from '../../src/api/types/gateway-more.ts';
import type { ApiGroup } from '../../src/api/types/groups.ts';
import type { RomaClient } from '../../src/api/client.ts';
import { DASH, fields, fmtTime, str, table } from '../format.ts';
import { defineResource, type Column, type FetchContext } from '../types.ts';

export interface DomainRow {
  /** `groupId/domainId`: unique across groups. */
  key: string;
  groupId: string;
  groupName: string;
  domainId: string;
  domain: string;
  cnameStatus?: number;
  minTls?: string;
  sslId?: string;
  sslName?: string;
  cert?: CertificateDetail;
  certError?: string;
}

export const EXPIRY_WARNING_DAYS = 30;
const CNAME: Record<number, string> = { 1: 'not resolved', 2: 'resolving', 3: 'resolved', 4: 'failed' };

export const cnameText = (s: number | undefined): string =>
  s === undefined ? DASH : (CNAME[s] ?? String(s));

/** Whole days from `now` to the certificate's end (negative once expired); undefined without a date. */
export function daysLeft(notAfter: string | undefined, now = Date.now()): number | undefined {
  const t = notAfter ? Date.parse(notAfter) : NaN;
  return Number.isNaN(t) ? undefined : Math.round((t - now) / 86_400_000);
}

export function expiryTone(days: number | undefined): 'danger' | 'warning' | 'success' | undefined {
  if (days === undefined) return undefined;
  return days < 0 ? 'danger' : days < EXPIRY_WARNING_DAYS ? 'warning' : 'success';
}

export function daysText(days: number | undefined): string {
  if (days === undefined) return DASH;
  return days < 0 ? `expired ${-days}d ago` : `${days}d`;
}

/** At most 4 certificate reads at once: a project can have many groups with domains. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i] as T);
      }
    }),
  );
  return out;
}

/** Every bound domain of the instance (or of one group), each with its certificate's details. */
export async function loadDomains(ctx: FetchContext, groupId?: string): Promise<DomainRow[]> {
  const inst = (ctx.client as RomaClient).instance(ctx.instanceId as string);
  const groups: ApiGroup[] = groupId
    ? [await inst.groups.get(groupId, { signal: ctx.signal })]
    : await inst.groups.listAll({}, { signal: ctx.signal, ...(ctx.warn ? { onWarnings: ctx.warn } : {}) });
  const rows: DomainRow[] = groups.flatMap((g) =>
    (g.url_domains ?? []).map((d) => ({
      key: `${g.id}/${d.id}`,
      groupId: g.id,
      groupName: g.name,
      domainId: d.id ?? '',
      domain: d.domain ?? '',
      ...(d.cname_status !== undefined ? { cnameStatus: d.cname_status } : {}),
      ...(d.min_ssl_version ? { minTls: d.min_ssl_version } : {}),
      ...(d.ssl_id ? { sslId: d.ssl_id } : {}),
      ...(d.ssl_name ? { sslName: String(d.ssl_name) } : {}),
    })),
  );
  return mapLimit(rows, 4, async (r) => {
    if (!r.sslId) return r;
    try {
      return {
        ...r,
        cert: await inst.domains.certificate(r.groupId, r.domainId, r.sslId, { signal: ctx.signal }),
      };
    } catch (e) {
      if (ctx.signal.aborted) throw e;
      // One unreadable certificate must not blank the list: the row says so.
      return { ...r, certError: (e as { errorCode?: string }).errorCode ?? 'unreadable' };
    }
  });
}

export const expiryColumns: ReadonlyArray<Column<DomainRow>> = [
  {
    id: 'expires',
    title: 'EXPIRES',
    width: 11,
    get: (r) => (r.cert?.not_after ? fmtTime(r.cert.not_after).slice(0, 10) : r.certError ? '?' : DASH),
  },
  {
    id: 'days',
    title: 'LEFT',
    width: 16,
    align: 'right',
    get: (r) => daysText(daysLeft(r.cert?.not_after)),
    sortValue: (r) => daysLeft(r.cert?.not_after) ?? Number.MAX_SAFE_INTEGER,
    tone: (r) => expiryTone(daysLeft(r.cert?.not_after)),
  },
];

export function certificateSection(r: DomainRow): { title: string; blocks: ReturnType<typeof fields>[] } {
  const c = r.cert;
  if (!r.sslId)
    return {
      title: 'Certificate',
      blocks: [{ kind: 'text', text: 'no certificate: HTTPS calls through this domain fail' }],
    };
  if (!c)
    return {
      title: 'Certificate',
      blocks: [{ kind: 'text', text: `certificate ${r.sslName ?? r.sslId}: ${r.certError ?? 'not loaded'}` }],
    };
  return {
    title: 'Certificate',
    blocks: [
      fields(
        ['name', r.sslName],
        ['id', r.sslId],
        ['common name', c.common_name],
        ['SAN', c.san],
        ['issuer', c.issuer],
        ['organization', c.organization],
        ['valid from', c.not_before],
        ['valid until', c.not_after],
        ['days left', daysText(daysLeft(c.not_after))],
        ['serial', c.serial_number],
        ['signature', c.signature_algorithm],
      ),
    ],
  };
}

export const domainsScreen = defineResource<DomainRow>({
  id: 'domains',
  title: 'Custom domains',
  aliases: ['domain', 'dom'],
  instanceScoped: true,
  columns: [
    { id: 'domain', title: 'DOMAIN', minWidth: 24, get: (r) => r.domain },
    { id: 'group', title: 'GROUP', minWidth: 12, get: (r) => r.groupName },
    {
      id: 'cname',
      title: 'CNAME',
      width: 12,
      get: (r) => cnameText(r.cnameStatus),
      tone: (r) => (r.cnameStatus === 4 ? 'danger' : r.cnameStatus === 3 ? undefined : 'warning'),
    },
    { id: 'tls', title: 'MIN TLS', width: 8, get: (r) => str(r.minTls) },
    { id: 'cert', title: 'CERTIFICATE', minWidth: 10, get: (r) => str(r.sslName) },
    ...expiryColumns,
  ],
  idOf: (r) => r.key,
  nameOf: (r) => r.domain,
  list: (ctx) => loadDomains(ctx, ctx.params['groupId']),
  scopeLabel: (p) => (p['groupName'] ? `group: ${p['groupName']}` : undefined),
  summary: (r) => [
    {
      title: 'Domain',
      blocks: [
        fields(
          ['domain', r.domain],
          ['id', r.domainId],
          ['group', `${r.groupName} (${r.groupId})`],
          ['CNAME', cnameText(r.cnameStatus)],
          ['minimum TLS', r.minTls],
        ),
      ],
    },
    certificateSection(r),
  ],
});

export const certificatesScreen = defineResource<DomainRow>({
  id: 'certificates',
  title: 'Certificates (expiring soonest first)',
  aliases: ['certificate', 'certs', 'cert', 'ssl'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 12, get: (r) => str(r.sslName) },
    { id: 'domain', title: 'DOMAIN', minWidth: 18, get: (r) => r.domain },
    { id: 'group', title: 'GROUP', minWidth: 12, get: (r) => r.groupName },
    { id: 'issuer', title: 'ISSUER', minWidth: 12, get: (r) => str(r.cert?.issuer) },
    ...expiryColumns,
  ],
  idOf: (r) => r.key,
  nameOf: (r) => r.sslName ?? r.domain,
  async list(ctx) {
    const rows = (await loadDomains(ctx)).filter((r) => r.sslId);
    const left = (r: DomainRow) => daysLeft(r.cert?.not_after) ?? Number.MAX_SAFE_INTEGER;
    return rows.sort((a, b) => left(a) - left(b));
  },
  summary: (r) => [
    certificateSection(r),
    {
      title: 'Bound to',
      blocks: [table(['DOMAIN', 'GROUP', 'CNAME'], [[r.domain, r.groupName, cnameText(r.cnameStatus)]])],
    },
  ],
});
