// The read-only view of one message that format modules (lhost/*) work on: headers, the human
// readable text, the machine-readable DSN part and the enclosed original, each decoded once, lazily.
import { Headers, decodeWords } from "./header.js";
import { htmlToText } from "./html-to-text.js";
import { LIMITS } from "./limits.js";
import { type MimePart, flattenParts, partText, walkMime } from "./walk-mime.js";

const DSN_TYPES = new Set(["message/delivery-status", "message/global-delivery-status"]);
const ORIGINAL_MESSAGE_TYPES = new Set(["message/rfc822", "message/global", "message/partial"]);
const ORIGINAL_HEADER_TYPES = new Set(["text/rfc822-headers", "message/global-headers", "text/rfc822-header"]);

export class MailView {
  readonly root: MimePart;
  private cache = new Map<string, unknown>();

  constructor(root: MimePart) {
    this.root = root;
  }

  static fromBinary(binary: string): MailView {
    return new MailView(walkMime(binary));
  }

  get headers(): Headers {
    return this.root.headers;
  }

  /** Decoded Subject (encoded words resolved). */
  get subject(): string {
    return this.memo("subject", () => this.headers.text("subject") ?? "");
  }

  /** Decoded From header. */
  get from(): string {
    return this.memo("from", () => this.headers.text("from") ?? "");
  }

  /** Every part of the bounce itself (not descending into enclosed messages). */
  get parts(): MimePart[] {
    return this.memo("parts", () => flattenParts(this.root, false));
  }

  /** A full view of a message enclosed as message/rfc822 (forwarded bounces), walked on demand. */
  enclosed(part: MimePart): MailView | null {
    return part.messageRaw === null ? null : MailView.fromBinary(part.messageRaw);
  }

  /** First part of one of the given types, outside enclosed messages. */
  findPart(...types: string[]): MimePart | null {
    return this.parts.find((part) => types.includes(part.type)) ?? null;
  }

  /**
   * The human-readable text of the bounce: text/plain parts (text/html when there is no plain
   * text) outside the returned original, joined, capped at maxScanChars. Single-part bounces
   * (qmail, old Sendmail) include the inline original: modules cut it off themselves.
   */
  get text(): string {
    return this.memo("text", () => {
      const joined = this.textParts.join("\n");
      return joined.length > LIMITS.maxScanChars ? joined.slice(0, LIMITS.maxScanChars) : joined;
    });
  }

  /** The same texts as `text`, one entry per part (the first is usually the notice itself). */
  get textParts(): string[] {
    return this.memo("textParts", () => {
      const leaves = this.parts.filter((part) => part.parts.length === 0 && !part.message);
      const disposition = (part: MimePart): string => (part.headers.get("content-disposition") ?? "").toLowerCase();
      // A multipart whose boundary never appears (old Sendmail) is read as plain text
      const plain = leaves.filter((part) => (part.type === "text/plain" || part.type.startsWith("multipart/")) && !disposition(part).startsWith("attachment"));
      const html = leaves.filter((part) => part.type === "text/html");
      let chosen = plain.length > 0 ? plain.map((part) => partText(part)) : html.map((part) => htmlToText(partText(part)));
      if (chosen.length === 0 && this.root.parts.length === 0 && !this.root.message && this.root.type.startsWith("text/")) {
        chosen = [this.root.type === "text/html" ? htmlToText(partText(this.root)) : partText(this.root)];
      }
      return chosen.map(capLines);
    });
  }

  /** HTML parts converted to text (Office 365 puts more detail in HTML than in the plain part). */
  get htmlText(): string {
    return this.memo("html", () => this.parts.filter((part) => part.type === "text/html").map((part) => htmlToText(partText(part))).join("\n"));
  }

  /** Body of the message/delivery-status (RFC 3464) or message/global-delivery-status (RFC 6533) part. */
  get deliveryStatus(): string | null {
    return this.memo("dsn", () => {
      const part = this.parts.find((candidate) => DSN_TYPES.has(candidate.type));
      return part ? partText(part, LIMITS.maxDsnBytes) : null;
    });
  }

  /** Body of an ARF (RFC 5965) message/feedback-report part. */
  get feedbackReport(): string | null {
    return this.memo("arf", () => {
      const part = this.parts.find((candidate) => candidate.type === "message/feedback-report");
      return part ? partText(part) : null;
    });
  }

  /**
   * Headers of the returned original message: a message/rfc822 part's headers, a
   * text/rfc822-headers part, or null (modules may then cut one out of the text).
   */
  get originalHeaders(): Headers | null {
    return this.memo("orig", () => {
      for (const part of this.parts) {
        if (ORIGINAL_MESSAGE_TYPES.has(part.type) && part.message && part.message.headers.fields.length > 0) {
          return part.message.headers;
        }
        if (ORIGINAL_HEADER_TYPES.has(part.type)) {
          const inner = walkMime(partText(part).replace(/^\n+/, "") + "\n\n");
          if (inner.headers.fields.length > 0) return inner.headers;
        }
      }
      return null;
    });
  }

  private memo<T>(key: string, compute: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = compute();
    this.cache.set(key, value);
    return value;
  }
}

export { decodeWords };

/** Lines longer than this are cut: no bounce writes them, and modules' line regexes stay linear. */
const MAX_LINE = 8192;

function capLines(text: string): string {
  if (text.length <= MAX_LINE) return text;
  let long = false;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    if (end - start > MAX_LINE) {
      long = true;
      break;
    }
    start = end + 1;
  }
  if (!long) return text;
  return text.split("\n").map((line) => (line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line)).join("\n");
}
