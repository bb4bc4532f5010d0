// The notify processor against real Postgres, Redis and a loopback SMTP listener: content,
// headers, routing, loop protection, back-fill, and no CPR number in any captured byte.

import { noticeIdFromToken, noticeMessageId } from "@safetynet/notify";
import { type SmtpListener, startSmtpListener } from "@safetynet/testing";
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cprLeaks } from "./testing/scan-for-cpr.js";
import { seedMessage } from "./testing/seed-failures.js";
import { eventually, startNotifyWorker } from "./testing/start-notify-worker.js";

const services = useTestServices();
let smtp: SmtpListener;
let harness: ReturnType<typeof startNotifyWorker>;

beforeAll(async () => {
  smtp = await startSmtpListener();
  harness = startNotifyWorker({
    db: services.database.db,
    databaseUrl: services.database.url,
    smtpUrl: smtp.url,
    connection: () => services.redis.connection(),
    prefix: services.redis.prefix,
  });
});
afterAll(async () => {
  await harness.close();
  await smtp.close();
});
beforeEach(async () => {
  smtp.messages.length = 0;
  await services.database.db.staffMember.deleteMany();
});

async function notify(failureIds: string[]) {
  for (const id of failureIds) await harness.enqueue(id);
}

async function noticeStatus(rawMessageId: string) {
  return services.database.db.notice.findMany({ where: { rawMessageId }, orderBy: { recipient: "asc" } });
}

describe("notify processor: content and routing", () => {
  it("sends one Danish notice per original message, with the headers and no CPR number anywhere", async () => {
    const { rawMessageId, failureIds } = await seedMessage(services.database.db, {
      originalSender: "karen@kommune.example",
      subjectMasked: "Underretning 010203-1234 (parser missed it) 0102031234",
      originalMessageId: "<orig-1@kommune.example>",
      failures: [{ recipient: "anklager@politi.example" }, { recipient: "familie@nabokommune.example" }],
    });
    await notify(failureIds);
    const [mail] = await smtp.waitForMessages(1);
    const notices = await eventually(async () => {
      const rows = await noticeStatus(rawMessageId);
      return rows.every((row) => row.status === "sent") && rows;
    });
    expect(notices).toHaveLength(1);
    expect(mail!.to).toEqual(["karen@kommune.example"]);
    expect(mail!.from).toBe("sikkerhedsnet@kommune.example");
    const parsed = await mail!.parse();
    expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(parsed.headers.get("x-auto-response-suppress")).toBe("All");
    expect(noticeIdFromToken(String(parsed.headers.get("x-safetynet-notice")))).toBe(notices[0]!.id);
    expect(parsed.messageId).toBe(noticeMessageId(notices[0]!.id, "sikkerhedsnet@kommune.example"));
    expect(notices[0]!.smtpMessageId).toBe(parsed.messageId);
    expect(parsed.subject).toBe("[Sikkerhedsnet] Din mail nåede IKKE frem");
    expect(parsed.text).toContain("anklager@politi.example");
    expect(parsed.text).toContain("familie@nabokommune.example");
    expect(parsed.text).toContain("<orig-1@kommune.example>");
    expect(parsed.text).toContain('"Send sikkert"');
    expect(parsed.html).toContain("Emnefeltet bliver aldrig krypteret");
    expect(parsed.attachments).toHaveLength(0);
    expect(await cprLeaks(mail!)).toEqual([]);
    const failures = await services.database.db.failure.findMany({ where: { rawMessageId } });
    expect(failures.map((f) => f.notifiedTo)).toEqual(["karen@kommune.example", "karen@kommune.example"]);
    // Both failures' jobs have ended: nothing more can be sent for this message.
    await harness.settled(failureIds);
    expect(smtp.messages).toHaveLength(1);
  });

  it("writes each cause's text in English for a directory entry that says en", async () => {
    await services.database.db.staffMember.create({
      data: { email: "erik@kommune.example", name: "Erik", language: "en" },
    });
    const { failureIds } = await seedMessage(services.database.db, {
      originalSender: "erik@kommune.example",
      failures: [{ recipient: "x@else.example", cause: "message-too-large" }],
    });
    await notify(failureIds);
    const [mail] = await smtp.waitForMessages(1);
    const parsed = await mail!.parse();
    expect(parsed.subject).toBe("[Sikkerhedsnet] Your mail did NOT arrive");
    expect(parsed.text).toContain("Dear Erik");
    expect(parsed.text).toContain("too large for the recipient's server");
    expect(parsed.headers.get("content-language")).toBe("en");
    expect(await cprLeaks(mail!)).toEqual([]);
  });

  it("tells the manager when the sender has left, and records who was told", async () => {
    await services.database.db.staffMember.createMany({
      data: [
        {
          email: "gone@kommune.example",
          name: "Gone",
          department: "Jobcenter",
          managerEmail: "boss@kommune.example",
          active: false,
        },
        { email: "boss@kommune.example", name: "Boss" },
      ],
    });
    const { rawMessageId, failureIds } = await seedMessage(services.database.db, {
      originalSender: "gone@kommune.example",
      failures: [{ recipient: "x@else.example", cause: "recipient-unknown" }],
    });
    await notify(failureIds);
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.to).toEqual(["boss@kommune.example"]);
    expect((await mail!.parse()).text).toContain("som er markeret som fratrådt");
    const [failure] = await eventually(async () => {
      const rows = await services.database.db.failure.findMany({ where: { rawMessageId } });
      return rows[0]?.notifiedTo ? rows : null;
    });
    expect(failure!.notifiedTo).toBe("boss@kommune.example");
    expect((await noticeStatus(rawMessageId))[0]!.recipientRole).toBe("manager");
  });

  it("tells the team mailbox when the sender is absent from a loaded directory", async () => {
    await services.database.db.staffMember.create({ data: { email: "someone@kommune.example", name: "Someone" } });
    const { failureIds } = await seedMessage(services.database.db, {
      originalSender: "unknown@kommune.example",
      failures: [{ recipient: "x@else.example" }],
    });
    await notify(failureIds);
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.to).toEqual(["team@kommune.example"]);
    expect((await mail!.parse()).text).toContain("findes ikke i medarbejderlisten");
  });

  it("sends the systemic text for a failure in a systemic incident", async () => {
    const { failureIds } = await seedMessage(services.database.db, {
      originalSender: "karen@kommune.example",
      failures: [
        { recipient: "x@tls.example", cause: "tls-required", scope: "systemic", incidentKey: "tls-required-2026-1" },
      ],
    });
    await notify(failureIds);
    const parsed = await (await smtp.waitForMessages(1))[0]!.parse();
    expect(parsed.text).toContain("Det er ikke din fejl");
    expect(parsed.text).toContain("tls-required-2026-1");
  });

  it("tells the owner of our mailbox about an inbound form that never arrived", async () => {
    const { failureIds } = await seedMessage(services.database.db, {
      originalSender: "borger@mail.example",
      subjectMasked: "Ansøgning 0102XX-XXXX",
      failures: [{ recipient: "blanketter@kommune.example", cause: "spam-or-content-filter" }],
    });
    await notify(failureIds);
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.to).toEqual(["team@kommune.example"]);
    const parsed = await mail!.parse();
    expect(parsed.text).toContain("Afsenderens domæne: mail.example");
    expect(parsed.text).not.toContain("borger@mail.example");
    expect(parsed.text).not.toContain("Ansøgning");
    expect(await cprLeaks(mail!)).toEqual([]);
  });

  it("never notifies about back-filled history or external senders", async () => {
    const backfill = await seedMessage(services.database.db, {
      originalSender: "karen@kommune.example",
      source: "import",
      failures: [{ recipient: "x@else.example" }],
    });
    const external = await seedMessage(services.database.db, {
      originalSender: "a@else.example",
      failures: [{ recipient: "b@other.example" }],
    });
    await notify([...backfill.failureIds, ...external.failureIds]);
    await harness.settled([...backfill.failureIds, ...external.failureIds]);
    expect(smtp.messages).toHaveLength(0);
    expect(
      await services.database.db.notice.count({
        where: { rawMessageId: { in: [backfill.rawMessageId, external.rawMessageId] } },
      }),
    ).toBe(0);
  });

  it("loop protection: a bounce of our own notice produces no notice and alerts staff", async () => {
    const noticeId = "9d1c3f4e-0000-4000-8000-000000000001";
    const { rawMessageId, failureIds } = await seedMessage(services.database.db, {
      originalSender: "sikkerhedsnet@kommune.example",
      originalMessageId: noticeMessageId(noticeId, "sikkerhedsnet@kommune.example"),
      failures: [{ recipient: "karen@kommune.example", cause: "recipient-mailbox-full" }],
    });
    await notify(failureIds);
    const alert = await eventually(() =>
      services.database.db.auditEvent.findFirst({ where: { action: "notice.bounced" } }),
    );
    expect(alert.target).toBe(noticeId);
    expect(alert.detail).toMatchObject({ rawMessageId });
    await harness.settled(failureIds);
    expect(smtp.messages).toHaveLength(0);
    expect(await services.database.db.notice.count({ where: { rawMessageId } })).toBe(0);
  });
});
