// Loop protection: a report about one of our own notices must never produce another notice
// (a bounce to a caseworker's full mailbox would otherwise bounce forever); staff see it instead.
import { NOTICE_SUBJECT_PREFIX, noticeIdFromMessageId } from "./notice-identity.js";

/** The part of a parsed report (packages/ndr BounceReport) this check reads. */
export interface ReportOriginal {
  original: { from: string | null; messageId: string | null; subject: string | null };
}

export interface LoopCheckOptions {
  /** NOTICE_FROM: anything we sent from this address is a notice. */
  noticeFrom?: string;
}

function bareAddress(value: string): string {
  const angle = /<([^>]+)>/.exec(value);
  return (angle ? angle[1]! : value).trim().toLowerCase();
}

/**
 * True when the original message of `report` was one of our notices: its Message-ID carries our
 * prefix, it came from NOTICE_FROM, or its subject starts with our prefix (the returned headers
 * of some gateways keep only the subject). Any one signal is enough: a missed loop costs more.
 */
export function isBounceOfOurNotice(report: ReportOriginal, options: LoopCheckOptions = {}): boolean {
  const { from, messageId, subject } = report.original;
  if (noticeIdFromMessageId(messageId)) return true;
  if (from && options.noticeFrom && bareAddress(from) === options.noticeFrom.toLowerCase()) return true;
  return (subject ?? "").trimStart().startsWith(NOTICE_SUBJECT_PREFIX);
}
