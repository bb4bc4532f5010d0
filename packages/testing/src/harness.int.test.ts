import { ImapFlow } from "imapflow";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDovecotUser, waitForDovecotLogin } from "./dovecot-user.js";
import { startHttpReceiver } from "./http-receiver.js";
import { createTestRedis } from "./redis-prefix.js";
import { startSmtpListener } from "./smtp-listener.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";

describe("test harness against real services", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it("gives each test file its own migrated database", async () => {
    expect(database.name).toMatch(/^sn_test_/);
    await database.db.supplier.create({
      data: { id: "sikkermail", name: "Secure mail", match: { hosts: ["*.sikkermail.example"] } },
    });
    expect(await database.db.supplier.count()).toBe(1);
    const other = await createTestDatabase();
    try {
      expect(await other.db.supplier.count()).toBe(0);
    } finally {
      await other.drop();
    }
  });

  it("isolates Redis keys under a fresh prefix and removes them", async () => {
    const redis = createTestRedis();
    const connection = redis.connection();
    await connection.set(`${redis.prefix}:probe`, "1");
    expect(await connection.get(`${redis.prefix}:probe`)).toBe("1");
    await redis.cleanup();
    const check = createTestRedis().connection();
    expect(await check.exists(`${redis.prefix}:probe`)).toBe(0);
    await check.quit();
  });

  it("creates a Dovecot user that can log in", async () => {
    const account = createDovecotUser();
    await waitForDovecotLogin(account);
    const client = new ImapFlow({
      host: account.host,
      port: account.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: account.user, pass: account.pass },
      logger: false,
    });
    await client.connect();
    const mailbox = await client.mailboxOpen("INBOX");
    expect(mailbox.exists).toBe(0);
    await client.logout();
  });

  it("captures mail on the SMTP listener and refuses on demand", async () => {
    const smtp = await startSmtpListener();
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: smtp.port,
      secure: false,
      ignoreTLS: true,
    });
    await transport.sendMail({ from: "a@kommune.example", to: "b@kommune.example", subject: "hej", text: "x" });
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.to).toEqual(["b@kommune.example"]);
    expect((await mail!.parse()).subject).toBe("hej");
    smtp.rejectWith(451, 1);
    await expect(
      transport.sendMail({ from: "a@kommune.example", to: "b@kommune.example", text: "y" }),
    ).rejects.toMatchObject({ responseCode: 451 });
    transport.close();
    await smtp.close();
  });

  it("records requests on the HTTP receiver", async () => {
    const receiver = await startHttpReceiver();
    receiver.respondWith(503, 200);
    const first = await fetch(`${receiver.url}/hook`, { method: "POST", body: "{}" });
    const second = await fetch(`${receiver.url}/hook`, { method: "POST", body: '{"a":1}' });
    expect([first.status, second.status]).toEqual([503, 200]);
    expect(receiver.requests.map((request) => request.body)).toEqual(["{}", '{"a":1}']);
    await receiver.close();
  });
});
