// Turns a ResolvedConfig into a RomaClient: picks the auth provider and wires --log-file.
import { appendFileSync, closeSync, openSync } from 'node:fs';
import { RomaError } from '../api/errors.ts';
import { createRomaClient, type RequestEvent, type RomaClient } from '../api/client.ts';
import { akskProvider, passwordProvider, temporaryAkskProvider, tokenProvider } from '../auth/providers.ts';
import type { AuthProvider } from '../auth/provider.ts';
import type { Credentials, ResolvedConfig } from './resolve.ts';

export function authProviderFor(cfg: ResolvedConfig, logger?: (line: string) => void): AuthProvider {
  const c = cfg.credentials;
  switch (c.method) {
    case 'aksk':
      return akskProvider({ ak: c.ak, sk: c.sk, projectId: cfg.projectId });
    case 'temporary-aksk':
      return temporaryAkskProvider({
        ak: c.ak,
        sk: c.sk,
        securityToken: c.securityToken,
        projectId: cfg.projectId,
      });
    case 'token':
      return tokenProvider(c.token);
    case 'password':
      return passwordProvider({
        iamEndpoint: cfg.iamEndpoint ?? cfg.endpoint,
        credentials: { user: c.user, password: c.password, domain: c.domain, projectId: cfg.projectId },
        timeoutMs: cfg.timeoutMs,
        insecure: cfg.insecure,
        logger,
      });
  }
}

/**
 * --log-file must be appendable before the dashboard starts: the logger itself stays silent on
 * failure (a full disk must not break the dashboard), so a wrong path would otherwise log nothing.
 */
export function checkLogFile(path: string): void {
  try {
    closeSync(openSync(path, 'a', 0o600));
  } catch (e) {
    throw new RomaError({
      kind: 'file',
      method: 'OPEN',
      path,
      errorMsg: e instanceof Error ? e.message : String(e),
      hint: '--log-file must name a file roma-dash can append to, in a directory that exists.',
      cause: e,
    });
  }
}

/** A logger appending to --log-file; lines are already redacted by the transport. */
export function fileLogger(path: string): (line: string) => void {
  return (line) => {
    try {
      appendFileSync(path, line + '\n', { mode: 0o600 });
    } catch {
      /* a broken log file must never break the dashboard */
    }
  };
}

/** The literal secrets of a credential (for redaction only: never rendered, never logged). */
export function secretsOf(c: Credentials): string[] {
  switch (c.method) {
    case 'aksk':
      return [c.ak, c.sk];
    case 'temporary-aksk':
      return [c.ak, c.sk, c.securityToken];
    case 'token':
      return [c.token];
    case 'password':
      return [c.password];
  }
}

export interface ClientWiring {
  client: RomaClient;
  /** Every secret in play now: the credential's and any token obtained since (IAM login). */
  secrets(): string[];
}

export function clientFromConfig(
  cfg: ResolvedConfig,
  opts: { onRequest?: (e: RequestEvent) => void } = {},
): RomaClient {
  return wireClient(cfg, opts).client;
}

/** The client plus a live view of its secrets, for the audit log's redaction. */
export function wireClient(
  cfg: ResolvedConfig,
  opts: { onRequest?: (e: RequestEvent) => void } = {},
): ClientWiring {
  const logger = cfg.logFile ? fileLogger(cfg.logFile) : undefined;
  const auth = authProviderFor(cfg, logger);
  const secrets = (): string[] => [
    ...new Set([...secretsOf(cfg.credentials), ...auth.secrets()].filter((s) => s.length > 0)),
  ];
  return { client: clientWith(cfg, auth, logger, opts.onRequest), secrets };
}

function clientWith(
  cfg: ResolvedConfig,
  auth: AuthProvider,
  logger: ((line: string) => void) | undefined,
  onRequest: ((e: RequestEvent) => void) | undefined,
): RomaClient {
  return createRomaClient({
    endpoint: cfg.endpoint,
    projectId: cfg.projectId,
    auth,
    instanceIds: cfg.instanceIds,
    timeoutMs: cfg.timeoutMs,
    insecure: cfg.insecure,
    readOnly: cfg.readOnly,
    logger,
    ...(onRequest ? { onRequest } : {}),
  });
}
