// Reads an IMAP mailbox URL (`imap://user:pass@host:1143/INBOX`, `imaps://` for implicit TLS)
// into connection settings, and writes the form safe to store and log (no password).
export type StartTls = "auto" | "required" | "never";

export interface ImapEndpoint {
  host: string;
  port: number;
  /** Implicit TLS (imaps://, usually port 993). */
  secure: boolean;
  /** For imap://: upgrade when offered (auto), insist (required), or stay plain (never). */
  startTls: StartTls;
  /** false only for test servers with self-signed certificates (`?tls_verify=false`). */
  verifyCertificate: boolean;
  user: string;
  pass: string | null;
  folder: string;
}

export function parseImapUrl(value: string): ImapEndpoint {
  const url = new URL(value);
  const secure = url.protocol === "imaps:";
  if (!secure && url.protocol !== "imap:")
    throw new Error(`expected an imap:// or imaps:// URL, got ${url.protocol}//`);
  const startTls = (url.searchParams.get("starttls") ?? "auto") as StartTls;
  if (!["auto", "required", "never"].includes(startTls)) throw new Error("starttls must be auto, required or never");
  const folder = decodeURIComponent(url.pathname.replace(/^\//, "")) || "INBOX";
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 993 : 143,
    secure,
    startTls,
    verifyCertificate: url.searchParams.get("tls_verify") !== "false",
    user: decodeURIComponent(url.username),
    pass: url.password ? decodeURIComponent(url.password) : null,
    folder,
  };
}

/** The URL without its password: what the Mailbox row and the logs hold. */
export function publicImapUrl(value: string): string {
  const url = new URL(value);
  url.password = "";
  return url.toString();
}

/** A stable, readable name for the IMAP_URL mailbox: one row per account and folder. */
export function mailboxNameFor(endpoint: ImapEndpoint): string {
  return `${endpoint.user}@${endpoint.host}:${endpoint.port}/${endpoint.folder}`;
}
