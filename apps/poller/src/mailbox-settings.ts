// Turns the mailbox rows to poll into connection settings: the IMAP_URL row takes its secret
// from the environment, API rows from their encrypted credentials column.

import { type ImapEndpoint, parseImapUrl } from "@safetynet/core";
import { type MailboxToPoll, openMailboxCredentials } from "@safetynet/db";
import type { PollerConfig } from "./poller-config.js";

export interface MailboxSettings {
  id: string;
  name: string;
  endpoint: ImapEndpoint;
  /** `missing`: why no login can work (an XOAUTH2 mailbox without a token): a permanent auth failure. */
  auth: {
    user: string;
    pass?: string;
    accessToken?: string;
    /** Access tokens come from the OAuth2 token endpoint (IMAP_OAUTH_*), renewed before they expire. */
    oauthClient?: boolean;
    missing?: string;
  };
  markMode: "move" | "keyword" | "none";
  processedFolder: string;
  /** Changes when anything that needs a new connection changes. */
  fingerprint: string;
}

export function settingsFor(row: MailboxToPoll, config: PollerConfig): MailboxSettings {
  const endpoint = parseImapUrl(row.url);
  let auth: MailboxSettings["auth"];
  if (row.origin === "config") {
    const fromEnv = config.IMAP_URL ? parseImapUrl(config.IMAP_URL) : endpoint;
    if (row.authMethod === "xoauth2" && config.IMAP_OAUTH_TOKEN_URL) auth = { user: fromEnv.user, oauthClient: true };
    else
      auth =
        row.authMethod === "xoauth2" && config.IMAP_ACCESS_TOKEN
          ? { user: fromEnv.user, accessToken: config.IMAP_ACCESS_TOKEN }
          : { user: fromEnv.user, pass: fromEnv.pass ?? "" };
  } else {
    const credentials = row.credentials
      ? openMailboxCredentials(config.SAFETYNET_KEY, row.credentials)
      : { user: endpoint.user };
    const user = credentials.user || endpoint.user;
    if (row.authMethod !== "xoauth2") auth = { user, pass: credentials.pass ?? endpoint.pass ?? "" };
    else
      auth = credentials.accessToken
        ? { user, accessToken: credentials.accessToken }
        : { user, missing: "no access token is stored for this XOAUTH2 mailbox" };
  }
  const fingerprint = JSON.stringify([
    row.url,
    row.authMethod,
    row.markMode,
    row.processedFolder,
    row.credentials ? Buffer.from(row.credentials).toString("base64") : null,
  ]);
  return {
    id: row.id,
    name: row.name,
    endpoint,
    auth,
    markMode: row.markMode,
    processedFolder: row.processedFolder,
    fingerprint,
  };
}
