// Helpers for the ingest processor's integration tests and the benchmark: store real-format NDRs
// as encrypted raw messages, and build an ingest context against a given database and Redis.
import { randomBytes, randomUUID } from "node:crypto";
import { DEFAULT_GROUP_SETTINGS, DEFAULT_RULES, type ResponsibilityRules } from "@safetynet/classifier";
import { createLogger } from "@safetynet/config";
import {
  createRawMessageCipher,
  createTransactionPool,
  type DbClient,
  type RawMessageCipher,
  sha256Hex,
} from "@safetynet/db";
import { createQueue } from "@safetynet/queue";
import type { Redis } from "ioredis";
import { createRulesSource } from "../load-rules.js";
import type { IngestContext } from "./ingest-context.js";

export const TEST_KEY = randomBytes(32).toString("base64");

export const TEST_RULES: ResponsibilityRules = {
  ...DEFAULT_RULES,
  suppliers: [{ id: "sikkermail", match: { hosts: ["*.sikkermail.example"], gateways: [], domains: [] } }],
};

/** The caller ends `context.sql` (a pool on `databaseUrl`) when done. */
export function testContext(
  db: DbClient,
  databaseUrl: string,
  connection: Redis,
  prefix: string,
  rules = TEST_RULES,
): IngestContext {
  return {
    db,
    sql: createTransactionPool(databaseUrl, { poolSize: 5 }),
    cipher: createRawMessageCipher(TEST_KEY),
    rules: createRulesSource(db, rules),
    settings: DEFAULT_GROUP_SETTINGS,
    queues: {
      notify: createQueue("notify", { connection, prefix }),
      escalate: createQueue("escalate", { connection, prefix }),
      webhooks: createQueue("webhooks", { connection, prefix }),
    },
    log: createLogger({ level: "silent" }),
  };
}

/** Store raw messages as the poller would (encrypted, state stored); returns their ids in order. */
export async function storeMessages(
  db: DbClient,
  raws: readonly string[],
  options: { source?: "live" | "import"; cipher?: RawMessageCipher } = {},
): Promise<string[]> {
  const cipher = options.cipher ?? createRawMessageCipher(TEST_KEY);
  const rows = raws.map((raw) => {
    const bytes = Buffer.from(raw, "latin1");
    return {
      id: randomUUID(),
      source: options.source ?? "live",
      sha256: sha256Hex(bytes),
      size: bytes.length,
      encrypted: new Uint8Array(cipher.encrypt(bytes)),
    };
  });
  for (let i = 0; i < rows.length; i += 500) await db.rawMessage.createMany({ data: rows.slice(i, i + 500) });
  return rows.map((row) => row.id);
}
