// Who acts, for the audit log: the profile and the credential's principal, never a secret.
import type { Credentials } from '../config/resolve.ts';

/** `AKID…WXYZ`-style: enough to tell keys apart in a log, not enough to use one. */
export function maskAccessKey(ak: string): string {
  if (ak.length <= 8) return `${ak.slice(0, 2)}…`;
  return `${ak.slice(0, 4)}…${ak.slice(-4)}`;
}

/** The principal of a credential: the AK id (masked), the IAM user, or just "token". */
export function principalOf(c: Credentials): string {
  switch (c.method) {
    case 'aksk':
      return `ak:${maskAccessKey(c.ak)}`;
    case 'temporary-aksk':
      return `temporary-ak:${maskAccessKey(c.ak)}`;
    case 'password':
      return `iam-user:${c.user}@${c.domain}`;
    case 'token':
      return 'token';
  }
}
