// The four ways real users authenticate: AK/SK signing, temporary AK/SK (+ security token, signed along),
// a ready IAM token, and IAM password login (token cached, refreshed once on an invalid-token 401).
import { IamTokenSource, type IamTokenSourceOptions } from './iam.ts';
import type { AuthProvider } from './provider.ts';
import { signRequest } from './signer.ts';

export type { AuthMethod, AuthProvider, AuthRequest } from './provider.ts';

export function akskProvider(
  cred: { ak: string; sk: string; projectId?: string },
  now?: () => Date,
): AuthProvider {
  return {
    method: 'aksk',
    authorize: async (req) =>
      signRequest(
        { method: req.method, url: req.url, headers: req.headers, body: req.body },
        cred,
        now?.() ?? new Date(),
      ),
    secrets: () => [cred.ak, cred.sk],
  };
}

export function temporaryAkskProvider(
  cred: { ak: string; sk: string; securityToken: string; projectId?: string },
  now?: () => Date,
): AuthProvider {
  return {
    method: 'temporary-aksk',
    authorize: async (req) =>
      signRequest(
        { method: req.method, url: req.url, headers: req.headers, body: req.body },
        cred,
        now?.() ?? new Date(),
      ),
    secrets: () => [cred.ak, cred.sk, cred.securityToken],
  };
}

export function tokenProvider(token: string): AuthProvider {
  return {
    method: 'token',
    authorize: async () => ({ 'X-Auth-Token': token }),
    secrets: () => [token],
  };
}

export function passwordProvider(opts: IamTokenSourceOptions): AuthProvider & { source: IamTokenSource } {
  const source = new IamTokenSource(opts);
  return {
    method: 'password',
    source,
    authorize: async (_req, signal) => ({ 'X-Auth-Token': await source.token(signal) }),
    invalidate: (rejected) => {
      source.invalidate(rejected?.['X-Auth-Token']);
      return true;
    },
    secrets: () => source.secrets(),
  };
}
