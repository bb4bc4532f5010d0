import { describe, expect, it } from "vitest";
import { quarantineReason } from "./quarantine-reason.js";
import { readMessageId } from "./read-message-id.js";

const bytes = (text: string) => Buffer.from(text, "latin1");

describe("readMessageId", () => {
  it("reads a folded Message-ID header, case-insensitively", () => {
    expect(readMessageId(bytes("From: a@b\r\nMessage-ID:\r\n <abc@x.example>\r\n\r\nbody"))).toBe("<abc@x.example>");
    expect(readMessageId(bytes("message-id: <q@r>\n\nMessage-ID: <body@not.header>"))).toBe("<q@r>");
  });
  it("ignores the body and returns null when absent", () => {
    expect(readMessageId(bytes("From: a@b\r\n\r\nMessage-ID: <in@body>"))).toBeNull();
  });
});

describe("quarantineReason", () => {
  it("quarantines oversized, empty and headerless messages, with the reason", () => {
    expect(quarantineReason({ size: 30, head: bytes("From: x\r\n"), maxBytes: 10 })).toBe(
      "oversized: 30 bytes > limit 10",
    );
    expect(quarantineReason({ size: 0, head: bytes(""), maxBytes: 10 })).toMatch(/^unreadable: empty/);
    expect(quarantineReason({ size: 5, head: bytes("\x00\x01bin"), maxBytes: 10 })).toMatch(/^unreadable:/);
    expect(quarantineReason({ size: 9, head: bytes("From: x\r\n"), maxBytes: 10 })).toBeNull();
  });
});
