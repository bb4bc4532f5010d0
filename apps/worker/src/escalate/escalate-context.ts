// What the escalate and webhook-delivery processors need: the database, the webhooks queue for
// attempts and retries, the guard's allow-list, the dashboard's address for links, and (for tests)
// a clock, a resolver, a timeout and a random source for the retry jitter.
import type { Logger } from "@safetynet/config";
import type { DbClient } from "@safetynet/db";
import type { Resolver } from "@safetynet/webhooks";
import type { Queue } from "bullmq";

export interface EscalateContext {
  db: DbClient;
  /** The `webhooks` queue: one job per attempt. */
  webhooks: Queue;
  dashboardUrl: string;
  allowHosts: readonly string[];
  log: Logger;
  clock?: () => Date;
  resolve?: Resolver;
  timeoutMs?: number;
  random?: () => number;
}
