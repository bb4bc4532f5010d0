// An OAuth2 token endpoint (RFC 6749 section 4.4, client credentials) on loopback, for the XOAUTH2
// rotation tests: every request with the right client gets a new token that the introspection
// endpoint accepts until it expires (`lifetimeSeconds`), as Microsoft's login endpoint does.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { TokenIntrospection } from "./token-introspection.js";

export interface TokenEndpointOptions {
  introspection: TokenIntrospection;
  /** The Dovecot user the tokens log in as. */
  username: string;
  clientId: string;
  clientSecret: string;
  lifetimeSeconds: number;
  /** Issue this many tokens that the introspection endpoint never accepts (revoked at once). */
  refuseFirst?: number;
}

export interface TokenEndpoint {
  url: string;
  /** Tokens issued, in order (the refused ones too). */
  readonly issued: string[];
  /** Every request's form fields, with the secret replaced by whether it was right. */
  readonly requests: { grantType: string | null; clientId: string | null; scope: string | null; secretOk: boolean }[];
  close(): Promise<void>;
}

export async function startTokenEndpoint(options: TokenEndpointOptions): Promise<TokenEndpoint> {
  const issued: string[] = [];
  const requests: TokenEndpoint["requests"] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const request = {
        grantType: form.get("grant_type"),
        clientId: form.get("client_id"),
        scope: form.get("scope"),
        secretOk: form.get("client_secret") === options.clientSecret,
      };
      requests.push(request);
      const json = (status: number, body: object) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      if (request.grantType !== "client_credentials") return json(400, { error: "unsupported_grant_type" });
      if (request.clientId !== options.clientId || !request.secretOk) return json(401, { error: "invalid_client" });
      const token = `eyJ0eXAiOiJKV1QifQ.${randomBytes(24).toString("base64url")}.${randomBytes(16).toString("base64url")}`;
      issued.push(token);
      if (issued.length > (options.refuseFirst ?? 0)) {
        options.introspection.grant(token, options.username);
        const timer = setTimeout(() => {
          timers.delete(timer);
          options.introspection.revoke(token);
        }, options.lifetimeSeconds * 1000);
        timers.add(timer);
      }
      json(200, { token_type: "Bearer", expires_in: options.lifetimeSeconds, access_token: token });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tenant/oauth2/v2.0/token`,
    issued,
    requests,
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
