// Tells a refused login (stop and alarm: retrying will not help and may lock the account) from
// a temporary one (retry with backoff), from the server's response code (RFC 5530 section 3).
export interface LoginError {
  authenticationFailed?: boolean;
  serverResponseCode?: string;
  responseText?: string;
}

/** Codes that say the server could not check the credentials right now, not that they are wrong. */
const TEMPORARY_CODES = new Set(["UNAVAILABLE", "SERVERBUG", "INUSE", "LIMIT"]);

export function isPermanentAuthFailure(error: LoginError): boolean {
  if (!error.authenticationFailed) return false;
  const code = (error.serverResponseCode ?? "").toUpperCase();
  if (TEMPORARY_CODES.has(code)) return false;
  // Dovecot without a response code says "Temporary authentication failure" for a backend error.
  return !/temporary/i.test(error.responseText ?? "");
}
