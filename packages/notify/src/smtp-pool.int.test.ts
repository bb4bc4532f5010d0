// NOTICE_DATA_WINDOW against a relay that takes its time to answer the end of DATA: the pool has
// exactly that many messages waiting for the reply at once, never more (the bound on what a crash
// can leave possibly delivered), and as many as that (one at a time would cap the process at one
// notice per reply time).
import { type SmtpListener, startSmtpListener, until } from "@safetynet/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createSmtpPool } from "./smtp-pool.js";

let smtp: SmtpListener | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

async function peakInData(window: number): Promise<number> {
  smtp = await startSmtpListener({ replyDelayMs: 150 });
  const pool = createSmtpPool({
    connection: { host: "127.0.0.1", port: smtp.port, ignoreTLS: true, logger: false },
    size: 5,
    dataWindow: window,
    maxMessages: 100,
  });
  const raw = (i: number) =>
    Buffer.from(`From: a@kommune.example\r\nTo: b${i}@kommune.example\r\nSubject: ${i}\r\n\r\nhej\r\n`);
  await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      pool.send({ from: "a@kommune.example", to: `b${i}@kommune.example`, raw: raw(i) }),
    ),
  );
  pool.close();
  expect(smtp.messages).toHaveLength(12);
  return smtp.peakAwaitingReply();
}

describe("the DATA window of the notice pool", () => {
  it("keeps at most NOTICE_DATA_WINDOW messages waiting for the relay's reply, and uses them all", async () => {
    expect(await peakInData(3)).toBe(3);
  });

  it("one at a time with a window of 1", async () => {
    expect(await peakInData(1)).toBe(1);
  });

  it("counts a message in the window until its acceptance is recorded (onAccepted), not just until the reply", async () => {
    smtp = await startSmtpListener({ replyDelayMs: 0 });
    const pool = createSmtpPool({
      connection: { host: "127.0.0.1", port: smtp.port, ignoreTLS: true, logger: false },
      size: 5,
      dataWindow: 2,
      maxMessages: 100,
    });
    // Accepted but not yet recorded, or inside DATA: never more than the window, whatever the relay's pace.
    let uncertain = 0;
    let peak = 0;
    const sends = Array.from({ length: 10 }, (_, i) =>
      pool.send({
        from: "a@kommune.example",
        to: `b${i}@kommune.example`,
        raw: Buffer.from(`Subject: ${i}\r\n\r\nhej\r\n`),
        onDataStart: async () => undefined,
        onAccepted: async () => {
          uncertain += 1;
          peak = Math.max(peak, uncertain);
          await new Promise((resolve) => setTimeout(resolve, 50));
          uncertain -= 1;
        },
      }),
    );
    await Promise.all(sends);
    pool.close();
    expect(smtp.messages).toHaveLength(10);
    expect(peak).toBe(2);
  });

  it("keeps one session open ahead of the first notice, and opens another when the relay ends it", async () => {
    smtp = await startSmtpListener();
    const listener = smtp;
    const pool = createSmtpPool({
      connection: { host: "127.0.0.1", port: listener.port, ignoreTLS: true, logger: false },
      size: 5,
      dataWindow: 2,
      maxMessages: 100,
      warm: 1,
    });
    try {
      // Before anything is sent, the pool has its session.
      await until("the warm session", async () => pool.idleSessions() === 1, 5_000, 10);
      expect(listener.sessionsOpened()).toBe(1);
      await pool.send({
        from: "a@kommune.example",
        to: "b@kommune.example",
        raw: Buffer.from("Subject: 1\r\n\r\nhej\r\n"),
      });
      // The notice went through that session: none opened for it.
      expect(listener.sessionsOpened()).toBe(1);
      // The relay ends idle sessions; the pool opens one again without waiting for a notice.
      listener.dropSessions();
      await until("the warm session gone", async () => pool.idleSessions() === 0, 5_000, 10);
      await until("a new warm session", async () => pool.idleSessions() === 1, 5_000, 10);
      expect(listener.sessionsOpened()).toBe(2);
      await pool.send({
        from: "a@kommune.example",
        to: "c@kommune.example",
        raw: Buffer.from("Subject: 2\r\n\r\nhej\r\n"),
      });
      expect(listener.sessionsOpened()).toBe(2);
      expect(listener.messages.map((mail) => mail.to)).toEqual([["b@kommune.example"], ["c@kommune.example"]]);
    } finally {
      pool.close();
    }
  });
});
