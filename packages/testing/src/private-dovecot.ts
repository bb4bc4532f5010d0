// A private Dovecot instance on its own port and folder, for tests that stop and restart the
// server or need settings the shared project instance must not get (TLS, an OAuth2 passdb).
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DovecotUser } from "./dovecot-user.js";
import { freePort, waitForPort } from "./free-port.js";
import { REPO_ROOT } from "./repo-paths.js";

export interface PrivateDovecot {
  user: DovecotUser;
  /** Implicit-TLS port (imaps), when created with `tls: true`; STARTTLS is then offered on `user.port`. */
  tlsPort: number | null;
  /** Dovecot's own log (login lines name the SASL mechanism: `method=XOAUTH2`). */
  readLog(): string;
  start(): Promise<void>;
  /** Asynchronous on purpose: a blocking doveadm call would freeze the in-process poller too. */
  stop(): Promise<void>;
  destroy(): void;
}

/** Runs a command with no pipes attached: dovecot's daemon keeps inherited pipes open forever. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "ignore" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}

/** Self-signed certificate, STARTTLS on the plain port and implicit TLS on a second one. */
function tlsSettings(dir: string, tlsPort: number): { ssl: string; listener: string } {
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=127.0.0.1",
      "-keyout",
      path.join(dir, "key.pem"),
      "-out",
      path.join(dir, "cert.pem"),
    ],
    { stdio: "ignore" },
  );
  return {
    ssl: `ssl = yes\nssl_cert = <${dir}/cert.pem\nssl_key = <${dir}/key.pem\nssl_dh = </usr/share/dovecot/dh.pem`,
    listener: `inet_listener imaps {\n    address = 127.0.0.1\n    port = ${tlsPort}\n    ssl = yes\n  }`,
  };
}

/**
 * Adds XOAUTH2 logins checked by Dovecot 2.3's oauth2 passdb, which POSTs `token=<token>` to the
 * introspection URL (RFC 7662) and accepts the login when the answer has `active: true` and a
 * `username` equal to the login name. Password logins stay on the passwd-file (the `mechanisms`
 * lines keep a password from ever being sent to the introspection endpoint). OAUTHBEARER is not
 * offered: imapflow prefers it when it is, and Microsoft 365 offers only XOAUTH2. `auth_verbose`
 * logs why a token was refused.
 */
function oauth2Settings(dir: string, introspectionUrl: string): { auth: string; passdb: string } {
  const file = path.join(dir, "oauth2.conf.ext");
  writeFileSync(
    file,
    [
      `introspection_url = ${introspectionUrl}`,
      "introspection_mode = post",
      "username_attribute = username",
      "active_attribute = active",
      "active_value = true",
      "",
    ].join("\n"),
  );
  return {
    auth: "auth_mechanisms = plain login xoauth2\nauth_verbose = yes",
    passdb: `passdb {\n  driver = oauth2\n  mechanisms = xoauth2\n  args = ${file}\n}`,
  };
}

export async function createPrivateDovecot(
  options: { tls?: boolean; oauth2IntrospectionUrl?: string } = {},
): Promise<PrivateDovecot> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sn-dovecot-"));
  chmodSync(dir, 0o755); // the auth process (user dovecot) must reach the passwd-file
  const port = await freePort();
  for (const sub of ["mail", "run", "state"]) mkdirSync(path.join(dir, sub));
  const template = readFileSync(path.join(REPO_ROOT, "scripts/dovecot/dovecot.conf.template"), "utf8");
  const config = path.join(dir, "dovecot.conf");
  let rendered = template
    .replaceAll("RUNDIR", dir)
    .replaceAll("IMAP_PORT", String(port))
    .replace(/instance_name = .*/, `instance_name = sn-private-${port}`);
  const tlsPort = options.tls ? await freePort() : null;
  if (tlsPort) {
    const tls = tlsSettings(dir, tlsPort);
    rendered = rendered.replace(/^ssl = no$/m, tls.ssl).replace(/inet_listener imaps \{[^}]*\}/, tls.listener);
  }
  if (options.oauth2IntrospectionUrl) {
    const oauth2 = oauth2Settings(dir, options.oauth2IntrospectionUrl);
    rendered = rendered
      .replace(/^auth_mechanisms = .*$/m, oauth2.auth)
      .replace(
        /passdb \{\n {2}driver = passwd-file\n[^}]*\}/,
        (passwd) => `${passwd.replace(/\}$/, "  mechanisms = plain login\n}")}\n${oauth2.passdb}`,
      );
    if (!rendered.includes(oauth2.auth) || !rendered.includes(oauth2.passdb))
      throw new Error("dovecot.conf.template changed: cannot add the oauth2 passdb");
  }
  writeFileSync(config, rendered);
  const user = `u${randomBytes(4).toString("hex")}`;
  const pass = randomBytes(9).toString("base64url");
  writeFileSync(path.join(dir, "users"), `${user}:{PLAIN}${pass}\n`);
  const nobody = Number(execFileSync("id", ["-u", "nobody"]).toString().trim());
  const nogroup = Number(execFileSync("getent", ["group", "nogroup"]).toString().split(":")[2]);
  chownSync(path.join(dir, "mail"), nobody, nogroup);
  return {
    tlsPort,
    readLog: () => readFileSync(path.join(dir, "dovecot.log"), "utf8"),
    user: {
      user,
      pass,
      host: "127.0.0.1",
      port,
      url: `imap://${user}:${pass}@127.0.0.1:${port}/INBOX`,
      maildir: path.join(dir, "mail", user, "Maildir"),
    },
    async start() {
      await run("dovecot", ["-c", config]);
      await waitForPort(port, true);
    },
    async stop() {
      await run("doveadm", ["-c", config, "stop"]);
    },
    destroy() {
      try {
        execFileSync("doveadm", ["-c", config, "stop"], { stdio: "ignore" });
      } catch {
        /* already stopped */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
