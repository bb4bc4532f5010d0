// Encrypts raw messages at rest (AES-256-GCM, key from SAFETYNET_KEY). Stored layout:
// version byte | 12-byte IV | 16-byte auth tag | ciphertext, so a key rotation can add versions.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

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
  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
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
