// The parser's fuzz generator: the shapes of hostile input the robustness test throws at
// parseMessage, kept in one place so the end-to-end bad-input test feeds the service the same ones.
// Test support only (fast-check is a dev dependency); nothing in the parser imports it.
import fc from "fast-check";

export interface FuzzArbitraries {
  /** Random bytes, up to 4 KiB: most do not even start with a header field. */
  randomBytes: fc.Arbitrary<Uint8Array>;
  /** A From line, then random lines mixing DSN, MIME and Postfix fragments with random text. */
  mailLike: fc.Arbitrary<string>;
  /** A real NDR cut off at a random point (real files as found in a mailbox). */
  truncated: fc.Arbitrary<Uint8Array>;
}

const MAIL_LIKE_LINES = [
  "Content-Type: multipart/report; boundary=b",
  "--b",
  "--b--",
  "Content-Type: message/delivery-status",
  "Final-Recipient: rfc822; a@b.example",
  "Action: failed",
  "Status: 5.1.1",
  "Diagnostic-Code: smtp; 550 5.1.1 unknown",
  "Content-Transfer-Encoding: base64",
  "=?utf-8?B?w6bDuMOl?=",
  "",
  " folded",
  "Content-Type: message/rfc822",
  "Subject: Sag 010203-1234",
  "<a@b.example>: host x said: 550 user unknown",
] as const;

/** @param fixtures real-format .eml files to cut short (at least one). */
export function fuzzArbitraries(fixtures: readonly Uint8Array[]): FuzzArbitraries {
  const line = fc.oneof(fc.constantFrom(...MAIL_LIKE_LINES), fc.string({ maxLength: 80 }));
  return {
    randomBytes: fc.uint8Array({ maxLength: 4096, size: "max" }),
    mailLike: fc.array(line, { maxLength: 60, size: "max" }).map((lines) => `From: x@y.example\n${lines.join("\n")}`),
    truncated: fc
      // A share in millionths: a random double lies mostly near 0 (most doubles are tiny), which
      // made nearly every cut an empty message.
      .tuple(fc.constantFrom(...fixtures), fc.integer({ min: 0, max: 1_000_000 }))
      .map(([bytes, millionths]) => bytes.subarray(0, Math.floor((bytes.length * millionths) / 1_000_000))),
  };
}
