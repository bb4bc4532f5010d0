// Access tokens for XOAUTH2 from an OAuth2 token endpoint by the client-credentials grant (RFC 6749
// section 4.4; Microsoft 365: login.microsoftonline.com/<tenant>/oauth2/v2.0/token). One request at
// a time, a token is reused until shortly before it expires, and `invalidate` forces a new one.

export interface OAuthClientSettings {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
}

export interface AccessToken {
  token: string;
  /** Epoch ms when the endpoint says it expires. */
  expiresAt: number;
  /** Epoch ms after which a session should log in again with a new token. */
  renewAt: number;
}

export interface AccessTokenSource {
  /** A token valid until at least its renewAt; asks the endpoint only when the cached one is due. */
  get(): Promise<AccessToken>;
  /** Forget the cached token (a login with it was refused): the next get() asks again. */
  invalidate(): void;
  /** Tokens obtained from the endpoint so far. */
  readonly issued: number;
}

/** Renew a quarter of the lifetime early, at most five minutes (Microsoft: about an hour each). */
export function renewTime(obtainedAt: number, expiresInSeconds: number): number {
  const lifetime = expiresInSeconds * 1000;
  return obtainedAt + lifetime - Math.min(5 * 60_000, lifetime / 4);
}

/** A refusal of the client itself (wrong id or secret, no consent): retrying will not help. */
const PERMANENT_ERRORS = new Set(["invalid_client", "unauthorized_client", "invalid_grant", "invalid_scope"]);

export function createAccessTokenSource(
  settings: OAuthClientSettings,
  options: { now?: () => number; timeoutMs?: number } = {},
): AccessTokenSource {
  const now = options.now ?? Date.now;
  let cached: AccessToken | null = null;
  let pending: Promise<AccessToken> | null = null;
  let issued = 0;

  async function request(): Promise<AccessToken> {
    const requestedAt = now();
    const body = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      scope: settings.scope,
    });
    let response: Response;
    try {
      response = await fetch(settings.tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body,
        redirect: "error",
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      // The URL and the cause only: the request body carries the client secret.
      throw new Error(`token endpoint unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok || typeof answer.access_token !== "string") {
      const code = typeof answer.error === "string" ? answer.error : "";
      const message = `token endpoint answered ${response.status}${code ? ` ${code}` : ""}`;
      // A refused client is an authentication failure (alarm, no retries); 5xx and 429 are temporary.
      if (PERMANENT_ERRORS.has(code) || response.status === 401)
        throw Object.assign(new Error(message), { authenticationFailed: true, responseText: message });
      throw new Error(message);
    }
    const expiresIn = Number(answer.expires_in);
    const lifetime = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600;
    issued++;
    return {
      token: answer.access_token,
      expiresAt: requestedAt + lifetime * 1000,
      renewAt: renewTime(requestedAt, lifetime),
    };
  }

  return {
    get() {
      if (cached && now() < cached.renewAt) return Promise.resolve(cached);
      pending ??= request()
        .then((token) => (cached = token))
        .finally(() => {
          pending = null;
        });
      return pending;
    },
    invalidate() {
      cached = null;
    },
    get issued() {
      return issued;
    },
  };
}
