import { describe, expect, it } from "vitest";
import { createRawMessageCipher, sha256Hex } from "./raw-message-cipher.js";

const KEY = Buffer.alloc(32, 3).toString("base64");

describe("raw message cipher", () => {
  it("round-trips bytes and hides the plain text", () => {
    const cipher = createRawMessageCipher(KEY);
    const plain = Buffer.from("Subject: Sag 010203-1234\r\n\r\nbody");
    const stored = cipher.encrypt(plain);
    expect(stored.includes(Buffer.from("010203"))).toBe(false);
    expect(cipher.decrypt(stored)).toEqual(plain);
  });

  it("refuses a tampered message or a wrong key", () => {
    const stored = createRawMessageCipher(KEY).encrypt(Buffer.from("hello"));
    const tampered = Buffer.from(stored);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => createRawMessageCipher(KEY).decrypt(tampered)).toThrow();
    expect(() => createRawMessageCipher(Buffer.alloc(32, 4).toString("base64")).decrypt(stored)).toThrow();
  });

  it("hashes the plain bytes", () => {
    expect(sha256Hex(Buffer.from("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
