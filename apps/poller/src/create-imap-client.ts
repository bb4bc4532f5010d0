// Builds the imapflow client for one mailbox: TLS mode, password or XOAUTH2 (Microsoft 365),
// and IDLE started almost at once (imapflow waits 15 s by default before it idles).
import { ImapFlow, type ImapFlowOptions } from "imapflow";
import type { MailboxSettings } from "./mailbox-settings.js";

export interface ClientTuning {
  idle: boolean;
  /** How often IDLE is restarted, and the poll interval on servers without IDLE. */
  pollMs: number;
}

/** `accessToken`: a token from the token endpoint, for a mailbox whose settings say `oauthClient`. */
export function createImapClient(settings: MailboxSettings, tuning: ClientTuning, accessToken?: string): ImapFlow {
  const { endpoint } = settings;
  const auth = accessToken ? { ...settings.auth, accessToken } : settings.auth;
  const options: ImapFlowOptions = {
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.secure,
    // doSTARTTLS undefined = upgrade when the server offers it (imapflow's own default).
    ...(endpoint.secure || endpoint.startTls === "auto" ? {} : { doSTARTTLS: endpoint.startTls === "required" }),
    tls: {
      rejectUnauthorized: endpoint.verifyCertificate,
      servername: /^[\d.:]+$/.test(endpoint.host) ? undefined : endpoint.host,
    },
    // imapflow picks AUTHENTICATE XOAUTH2 (or OAUTHBEARER) when given an access token.
    auth: auth.accessToken
      ? { user: auth.user, accessToken: auth.accessToken }
      : { user: auth.user, pass: auth.pass ?? "" },
    // Our own pino logger records what matters; imapflow's debug output could carry mail text.
    logger: false,
    disableAutoIdle: !tuning.idle,
    autoIdleDelay: 50,
    maxIdleTime: tuning.pollMs,
    // Without IDLE, imapflow polls; NOOP on the selected folder reports new EXISTS counts.
    missingIdleCommand: "NOOP",
    connectionTimeout: 30_000,
    greetingTimeout: 16_000,
    socketTimeout: 5 * 60_000,
    clientInfo: { name: "safetynet-poller" },
  };
  return new ImapFlow(options);
}
