// Credentials of API-added mailboxes are stored encrypted with SAFETYNET_KEY (the raw message
// cipher), never in plain text: a password or an OAuth2 access token, as JSON inside the cipher.
import { createRawMessageCipher } from "./raw-message-cipher.js";

export interface MailboxCredentials {
  user: string;
  pass?: string;
  accessToken?: string;
}

/** The value for `Mailbox.credentials` (a plain Uint8Array, the type Prisma's Bytes expects). */
export function sealMailboxCredentials(base64Key: string, credentials: MailboxCredentials): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createRawMessageCipher(base64Key).encrypt(Buffer.from(JSON.stringify(credentials), "utf8")));
}

export function openMailboxCredentials(base64Key: string, sealed: Uint8Array): MailboxCredentials {
  return JSON.parse(createRawMessageCipher(base64Key).decrypt(sealed).toString("utf8")) as MailboxCredentials;
}
