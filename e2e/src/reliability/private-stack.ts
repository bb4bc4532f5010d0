// The services a reliability run restarts, all its own on free loopback ports in one temp folder
// (the shared PostgreSQL, Redis and Dovecot serve everyone else's tests and must never go down):
// a PostgreSQL cluster with the migrated schema, a redis-server with AOF, a Dovecot with one user,
// the SMTP listener that counts notices and the supplier's webhook receiver, plus SUPPLIERS_FILE.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  createPrivateDovecot,
  createPrivatePostgres,
  createPrivateRedis,
  type HttpReceiver,
  type PrivateDovecot,
  type PrivatePostgres,
  type PrivateRedis,
  type SmtpListener,
  startHttpReceiver,
  startSmtpListener,
} from "@safetynet/testing";
import { supplierHosts, supplierId } from "./reliability-ndrs.js";

export interface PrivateStack {
  dir: string;
  postgres: PrivatePostgres;
  databaseUrl: string;
  redis: PrivateRedis;
  dovecot: PrivateDovecot;
  smtp: SmtpListener;
  supplier: HttpReceiver;
  /** The supplier endpoint's signing secret (`whsec_...`). */
  webhookSecret: string;
  suppliersFile: string;
  /** Stops everything; keeps the folder (the processes' logs) when `keepLogs`. */
  destroy(options?: { keepLogs?: boolean }): Promise<void>;
}

/**
 * One supplier per outage, each with an endpoint on the one receiver (its path names the supplier).
 * `relayDelayMs`: how long the SMTP listener takes to answer the end of DATA, as a real relay does.
 */
export async function startPrivateStack(options: { suppliers: number; relayDelayMs: number }): Promise<PrivateStack> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sn-reliability-"));
  const started: { destroy(): unknown }[] = [];
  try {
    const postgres = await createPrivatePostgres();
    started.push(postgres);
    const redis = await createPrivateRedis({ appendOnly: true });
    started.push(redis);
    const dovecot = await createPrivateDovecot();
    started.push(dovecot);
    await dovecot.start();
    const smtp = await startSmtpListener({ replyDelayMs: options.relayDelayMs });
    started.push({ destroy: () => smtp.close() });
    const supplier = await startHttpReceiver();
    started.push({ destroy: () => supplier.close() });
    const databaseUrl = await postgres.createMigratedDatabase("safetynet");
    const webhookSecret = `whsec_${Buffer.from("reliability-webhook-secret-32-b!").toString("base64")}`;
    const suppliersFile = path.join(dir, "suppliers.json");
    writeFileSync(
      suppliersFile,
      JSON.stringify({
        suppliers: Array.from({ length: options.suppliers }, (_, k) => ({
          id: supplierId(k),
          name: `Secure mail supplier ${k + 1}`,
          match: { hosts: supplierHosts(k) },
          endpoints: [{ url: `${supplier.url}/${supplierId(k)}`, secret: webhookSecret }],
        })),
      }),
    );
    return {
      dir,
      postgres,
      databaseUrl,
      redis,
      dovecot,
      smtp,
      supplier,
      webhookSecret,
      suppliersFile,
      async destroy(options = {}) {
        for (const service of started.reverse()) await Promise.resolve(service.destroy()).catch(() => undefined);
        if (!options.keepLogs) rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const service of started.reverse()) await Promise.resolve(service.destroy()).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
