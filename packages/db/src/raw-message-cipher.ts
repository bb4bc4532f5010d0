// Encrypts raw messages at rest (AES-256-GCM, key from SAFETYNET_KEY). Stored layout:
// version byte | 12-byte IV | 16-byte auth tag | ciphertext, so a key rotation can add versions.
import { createCipheriv, createDecipheriv, createHash, randomFillSync } from "node:crypto";

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
/** IVs are drawn from the CSPRNG this many at a time: one call per batch instead of one per message. */
const IV_POOL = 512;

export interface RawMessageCipher {
  encrypt(plain: Uint8Array): Buffer;
  decrypt(stored: Uint8Array): Buffer;
}

/** Derive the 256-bit AES key from the configured base64 secret (any length >= 32 bytes). */
function deriveKey(base64Secret: string): Buffer {
  return createHash("sha256").update(Buffer.from(base64Secret, "base64")).digest();
}

export function createRawMessageCipher(base64Secret: string): RawMessageCipher {
  const key = deriveKey(base64Secret);
  let ivs = Buffer.alloc(0);
  let nextIv = 0;
  return {
    encrypt(plain) {
      if (nextIv + IV_BYTES > ivs.length) {
        ivs = randomFillSync(Buffer.allocUnsafe(IV_BYTES * IV_POOL));
        nextIv = 0;
      }
      // Each IV is used once: the pool only moves forward and is replaced when used up.
      const iv = ivs.subarray(nextIv, (nextIv += IV_BYTES));
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      // Written straight into the stored layout: one copy of the message instead of three.
      const stored = Buffer.allocUnsafe(HEADER_BYTES + plain.length);
      stored[0] = VERSION;
      iv.copy(stored, 1);
      // GCM is a stream mode: update() returns exactly the input's length and final() nothing
      // (it computes the tag). Checked anyway: the buffer is uninitialised memory until written.
      const body = cipher.update(plain);
      if (body.length !== plain.length || cipher.final().length !== 0)
        throw new Error("AES-GCM returned an unexpected length");
      body.copy(stored, HEADER_BYTES);
      cipher.getAuthTag().copy(stored, 1 + IV_BYTES);
      return stored;
    },
    decrypt(stored) {
      const buffer = Buffer.from(stored);
      if (buffer[0] !== VERSION) throw new Error(`unknown raw message format version ${buffer[0]}`);
      const iv = buffer.subarray(1, 1 + IV_BYTES);
      const tag = buffer.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv("aes-256-gcm", key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(buffer.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    },
  };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
