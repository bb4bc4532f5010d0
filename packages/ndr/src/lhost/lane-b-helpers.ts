// Small text helpers the lane-B vendor modules share (candidates for shared.ts): restated
// original headers and the lines of a marked section of a text bounce.
import { parseHeaderBlock, type Headers } from "../mime/header.js";
import { LIMITS } from "../mime/limits.js";
import type { MailView } from "../mime/mail-view.js";
import { partText } from "../mime/walk-mime.js";
import { findStatus } from "./shared.js";

/** Header block from a few name/value pairs a text bounce restates ("To:", "Subject:", "Sent:"). */
export function headersFromPairs(pairs: ReadonlyArray<[string, string | null | undefined]>): Headers | null {
  const lines = pairs.filter(([, value]) => value && value.trim()).map(([name, value]) => `${name}: ${value!.trim()}`);
  return lines.length > 0 ? parseHeaderBlock(lines.join("\n")) : null;
}

/** Lines of `text` between the first line containing `start` and the first later line containing one of `ends`. */
export function linesBetween(text: string, start: string | RegExp, ends: readonly string[] = [], limit = 400): string[] | null {
  const lines = text.split("\n");
  const at = lines.findIndex((line) => (typeof start === "string" ? line.includes(start) : start.test(line)));
  if (at < 0) return null;
  const out: string[] = [];
  for (const line of lines.slice(at + 1, at + 1 + limit)) {
    if (ends.some((end) => line.includes(end))) break;
    out.push(line);
  }
  return out;
}

/**
 * The human-readable text, or the raw body of a multipart whose boundary never occurs (old PMDF
 * and others declare multipart/report and then write plain text): mail.text is empty for those.
 */
export function bodyText(mail: MailView): string {
  if (mail.text.trim()) return mail.text;
  const root = mail.root;
  if (root.parts.length > 0 || root.message) return mail.text;
  const body = root.rawBody;
  return body.length > LIMITS.maxScanChars ? body.slice(0, LIMITS.maxScanChars) : body;
}

/** A status "X.0.0" says nothing; the remote reply in the diagnostic often has the specific one. */
export function specificStatus(status: string | null | undefined, diagnostic: string | null | undefined): string | null {
  if (status && !/^\d\.0\.0$/.test(status)) return status;
  return findStatus(diagnostic) ?? status ?? null;
}

/**
 * mail.text, or else the decoded text of the first leaf part containing `marker`: some MTAs write
 * a malformed Content-Type ("text/plain" and "charset=" without the ";"), which hides the part
 * from mail.text.
 */
export function textWith(mail: MailView, marker: string): string | null {
  const text = bodyText(mail);
  if (text.includes(marker)) return text;
  for (const part of mail.parts) {
    if (part.parts.length > 0 || part.message || !part.type.startsWith("text")) continue;
    const decoded = partText(part);
    if (decoded.includes(marker)) return decoded.length > LIMITS.maxScanChars ? decoded.slice(0, LIMITS.maxScanChars) : decoded;
  }
  return null;
}
