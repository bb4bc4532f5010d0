// The read-only view of one message that format modules (lhost/*) work on: headers, the human
// readable text, the machine-readable DSN part and the enclosed original, each decoded once, lazily.
import { decodeWords, type Headers } from "./header.js";
import { htmlToText } from "./html-to-text.js";
import { LIMITS } from "./limits.js";
import { flattenParts, type MimePart, partText, walkMime } from "./walk-mime.js";

const DSN_TYPES = new Set(["message/delivery-status", "message/global-delivery-status"]);
const ORIGINAL_MESSAGE_TYPES = new Set(["message/rfc822", "message/global", "message/partial"]);
const ORIGINAL_HEADER_TYPES = new Set(["text/rfc822-headers", "message/global-headers", "text/rfc822-header"]);

/**
 * What detect() functions test, computed once per message: forty-odd modules ask whether a
 * message is theirs, so each question must be a substring test on a short, ready string.
 */
export interface DetectIndex {
  /** Decoded From and Subject, and the same lower-cased. */
  from: string;
  fromLower: string;
  subject: string;
  subjectLower: string;
  /** Every Received field (unfolded), one per line, as written. */
  received: string;
  /** Message-ID as written, trimmed. */
  messageId: string;
}

export class MailView {
  readonly root: MimePart;
  /** Lazily computed views; undefined = not asked yet (getters run for every module, keep them closure-free). */
  private readonly computed: {
    subject?: string;
    from?: string;
    probe?: DetectIndex;
    parts?: MimePart[];
    text?: string;
    textParts?: string[];
    html?: string;
    dsn?: string | null;
    arf?: string | null;
    orig?: Headers | null;
  } = {};

  /** Values that helpers outside mime/ derive from this message once (see `derive`). */
  private derived: Map<symbol, unknown> | null = null;

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
    return (this.computed.subject ??= this.headers.text("subject") ?? "");
  }

  /** Decoded From header. */
  get from(): string {
    return (this.computed.from ??= this.headers.text("from") ?? "");
  }

  /** The detect() index of this message (see DetectIndex). */
  get probe(): DetectIndex {
    if (this.computed.probe) return this.computed.probe;
    const from = this.from;
    const subject = this.subject;
    return (this.computed.probe = {
      from,
      fromLower: from.toLowerCase(),
      subject,
      subjectLower: subject.toLowerCase(),
      received: this.headers.getAll("received").join("\n"),
      messageId: this.headers.get("message-id")?.trim() ?? "",
    });
  }

  /**
   * `read(this)`, computed once per message under `key` (e.g. the parsed DSN part, which several
   * modules ask for). Kept on the view, so it goes when the message does.
   */
  derive<T>(key: symbol, read: (mail: MailView) => T): T {
    this.derived ??= new Map();
    if (this.derived.has(key)) return this.derived.get(key) as T;
    const value = read(this);
    this.derived.set(key, value);
    return value;
  }

  /** Every part of the bounce itself (not descending into enclosed messages). */
  get parts(): MimePart[] {
    return (this.computed.parts ??= flattenParts(this.root, false));
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
    if (this.computed.text !== undefined) return this.computed.text;
    const joined = this.textParts.join("\n");
    return (this.computed.text = joined.length > LIMITS.maxScanChars ? joined.slice(0, LIMITS.maxScanChars) : joined);
  }

  /** The same texts as `text`, one entry per part (the first is usually the notice itself). */
  get textParts(): string[] {
    return (this.computed.textParts ??= this.readTextParts());
  }

  private readTextParts(): string[] {
    const leaves = this.parts.filter((part) => part.parts.length === 0 && !part.message);
    const disposition = (part: MimePart): string => (part.headers.get("content-disposition") ?? "").toLowerCase();
    // A multipart whose boundary never appears (old Sendmail) is read as plain text
    const plain = leaves.filter(
      (part) =>
        (part.type === "text/plain" || part.type.startsWith("multipart/")) &&
        !disposition(part).startsWith("attachment"),
    );
    const html = leaves.filter((part) => part.type === "text/html");
    let chosen =
      plain.length > 0 ? plain.map((part) => partText(part)) : html.map((part) => htmlToText(partText(part)));
    if (
      chosen.length === 0 &&
      this.root.parts.length === 0 &&
      !this.root.message &&
      this.root.type.startsWith("text/")
    ) {
      chosen = [this.root.type === "text/html" ? htmlToText(partText(this.root)) : partText(this.root)];
    }
    return chosen.map(capLines);
  }

  /** HTML parts converted to text (Office 365 puts more detail in HTML than in the plain part). */
  get htmlText(): string {
    return (this.computed.html ??= this.parts
      .filter((part) => part.type === "text/html")
      .map((part) => htmlToText(partText(part)))
      .join("\n"));
  }

  /** Body of the message/delivery-status (RFC 3464) or message/global-delivery-status (RFC 6533) part. */
  get deliveryStatus(): string | null {
    if (this.computed.dsn !== undefined) return this.computed.dsn;
    const part = this.parts.find((candidate) => DSN_TYPES.has(candidate.type));
    return (this.computed.dsn = part ? partText(part, LIMITS.maxDsnBytes) : null);
  }

  /** Body of an ARF (RFC 5965) message/feedback-report part. */
  get feedbackReport(): string | null {
    if (this.computed.arf !== undefined) return this.computed.arf;
    const part = this.parts.find((candidate) => candidate.type === "message/feedback-report");
    return (this.computed.arf = part ? partText(part) : null);
  }

  /**
   * Headers of the returned original message: a message/rfc822 part's headers, a
   * text/rfc822-headers part, or null (modules may then cut one out of the text).
   */
  get originalHeaders(): Headers | null {
    if (this.computed.orig === undefined) this.computed.orig = this.readOriginalHeaders();
    return this.computed.orig;
  }

  private readOriginalHeaders(): Headers | null {
    for (const part of this.parts) {
      if (ORIGINAL_MESSAGE_TYPES.has(part.type) && part.message && part.message.headers.fields.length > 0) {
        return part.message.headers;
      }
      if (ORIGINAL_HEADER_TYPES.has(part.type)) {
        const inner = walkMime(`${partText(part).replace(/^\n+/, "")}\n\n`);
        if (inner.headers.fields.length > 0) return inner.headers;
      }
    }
    return null;
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
  return text
    .split("\n")
    .map((line) => (line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line))
    .join("\n");
}
