import { describe, expect, it } from "vitest";
import { isMbox, splitMbox, splitMboxBytes } from "./split-mbox.js";

async function collect(text: string, chunkSize = 7, startOffset = 0) {
  const bytes = Buffer.from(text, "latin1");
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) chunks.push(bytes.subarray(at, at + chunkSize));
  const out = [];
  for await (const message of splitMbox(chunks, { file: "x.mbox", startOffset }))
    out.push({ ...message, text: message.bytes.toString("latin1") });
  return out;
}

const MBOX = [
  "From MAILER-DAEMON Mon Jan  1 00:00:00 2024",
  "Subject: one",
  "",
  "body",
  ">From the quoted line",
  ">>From twice quoted",
  "",
  "From MAILER-DAEMON Tue Jan  2 00:00:00 2024",
  "Subject: two",
  "",
  "From inside a paragraph is not a separator? it is, after a blank line in mboxrd",
  "",
].join("\n");

describe("splitMbox", () => {
  it("splits on From lines after a blank line and unescapes mboxrd quoting", async () => {
    const messages = await collect(MBOX);
    expect(messages.map((message) => message.index)).toEqual([0, 1, 2]);
    expect(messages[0]!.text).toBe("Subject: one\n\nbody\nFrom the quoted line\n>From twice quoted\n");
    expect(messages[1]!.text).toBe("Subject: two\n");
  });

  it("reports offsets that resume exactly at the next message", async () => {
    const messages = await collect(MBOX, 3);
    const second = messages[1]!;
    expect(MBOX.slice(second.offset, second.offset + 5)).toBe("From ");
    expect(messages[0]!.end).toBe(second.offset);
    const resumed = await collect(MBOX.slice(second.offset), 5, second.offset);
    expect(resumed[0]!.offset).toBe(second.offset);
    expect(resumed[0]!.text).toBe(second.text);
  });

  it("keeps CRLF bytes and a From line inside a paragraph", async () => {
    const crlf = "From a@b Mon\r\nSubject: x\r\n\r\nline\r\nFrom here on, text\r\n\r\nFrom c@d Tue\r\nSubject: y\r\n";
    const messages = await collect(crlf, 4);
    expect(messages).toHaveLength(2);
    expect(messages[0]!.text).toBe("Subject: x\r\n\r\nline\r\nFrom here on, text\r\n");
    expect(messages[1]!.text).toBe("Subject: y\r\n");
  });
});

describe("splitMboxBytes", () => {
  it("cuts and numbers an in-memory mbox exactly as the streaming splitter does", async () => {
    const streamed = await collect(MBOX, 5);
    const whole = splitMboxBytes(Buffer.from(MBOX, "latin1"), { file: "x.mbox" });
    expect(whole.map((m) => [m.index, m.offset, m.end, m.bytes.toString("latin1")])).toEqual(
      streamed.map((m) => [m.index, m.offset, m.end, m.text]),
    );
  });
});

describe("isMbox", () => {
  it("needs a From line ended by LF or CRLF", () => {
    expect(isMbox(Buffer.from("From a@b Mon\nSubject: x\n"))).toBe(true);
    expect(isMbox(Buffer.from("From a@b Mon\r\nSubject: x\r\n"))).toBe(true);
    expect(isMbox(Buffer.from("From a@b Mon\rSubject: x\rFrom: c@d\r"))).toBe(false);
    expect(isMbox(Buffer.from("From: a@b\nSubject: x\n"))).toBe(false);
  });
});
