// IAM password login (AUTH.md 2.1/2.2): POST {iam}/v3/auth/tokens with project scope; the token is the
// X-Subject-Token response header. Tokens are cached until shortly before `expires_at`.
import { RomaError } from '../api/errors.ts';
import { parseTimestamp } from '../api/normalize.ts';
import { Transport } from '../api/transport.ts';
import type { AuthProvider } from './provider.ts';

export interface PasswordCredentials {
  user: string;
  password: string;
  /** Account (domain) name the IAM user belongs to. */
  domain: string;
  projectId: string;
}

export interface IamTokenSourceOptions {
  iamEndpoint: string;
  credentials: PasswordCredentials;
  timeoutMs?: number;
  insecure?: boolean;
  /** Refresh this long before `expires_at` (default 5 minutes). */
  refreshMarginMs?: number;
  now?: () => number;
  logger?: (line: string) => void;
}

export interface IamToken {
  token: string;
  expiresAt: number;
}

const NO_AUTH: AuthProvider = { method: 'token', authorize: async () => ({}), secrets: () => [] };

export class IamTokenSource {
  private cached: IamToken | undefined;
  private pending: Promise<IamToken> | undefined;
  private readonly transport: Transport;
  /** How many logins were made (tests read it). */
  logins = 0;

  constructor(private readonly opts: IamTokenSourceOptions) {
    const secrets = () => [opts.credentials.password, ...(this.cached ? [this.cached.token] : [])];
    this.transport = new Transport({
      endpoint: opts.iamEndpoint,
      auth: { ...NO_AUTH, secrets },
      timeoutMs: opts.timeoutMs,
      insecure: opts.insecure,
      retry: { limit: 1 },
      logger: opts.logger,
    });
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  /** A valid token, logging in when none is cached or the cached one is about to expire. */
  async token(signal?: AbortSignal): Promise<string> {
    const margin = this.opts.refreshMarginMs ?? 5 * 60_000;
    if (this.cached && this.cached.expiresAt - margin > this.now()) return this.cached.token;
    // The login is shared by every caller waiting meanwhile, so it must not die with the first caller's
    // signal: it runs under the IAM transport's own timeout, and each caller stops waiting on its own.
    if (!this.pending) {
      const pending = this.login().finally(() => {
        this.pending = undefined;
      });
      pending.catch(() => {}); // every caller may have gone; the failure is theirs to see, not the process's
      this.pending = pending;
    }
    return (await untilAborted(this.pending, signal)).token;
  }

  /**
   * Drops the cached token. Given the token a server rejected, drops it only if it is still the cached
   * one: requests that were in flight with the old token then reuse the fresh login instead of starting
   * one each (one refresh for a burst of 401s).
   */
  invalidate(rejected?: string): void {
    if (rejected === undefined || this.cached?.token === rejected) this.cached = undefined;
  }

  secrets(): string[] {
    return [this.opts.credentials.password, ...(this.cached ? [this.cached.token] : [])];
  }

  private async login(): Promise<IamToken> {
    const c = this.opts.credentials;
    const path = '/v3/auth/tokens';
    this.logins++;
    const res = await this.transport
      .request({
        method: 'POST',
        path,
        allowInReadOnly: true,
        body: {
          auth: {
            identity: {
              methods: ['password'],
              password: { user: { name: c.user, password: c.password, domain: { name: c.domain } } },
            },
            scope: { project: { id: c.projectId } },
          },
        },
      })
      .catch((e: unknown) => {
        if (e instanceof RomaError && e.kind === 'http' && (e.status === 401 || e.status === 400)) {
          throw new RomaError({
            kind: 'auth',
            method: 'POST',
            path,
            status: e.status,
            errorCode: e.errorCode,
            errorMsg: e.errorMsg,
            requestId: e.requestId,
            hint: 'IAM refused the login: check the user name, password, account (domain) name and project id.',
          });
        }
        throw e;
      });
    const token = res.headers.get('x-subject-token');
    if (!token) {
      throw new RomaError({
        kind: 'auth',
        method: 'POST',
        path,
        status: res.status,
        errorMsg: 'no X-Subject-Token header in the IAM answer',
      });
    }
    const body = res.body as { token?: { expires_at?: unknown } } | undefined;
    // IAM tokens live 24 h (AUTH.md 3.1); when expires_at is missing or unparseable assume 23 h.
    const expiresAt = parseTimestamp(body?.token?.expires_at)?.getTime() ?? this.now() + 23 * 3600_000;
    this.cached = { token, expiresAt };
    return this.cached;
  }
}

function untilAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
