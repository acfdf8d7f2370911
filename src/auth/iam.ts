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
    this.pending ??= this.login(signal).finally(() => {
      this.pending = undefined;
    });
    return (await this.pending).token;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  secrets(): string[] {
    return [this.opts.credentials.password, ...(this.cached ? [this.cached.token] : [])];
  }

  private async login(signal?: AbortSignal): Promise<IamToken> {
    const c = this.opts.credentials;
    const path = '/v3/auth/tokens';
    this.logins++;
    const res = await this.transport
      .request({
        method: 'POST',
        path,
        signal,
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
