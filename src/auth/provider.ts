// The contract between the transport and the four ways of authenticating (see providers.ts).

export type AuthMethod = 'aksk' | 'temporary-aksk' | 'token' | 'password';

export interface AuthRequest {
  method: string;
  /** Full URL with the wire query string. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface AuthProvider {
  readonly method: AuthMethod;
  /** Headers for one attempt; called again for every retry so each attempt carries a fresh X-Sdk-Date. */
  authorize(req: AuthRequest, signal?: AbortSignal): Promise<Record<string, string>>;
  /**
   * Called when the server answers 401 saying the token is invalid or expired. Returns true when fresh
   * credentials can be obtained (the IAM password provider drops its cached token), false otherwise.
   */
  invalidate?(): boolean;
  /** Every secret this provider holds, so logs and errors can redact them. */
  secrets(): string[];
}
