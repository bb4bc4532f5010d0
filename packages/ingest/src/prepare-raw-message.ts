// Turns fetched or file-read bytes into a row ready to store: content hash, encryption,
// Message-ID and the quarantine decision. CPU only; nothing here touches a service.
import { randomUUID } from "node:crypto";
import { quarantineReason, readMessageId } from "@safetynet/core";
import { type NewRawMessage, type RawMessageCipher, sha256Hex } from "@safetynet/db";

export interface IncomingMessage {
  /** The message bytes, or null when the source could not deliver them (then `unreadable` says why). */
  bytes: Buffer | null;
  unreadable?: string;
  source: "live" | "import";
  mailboxId: string | null;
  uidValidity: bigint | null;
  uid: bigint | null;
  internalDate: Date | null;
  /** Where a back-filled message came from (file and offset, or folder and UID). */
  importRef: string | null;
}

export function prepareRawMessage(
  message: IncomingMessage,
  cipher: RawMessageCipher,
  maxMessageBytes: number,
): NewRawMessage {
  const base = {
    id: randomUUID(),
    mailboxId: message.mailboxId,
    source: message.source,
    uidValidity: message.uidValidity,
    uid: message.uid,
    internalDate: message.internalDate,
    importRef: message.importRef,
  };
  if (message.bytes === null) {
    // Nothing to hash: key the placeholder on where it lives, so a retry does not add a second one.
    const where = `${message.mailboxId}:${message.uidValidity}:${message.uid}:${message.importRef}`;
    return {
      ...base,
      sha256: sha256Hex(Buffer.from(`unreadable:${where}`)),
      messageIdHeader: null,
      size: 0,
      encrypted: cipher.encrypt(Buffer.alloc(0)),
      state: "quarantined",
      quarantineReason: `unreadable: ${message.unreadable ?? "no content returned"}`,
    };
  }
  const reason = quarantineReason({
    size: message.bytes.length,
    head: message.bytes.subarray(0, 512),
    maxBytes: maxMessageBytes,
  });
  return {
    ...base,
    sha256: sha256Hex(message.bytes),
    messageIdHeader: readMessageId(message.bytes),
    size: message.bytes.length,
    encrypted: cipher.encrypt(message.bytes),
    state: reason ? "quarantined" : "stored",
    quarantineReason: reason,
  };
}
