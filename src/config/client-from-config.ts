// Turns a ResolvedConfig into a RomaClient: picks the auth provider and wires --log-file.
import { appendFileSync } from 'node:fs';
import { createRomaClient, type RomaClient } from '../api/client.ts';
import { akskProvider, passwordProvider, temporaryAkskProvider, tokenProvider } from '../auth/providers.ts';
import type { AuthProvider } from '../auth/provider.ts';
import type { ResolvedConfig } from './resolve.ts';

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

export function clientFromConfig(cfg: ResolvedConfig): RomaClient {
  const logger = cfg.logFile ? fileLogger(cfg.logFile) : undefined;
  return createRomaClient({
    endpoint: cfg.endpoint,
    projectId: cfg.projectId,
    auth: authProviderFor(cfg, logger),
    instanceIds: cfg.instanceIds,
    timeoutMs: cfg.timeoutMs,
    insecure: cfg.insecure,
    readOnly: cfg.readOnly,
    logger,
  });
}
