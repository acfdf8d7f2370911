// `:audit` — the local audit log of changes made from roma-dash (src/actions/audit.ts), newest first,
// with names next to ids. Read-only: nothing here talks to the gateway.
import { readAuditLog, type AuditRecord } from '../src/actions/audit-read.ts';
import { auditSourceOf } from '../src/actions/audit-source.ts';
import type { RomaClient } from '../src/api/client.ts';
import { ago, DASH, fields, fmtTime, table } from './format.ts';
import { defineResource, type CellTone, type DetailSection } from './types.ts';

/** Row of the view: the record with its object spelled with names. */
export interface AuditRow extends AuditRecord {
  key: string;
  /** `object` with each known id shown as `name(id)`. */
  named: string;
}

/** Replaces bare ids by `name(id)`; ids already written as `name(id)` stay as they are. */
export function nameIds(object: string, names: ReadonlyMap<string, string>): string {
  if (names.size === 0 || object === '') return object;
  return object.replace(/[A-Za-z0-9_-]{6,}/g, (id, at: number) => {
    const name = names.get(id);
    if (name === undefined) return id;
    const before = object[at - 1];
    const after = object[at + id.length];
    return before === '(' && after === ')' ? id : `${name}(${id})`;
  });
}

export function resultTone(result: string): CellTone | undefined {
  if (result === 'ok') return 'success';
  if (result === 'failed' || result === 'refused') return 'danger';
  if (result === 'unknown' || result === 'partial') return 'warning';
  return undefined;
}

async function loadRows(client: RomaClient, signal: AbortSignal): Promise<AuditRow[]> {
  const source = auditSourceOf(client);
  const { records } = await readAuditLog(source.path, {
    signal,
    secrets: source.secrets?.() ?? [],
  });
  const known = source.knownNames?.() ?? new Map<string, string>();
  return records.map((r) => {
    const names = new Map(known);
    for (const [id, name] of Object.entries(r.names ?? {})) names.set(id, name);
    return { ...r, key: `${r.line}|${r.ts}`, named: nameIds(r.object, names) };
  });
}

function detail(r: AuditRow): DetailSection[] {
  const sections: DetailSection[] = [
    {
      title: 'Audit entry',
      blocks: [
        fields(
          ['time', r.ts],
          ['result', r.result],
          ['action', r.action],
          ['object', r.named],
          ['environment', r.env],
          ['who', r.who],
          ['profile', r.profile],
          ['instance', r.instance],
          ['request ids', r.requestIds],
          ...(r.errorCode !== undefined || r.errorMsg !== undefined
            ? ([['error', [r.errorCode, r.errorMsg].filter(Boolean).join(' ')]] as const)
            : []),
          ['log line', r.line],
        ),
      ],
    },
  ];
  if (r.failures && r.failures.length > 0)
    sections.push({
      title: `Failed items (${r.failures.length})`,
      blocks: [
        table(
          ['ITEM', 'CODE', 'MESSAGE'],
          r.failures.map((f) => [f.label, f.code, f.msg]),
        ),
      ],
    });
  if (r.reread && r.reread.length > 0)
    sections.push({
      title: 'Read back after an unknown outcome',
      blocks: [{ kind: 'text', text: r.reread.join('\n') }],
    });
  const names = Object.entries(r.names ?? {});
  if (names.length > 0)
    sections.push({
      title: 'Names',
      blocks: [
        table(
          ['ID', 'NAME'],
          names.map(([id, n]) => [id, n]),
        ),
      ],
    });
  return sections;
}

export const auditScreen = defineResource<AuditRow>({
  id: 'audit',
  title: 'Audit log',
  aliases: ['audit-log', 'journal'],
  instanceScoped: false,
  columns: [
    {
      id: 'time',
      title: 'WHEN',
      width: 9,
      priority: 2,
      align: 'right',
      get: (r) => ago(r.ts),
      sortValue: (r) => r.ts,
    },
    {
      id: 'result',
      title: 'RESULT',
      width: 8,
      priority: 1,
      get: (r) => r.result || DASH,
      tone: (r) => resultTone(r.result),
    },
    { id: 'action', title: 'ACTION', width: 16, priority: 1, get: (r) => r.action },
    { id: 'object', title: 'OBJECT', minWidth: 30, maxWidth: 80, priority: 1, get: (r) => r.named || DASH },
    { id: 'env', title: 'ENV', width: 12, priority: 3, get: (r) => r.env || DASH },
    { id: 'who', title: 'WHO', width: 14, priority: 4, get: (r) => r.who || DASH },
    { id: 'error', title: 'ERROR', width: 14, priority: 5, get: (r) => r.errorCode ?? DASH },
    { id: 'at', title: 'TIME', width: 21, priority: 7, get: (r) => fmtTime(r.ts) },
  ],
  idOf: (r) => r.key,
  nameOf: (r) => `${r.action} ${r.named}`,
  list: ({ client, signal }) => loadRows(client, signal),
  summary: (r) => detail(r),
  emptyText: (client) =>
    `no changes recorded yet in ${auditSourceOf(client).path} (a line is written for every change made here)`,
});
