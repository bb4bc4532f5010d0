// An OAuth2 token introspection endpoint (RFC 7662) on loopback, for Dovecot's oauth2 passdb in
// the XOAUTH2 tests: active for the tokens a test grants, inactive for every other token.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface TokenIntrospection {
  url: string;
  /** Makes `token` active for `username` (the `username` attribute Dovecot matches to the login). */
  grant(token: string, username: string): void;
  /** Makes `token` inactive again (it expired, or was revoked). */
  revoke(token: string): void;
  /** Answers every request with this HTTP status from now on (an identity provider outage); null ends it. */
  failWith(status: number | null): void;
  /** The tokens Dovecot asked about, in order. */
  readonly asked: string[];
  close(): Promise<void>;
}

export async function startTokenIntrospection(): Promise<TokenIntrospection> {
  const granted = new Map<string, string>();
  const asked: string[] = [];
  let failure: number | null = null;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      // introspection_mode = post: `token=<token>` as an application/x-www-form-urlencoded body.
      const token = new URLSearchParams(Buffer.concat(chunks).toString("utf8")).get("token") ?? "";
      asked.push(token);
      if (failure) return void res.writeHead(failure, { "content-type": "text/plain" }).end("unavailable");
      const username = granted.get(token);
      // RFC 7662 section 2.2: an inactive token gets `active: false` and nothing else. Dovecot
      // 2.3.19 logs "Introspection failed: Provided token is not valid" and refuses the login
      // with NO [AUTHENTICATIONFAILED], as for a wrong password.
      const body = username ? { active: true, username } : { active: false };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/introspect`,
    grant: (token, username) => void granted.set(token, username),
    revoke: (token) => void granted.delete(token),
    failWith: (status) => void (failure = status),
    asked,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
