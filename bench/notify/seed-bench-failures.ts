// Benchmark data: N failed original messages, one failed recipient each, from N different
// internal senders (so neither digests nor per-sender grouping kick in), in two bulk inserts.
import { randomBytes, randomUUID } from "node:crypto";
import type { DbClient } from "@safetynet/db";

export async function seedBenchFailures(db: DbClient, count: number): Promise<string[]> {
  const failureIds: string[] = [];
  for (let start = 0; start < count; start += 1000) {
    const size = Math.min(1000, count - start);
    const raw = Array.from({ length: size }, () => ({
      id: randomUUID(),
      source: "live" as const,
      sha256: randomBytes(32).toString("hex"),
      size: 1,
      encrypted: Buffer.from("x"),
      state: "parsed" as const,
      kind: "bounce",
    }));
    await db.rawMessage.createMany({ data: raw });
    const failures = raw.map((message, i) => {
      const id = randomUUID();
      failureIds.push(id);
      return {
        id,
        rawMessageId: message.id,
        recipientIndex: 0,
        reason: "filtered",
        cause: "cpr-in-subject",
        responsible: "sender",
        originalSender: `sagsbehandler${start + i}@kommune.example`,
        recipient: `modtager${start + i}@politi.example`,
        recipientDomain: "politi.example",
        subjectMasked: "Underretning vedr. 0102XX-XXXX",
        originalMessageId: `<bench-${start + i}@kommune.example>`,
        originalDate: new Date(),
        failedAt: new Date(),
      };
    });
    await db.failure.createMany({ data: failures });
  }
  return failureIds;
}
