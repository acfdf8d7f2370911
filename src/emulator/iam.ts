// The emulator's stand-in for Huawei IAM's `POST /v3/auth/tokens` (Keystone v3, password method,
// project scope), so the password → token flow is testable without a cloud account.
//
// Error bodies: Huawei IAM answers with Keystone's `{"error":{"code","message","title"}}` and, on newer
// deployments, adds flat `error_code`/`error_msg`. We send both so either kind of client parser works.
// The codes chosen (not documented in the seed): 400 → IAM.0007 "Request parameter ... is invalid",
// 401 → IAM.0001 for wrong user/password/domain/project (one message, never saying which part was wrong).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface IamOptions {
  user: string;
  password: string;
  domain: string;
  projectId: string;
  projectName: string;
  nowMs: () => number;
  /** Token lifetime; IAM issues 24 h tokens. */
  ttlMs?: number;
}

export interface IamAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface IamService {
  handleTokenRequest(body: unknown, query: URLSearchParams): IamAnswer;
  isValidToken(token: string): boolean;
  /** A token valid from now for the TTL, for the emulator's printed credentials. */
  issueStaticToken(): string;
  /** Invalidates every token issued so far (tests the client's 401 → refresh path). */
  expireAll(): void;
  /** Tokens held in memory, expired ones not yet pruned included (tests of the pruning). */
  storedTokens(): number;
}

export const DEFAULT_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/** Keystone's time format as Huawei prints it: microseconds, `Z`. */
export function formatIamTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function errorAnswer(status: 400 | 401, errorCode: string, message: string): IamAnswer {
  const title = status === 400 ? 'Bad Request' : 'Unauthorized';
  return {
    status,
    headers: { 'Content-Type': 'application/json;charset=UTF-8' },
    body: { error: { code: status, message, title }, error_code: errorCode, error_msg: message },
  };
}

function badRequest(param: string): IamAnswer {
  return errorAnswer(400, 'IAM.0007', `Request parameter ${param} is invalid.`);
}

const UNAUTHORIZED_MSG = 'The username or password is wrong.';

function newToken(): string {
  // Real tokens are long base64url-ish blobs starting with MII; ours are opaque and random too.
  return 'MIIemu' + randomBytes(48).toString('base64url');
}

/** Constant-time equality of two strings of any length (both hashed first, so lengths do not leak). */
function sameSecret(a: string, b: string): boolean {
  const h = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(h(a), h(b));
}

function stableId(seed: string): string {
  // A 32-hex id derived from a name, so the same configuration always reports the same user/domain ids.
  let h1 = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 32; round++) {
    for (const c of `${round}:${seed}`) h1 = Math.imul(h1 ^ c.charCodeAt(0), 0x01000193) >>> 0;
    out += h1.toString(16).padStart(8, '0');
  }
  return out.slice(0, 32);
}

export function createIamService(opts: IamOptions): IamService {
  const ttl = opts.ttlMs ?? DEFAULT_TOKEN_TTL_MS;
  const tokens = new Map<string, number>(); // token → expiry (ms)
  const userId = stableId(`user:${opts.domain}:${opts.user}`);
  const domainId = stableId(`domain:${opts.domain}`);

  /**
   * Drops expired tokens. Each issue prunes, so a client logging in again and again (or a fuzzer)
   * cannot grow the map without bound. Tokens are issued in expiry order (one TTL), so the walk stops
   * at the first live one; a clock set back only makes it stop early.
   */
  function prune(nowMs: number): void {
    for (const [token, exp] of tokens) {
      if (nowMs < exp) break;
      tokens.delete(token);
    }
  }

  function issue(): { token: string; issuedAt: number; expiresAt: number } {
    const issuedAt = opts.nowMs();
    prune(issuedAt);
    const expiresAt = issuedAt + ttl;
    const token = newToken();
    tokens.set(token, expiresAt);
    return { token, issuedAt, expiresAt };
  }

  function handleTokenRequest(body: unknown, query: URLSearchParams): IamAnswer {
    if (!isRecord(body) || !isRecord(body['auth'])) return badRequest('auth');
    const auth = body['auth'];
    const identity = auth['identity'];
    if (!isRecord(identity)) return badRequest('auth.identity');
    const methods = identity['methods'];
    if (!Array.isArray(methods) || methods.length === 0 || !methods.every((x) => typeof x === 'string'))
      return badRequest('auth.identity.methods');
    if (!methods.includes('password')) return badRequest('auth.identity.methods');
    const password = identity['password'];
    if (!isRecord(password) || !isRecord(password['user'])) return badRequest('auth.identity.password.user');
    const user = password['user'];
    if (typeof user['name'] !== 'string' || user['name'] === '')
      return badRequest('auth.identity.password.user.name');
    if (typeof user['password'] !== 'string' || user['password'] === '')
      return badRequest('auth.identity.password.user.password');
    const domain = user['domain'];
    if (!isRecord(domain) || (typeof domain['name'] !== 'string' && typeof domain['id'] !== 'string'))
      return badRequest('auth.identity.password.user.domain');

    // This service needs a project-scoped token (AUTH.md 3.1): a missing or non-project scope is a 400.
    const scope = auth['scope'];
    if (!isRecord(scope) || !isRecord(scope['project'])) return badRequest('auth.scope.project');
    const project = scope['project'];
    const byId = typeof project['id'] === 'string' ? project['id'] : undefined;
    const byName = typeof project['name'] === 'string' ? project['name'] : undefined;
    if (byId === undefined && byName === undefined) return badRequest('auth.scope.project');

    const domainOk = domain['name'] === opts.domain || domain['id'] === domainId;
    // Every part is compared, each in constant time, so the answer time tells nothing about which was wrong.
    const nameOk = sameSecret(user['name'], opts.user);
    const passwordOk = sameSecret(user['password'], opts.password);
    const credsOk = nameOk && passwordOk && domainOk;
    if (!credsOk) return errorAnswer(401, 'IAM.0001', UNAUTHORIZED_MSG);
    const projectOk = byId !== undefined ? byId === opts.projectId : byName === opts.projectName;
    if (!projectOk)
      return errorAnswer(401, 'IAM.0001', 'The project does not exist or the user has no access to it.');

    const { token, issuedAt, expiresAt } = issue();
    const tokenBody: Record<string, unknown> = {
      expires_at: formatIamTime(expiresAt),
      issued_at: formatIamTime(issuedAt),
      methods: ['password'],
      project: { id: opts.projectId, name: opts.projectName, domain: { id: domainId, name: opts.domain } },
      user: {
        id: userId,
        name: opts.user,
        domain: { id: domainId, name: opts.domain },
        password_expires_at: '',
      },
      roles: [{ id: stableId('role:te_admin'), name: 'te_admin' }],
    };
    // `?nocatalog=true` is what clients send; without it Keystone includes the service catalog.
    if (query.get('nocatalog') !== 'true') tokenBody['catalog'] = [];
    return {
      status: 201,
      headers: {
        'Content-Type': 'application/json;charset=UTF-8',
        'X-Subject-Token': token,
        'Cache-Control': 'no-cache, no-store, must-revalidate',
        Pragma: 'no-cache',
      },
      body: { token: tokenBody },
    };
  }

  return {
    handleTokenRequest,
    isValidToken(token: string): boolean {
      const exp = tokens.get(token);
      if (exp === undefined) return false;
      if (opts.nowMs() >= exp) {
        tokens.delete(token);
        return false;
      }
      return true;
    },
    issueStaticToken(): string {
      return issue().token;
    },
    expireAll(): void {
      tokens.clear();
    },
    storedTokens(): number {
      return tokens.size;
    },
  };
}
