// Debug-call history per API, persisted under $XDG_STATE_HOME/roma-dash/debug-history.json:
// secrets redacted before anything is kept, bounded in size, written atomically.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { redactRawMessage, redactRequest, scrubSecrets, secretValuesOf } from './secrets.ts';
import type { DebugAnswerWire, DebugCallError, DebugRequestBody } from './types.ts';

export const MAX_ENTRIES_PER_API = 20;
export const MAX_APIS = 100;
/** Raw texts longer than this are cut when stored (the live answer is not). */
export const MAX_STORED_CHARS = 64 * 1024;
export const STORED_CUT_MARKER = '\n[cut by roma-dash history]';

export interface HistoryEntry {
  id: string;
  /** ISO time of the call. */
  at: string;
  instanceId: string;
  apiId: string;
  apiName: string;
  request: DebugRequestBody;
  answer?: DebugAnswerWire;
  error?: DebugCallError;
}

export interface HistoryFile {
  version: 1;
  /** Key `instanceId/apiId` → entries, newest first. */
  apis: Record<string, HistoryEntry[]>;
}

export function defaultHistoryPath(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_STATE_HOME && env.XDG_STATE_HOME !== '' ? env.XDG_STATE_HOME : join(homedir(), '.local', 'state');
  return join(base, 'roma-dash', 'debug-history.json');
}

export function historyKey(instanceId: string, apiId: string): string {
  return `${instanceId}/${apiId}`;
}

function emptyHistory(): HistoryFile {
  return { version: 1, apis: {} };
}

function cap(s: string): string {
  return s.length > MAX_STORED_CHARS ? s.slice(0, MAX_STORED_CHARS) + STORED_CUT_MARKER : s;
}

export interface NewEntry {
  instanceId: string;
  apiId: string;
  apiName: string;
  request: DebugRequestBody;
  answer?: DebugAnswerWire;
  error?: DebugCallError;
  at?: Date;
}

/** Build a storable entry: credentials masked wherever they appear, raw texts capped. */
export function makeEntry(e: NewEntry): HistoryEntry {
  const secrets = secretValuesOf(e.request);
  const clean = (s: string): string => cap(scrubSecrets(s, secrets));
  const request = redactRequest(e.request);
  if (request.body !== undefined) request.body = clean(request.body);
  if (request.query) {
    request.query = Object.fromEntries(
      Object.entries(request.query).map(([k, vs]) => [k, vs.map((v) => scrubSecrets(v, secrets))]),
    );
  }
  const entry: HistoryEntry = {
    id: randomBytes(6).toString('hex'),
    at: (e.at ?? new Date()).toISOString(),
    instanceId: e.instanceId,
    apiId: e.apiId,
    apiName: e.apiName,
    request,
  };
  if (e.answer) {
    entry.answer = {
      request: clean(redactRawMessage(e.answer.request)),
      response: clean(redactRawMessage(e.answer.response)),
      latency: e.answer.latency,
      log: clean(e.answer.log),
    };
  }
  if (e.error) entry.error = { ...e.error, message: scrubSecrets(e.error.message, secrets) };
  return entry;
}

function isHistoryFile(x: unknown): x is HistoryFile {
  return (
    typeof x === 'object' &&
    x !== null &&
    (x as { version?: unknown }).version === 1 &&
    typeof (x as { apis?: unknown }).apis === 'object' &&
    (x as { apis?: unknown }).apis !== null
  );
}

/** Missing or unreadable history is an empty history: it is a convenience, never a reason to fail. */
export async function loadHistory(file: string): Promise<HistoryFile> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    return isHistoryFile(parsed) ? parsed : emptyHistory();
  } catch {
    return emptyHistory();
  }
}

export function entriesFor(h: HistoryFile, instanceId: string, apiId: string): HistoryEntry[] {
  return h.apis[historyKey(instanceId, apiId)] ?? [];
}

/** Add an entry (newest first) and enforce the bounds: entries per API, and least recently used APIs dropped. */
export function addEntry(h: HistoryFile, entry: HistoryEntry): HistoryFile {
  const key = historyKey(entry.instanceId, entry.apiId);
  const list = [entry, ...(h.apis[key] ?? [])].slice(0, MAX_ENTRIES_PER_API);
  const others = Object.entries(h.apis).filter(([k]) => k !== key);
  others.sort(([, a], [, b]) => (b[0]?.at ?? '').localeCompare(a[0]?.at ?? ''));
  return { version: 1, apis: Object.fromEntries([[key, list], ...others.slice(0, MAX_APIS - 1)]) };
}

export async function saveHistory(file: string, h: HistoryFile): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify(h), { mode: 0o600 });
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

const chains = new Map<string, Promise<unknown>>();

/** Load, add, save — serialised per file so concurrent calls in one process do not lose entries. */
export function appendHistory(file: string, entry: HistoryEntry): Promise<HistoryFile> {
  const prev = chains.get(file) ?? Promise.resolve();
  const next = prev
    .catch(() => undefined)
    .then(async () => {
      const h = addEntry(await loadHistory(file), entry);
      await saveHistory(file, h);
      return h;
    });
  chains.set(file, next);
  return next;
}
