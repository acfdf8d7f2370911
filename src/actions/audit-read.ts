// Reads the audit log back (the `:audit` view): JSON lines, newest first. Lines are redacted again on
// the way in (a line written by an older version, or edited by hand, must not show a secret either);
// lines that are not audit entries are skipped and counted.
import { readFile } from 'node:fs/promises';
import { RomaError } from '../api/errors.ts';
import { redact, type AuditEntry } from './audit.ts';

export interface AuditRecord extends AuditEntry {
  /** Line number in the file (1-based): with `ts`, the record's id. */
  line: number;
  names?: Record<string, string>;
}

export interface AuditReadResult {
  /** Newest first. */
  records: AuditRecord[];
  /** The file does not exist yet (nothing was changed from roma-dash with this log). */
  missing: boolean;
  /** Lines that were not audit entries. */
  skipped: number;
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);

/** One line as a record, or undefined when it is not an audit entry. */
export function parseAuditLine(
  text: string,
  line: number,
  secrets: readonly string[] = [],
): AuditRecord | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const r = redact(raw as Record<string, unknown>, secrets);
  if (typeof r.ts !== 'string' || typeof r.action !== 'string') return undefined;
  const names: Record<string, string> = {};
  if (r.names && typeof r.names === 'object' && !Array.isArray(r.names))
    for (const [k, v] of Object.entries(r.names as Record<string, unknown>))
      if (typeof v === 'string') names[k] = v;
  const failures = Array.isArray(r.failures)
    ? r.failures.map((f: unknown) => {
        const o = (f && typeof f === 'object' ? f : {}) as Record<string, unknown>;
        return {
          label: str(o.label),
          ...(o.code !== undefined ? { code: str(o.code) } : {}),
          ...(o.msg !== undefined ? { msg: str(o.msg) } : {}),
        };
      })
    : undefined;
  const result = str(r.result) as AuditEntry['result'];
  return {
    line,
    ts: r.ts,
    who: str(r.who),
    profile: str(r.profile),
    instance: str(r.instance),
    action: r.action,
    object: str(r.object),
    env: str(r.env),
    result,
    requestIds: strs(r.requestIds),
    ...(Array.isArray(r.reread) ? { reread: strs(r.reread) } : {}),
    ...(r.errorCode !== undefined ? { errorCode: str(r.errorCode) } : {}),
    ...(r.errorMsg !== undefined ? { errorMsg: str(r.errorMsg) } : {}),
    ...(failures ? { failures } : {}),
    ...(Object.keys(names).length > 0 ? { names } : {}),
  };
}

/** The log, newest first; a missing file is `missing`, an unreadable one a `file` RomaError. */
export async function readAuditLog(
  path: string,
  opts: { signal?: AbortSignal; secrets?: readonly string[] } = {},
): Promise<AuditReadResult> {
  let text: string;
  try {
    text = await readFile(path, { encoding: 'utf8', ...(opts.signal ? { signal: opts.signal } : {}) });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ENOENT') return { records: [], missing: true, skipped: 0 };
    const why = e instanceof Error ? e.message : String(e);
    throw new RomaError({
      kind: 'file',
      method: 'READ',
      path,
      errorMsg: typeof code === 'string' && !why.includes(code) ? `${code} ${why}` : why,
      hint: 'The audit log cannot be read: check the file and its permissions (or XDG_STATE_HOME).',
      cause: e,
    });
  }
  const records: AuditRecord[] = [];
  let skipped = 0;
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    if (l.trim() === '') return;
    const r = parseAuditLine(l, i + 1, opts.secrets);
    if (r) records.push(r);
    else skipped += 1;
  });
  // Appended in time order: the last line is the newest.
  records.reverse();
  return { records, missing: false, skipped };
}
