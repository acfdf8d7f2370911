// Audit log: one JSON line per mutation attempt (including refusals and failures) appended to
// $XDG_STATE_HOME/roma-dash/audit.log (fallback ~/.local/state/roma-dash/audit.log). Secrets redacted.
// Writing never throws: a failing audit write is reported to the caller, not raised.
import { appendFile, mkdir } from 'node:fs/promises';
import { RomaError } from '../api/errors.ts';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface AuditEntry {
  ts: string;
  who: string;
  profile: string;
  instance: string;
  action: string;
  object: string;
  env: string;
  result: 'ok' | 'partial' | 'failed' | 'refused' | 'unknown';
  requestIds: string[];
  /** After an unknown outcome: what a re-read of the objects showed. */
  reread?: string[];
  errorCode?: string;
  errorMsg?: string;
  /** Per-item failures of a batch: label, code, message. */
  failures?: Array<{ label: string; code?: string; msg?: string }>;
  /** Names of the ids in `object` (id → name), for the audit view (src/actions/audit-names.ts). */
  names?: Record<string, string>;
}

export type AuditSink = (entry: Omit<AuditEntry, 'ts'>) => Promise<void>;

export function auditLogPath(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const base =
    env.XDG_STATE_HOME && env.XDG_STATE_HOME.startsWith('/')
      ? env.XDG_STATE_HOME
      : join(home, '.local', 'state');
  return join(base, 'roma-dash', 'audit.log');
}

const SECRET_KEY =
  /(^|_|-)(sk|secret|password|passwd|token|authorization|credential|sign_key|sign_secret|app_secret|security_token|x-auth-token|x-security-token)$/i;
const REDACTED = '[redacted]';

/** Replaces secret-looking fields and inline secrets (Authorization headers, token=…) anywhere in a value. */
export function redact<T>(value: T, extraSecrets: readonly string[] = []): T {
  const secrets = extraSecrets.filter((s) => s.length >= 4);
  const scrubString = (s: string): string => {
    let out = s
      .replace(
        /(SDK-HMAC-SHA256\s+)[^\s"]+(\s*,?\s*SignedHeaders=[^\s,"]+)?(\s*,?\s*Signature=)[0-9a-f]+/gi,
        `$1${REDACTED}`,
      )
      .replace(
        /(\b(?:x-auth-token|x-security-token|password|secret|token|sk)["']?\s*[:=]\s*["']?)[^\s"',&}]+/gi,
        `$1${REDACTED}`,
      );
    for (const secret of secrets) out = out.split(secret).join(REDACTED);
    return out;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrubString(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v)) {
        out[k] = SECRET_KEY.test(k) || k.toLowerCase() === 'ak' ? REDACTED : walk(inner);
      }
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

export interface AuditLogOptions {
  path?: string;
  now?: () => Date;
  /**
   * Literal secrets of the running profile (AK, SK, token, password), scrubbed wherever they appear.
   * A function is read at each write, so a token obtained later (IAM password login) is covered too.
   */
  secrets?: readonly string[] | (() => readonly string[]);
}

/** An audit sink appending JSON lines; creates the directory (0700) and file (0600) on first write. */
export function createAuditLog(opts: AuditLogOptions = {}): AuditSink & { path: string } {
  const path = opts.path ?? auditLogPath();
  const now = opts.now ?? (() => new Date());
  const secretsNow = (): readonly string[] => {
    const s = opts.secrets ?? [];
    return typeof s === 'function' ? s() : s;
  };
  const sink = async (entry: Omit<AuditEntry, 'ts'>): Promise<void> => {
    const line = JSON.stringify(redact({ ts: now().toISOString(), ...entry }, secretsNow()));
    try {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await appendFile(path, `${line}\n`, { mode: 0o600 });
    } catch (e) {
      throw auditWriteError(path, e);
    }
  };
  return Object.assign(sink, { path });
}

/** A failed audit write says which file and why (not "network"): the change itself went out already. */
function auditWriteError(path: string, e: unknown): RomaError {
  const code = (e as { code?: unknown }).code;
  const why = e instanceof Error ? e.message : String(e);
  return new RomaError({
    kind: 'file',
    method: 'WRITE',
    path,
    errorMsg: typeof code === 'string' && !why.includes(code) ? `${code} ${why}` : why,
    hint:
      'The action itself is done as shown; only its audit line is missing. Make the audit log ' +
      'writable (directory, permissions, free space) or point XDG_STATE_HOME elsewhere.',
    cause: e,
  });
}
