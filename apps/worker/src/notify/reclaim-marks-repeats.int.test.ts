// Taking over a dead worker's notice decides whether the next copy is marked as a possible repeat.
// A copy that may have reached the server stays out there when the worker that took the notice over
// dies before its own DATA (CI once saw two unmarked copies of one notice after three kills).
import { randomUUID } from "node:crypto";
import { createUtcSqlPool, reclaimInterruptedNotices, type SqlClient } from "@safetynet/db";
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedMessage } from "./testing/seed-failures.js";

const services = useTestServices();
let sql: SqlClient & { end(): Promise<void> };
beforeAll(() => {
  sql = createUtcSqlPool(services.database.url, { poolSize: 1 });
});
afterAll(async () => {
  await sql.end();
});

async function seedSendingNotice(dataStarted: boolean) {
  const { rawMessageId, failureIds } = await seedMessage(services.database.db, {
    originalSender: `caseworker-${randomUUID()}@kommune.example`,
    failures: [{ recipient: "x@else.example" }],
  });
  const smtpMessageId = `<sn-notice.${randomUUID()}@kommune.example>`;
  const claimedAt = new Date(Date.now() - 60_000);
  await services.database.db.notice.create({
    data: {
      rawMessageId,
      recipient: "caseworker@kommune.example",
      recipientRole: "sender",
      template: "individual",
      status: "sending",
      attempts: 1,
      smtpMessageId,
      claimedAt,
      dataStartedAt: dataStarted ? claimedAt : null,
      failureIds,
    },
  });
  return smtpMessageId;
}

function takeOver(smtpMessageId: string) {
  const now = new Date();
  return reclaimInterruptedNotices(sql, {
    smtpMessageId,
    claimedBefore: new Date(now.getTime() - 1_000),
    now,
    includeInData: true,
  });
}

it("a worker that died before DATA: the next copy is the first, unmarked", async () => {
  const [row] = await takeOver(await seedSendingNotice(false));
  expect(row).toMatchObject({ wasInData: false, mayRepeat: false });
});

it("a worker that died inside DATA: the next copy is marked and counted", async () => {
  const [row] = await takeOver(await seedSendingNotice(true));
  expect(row).toMatchObject({ wasInData: true, mayRepeat: true });
});

it("the worker that took over a possible repeat dies before DATA: the copy after it is still marked, counted once", async () => {
  const smtpMessageId = await seedSendingNotice(true);
  await takeOver(smtpMessageId);
  // The rescuer dies before its DATA record; its claim ages past the lease.
  await services.database.db.notice.updateMany({
    where: { smtpMessageId },
    data: { claimedAt: new Date(Date.now() - 60_000) },
  });
  const [row] = await takeOver(smtpMessageId);
  expect(row).toMatchObject({ wasInData: false, mayRepeat: true });
  const stored = await services.database.db.notice.findFirstOrThrow({ where: { smtpMessageId } });
  expect(stored.possibleDuplicates).toBe(1);
  expect(stored.attempts).toBe(3);
});
