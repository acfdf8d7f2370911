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
   * Called when the server answers 401 saying the token is invalid or expired, with the auth headers that
   * were rejected. Returns true when the request may be sent once more with other credentials (the IAM
   * password provider drops that token, unless a newer one already replaced it), false otherwise.
   */
  invalidate?(rejected?: Record<string, string>): boolean;
  /** Every secret this provider holds, so logs and errors can redact them. */
  secrets(): string[];
}
