// A failure's story in order: sent, failed (the NDR's verdict), NDR received, classified, each
// notice (sent, pending, failed, or why none went), and each triage change from the audit log.
import type { TransactionPool } from "@safetynet/db";
import { z } from "zod";
import { iso } from "../http/common-schemas.js";
import type { FailureRow } from "./failure-view.js";

export const timelineEntry = z
  .object({
    at: z.string().nullable().describe("ISO timestamp; null when unknown"),
    event: z.enum([
      "sent",
      "failed",
      "ndr-received",
      "classified",
      "notice-sent",
      "notice-pending",
      "notice-held",
      "notice-failed",
      "notice-not-sent",
      "outcome-set",
      "serious-set",
      "note-set",
    ]),
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .describe("one step; detail holds ids, codes, addresses of staff and reasons, never message text");
export type TimelineEntry = z.output<typeof timelineEntry>;

export interface NoticeRow {
  id: string;
  recipient: string;
  recipientRole: string;
  status: string;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  holdUntil: Date | null;
  lastError: string | null;
}

function noticeEvent(notice: NoticeRow): TimelineEntry {
  const detail = { noticeId: notice.id, to: notice.recipient, role: notice.recipientRole };
  if (notice.status === "sent") return { at: iso(notice.sentAt), event: "notice-sent", detail };
  if (notice.status === "failed" || notice.status === "suppressed") {
    return { at: notice.updatedAt.toISOString(), event: "notice-failed", detail: { ...detail, why: notice.lastError } };
  }
  if (notice.holdUntil) {
    return {
      at: notice.createdAt.toISOString(),
      event: "notice-held",
      detail: { ...detail, until: iso(notice.holdUntil) },
    };
  }
  return { at: notice.createdAt.toISOString(), event: "notice-pending", detail };
}

function noNoticeReason(row: FailureRow, internalDomains: string[], unrouted: boolean): string {
  if (row.backfilled) return "back-filled history sends no notices";
  const domain = row.originalSender?.split("@")[1]?.toLowerCase();
  if (!row.originalSender) return "the original sender is unknown";
  if (domain && !internalDomains.includes(domain)) return "the sender is outside INTERNAL_DOMAINS";
  if (unrouted) return "nobody to tell (the sender has left and no manager or team mailbox is known)";
  return "no notice recorded yet";
}

/** The failure's notices (who was told what); the detail shows them and the timeline uses them. */
export async function loadFailureNotices(sql: TransactionPool, row: FailureRow): Promise<NoticeRow[]> {
  const result = await sql.query(
    `SELECT id, recipient, "recipientRole", status::text AS status, "sentAt", "createdAt", "updatedAt", "holdUntil", "lastError"
     FROM "Notice" WHERE "rawMessageId" = $1 AND (cardinality("failureIds") = 0 OR $2 = ANY("failureIds"))
     ORDER BY "createdAt"`,
    [row.rawMessageId, row.id],
  );
  return result.rows as NoticeRow[];
}

export async function loadFailureTimeline(
  sql: TransactionPool,
  row: FailureRow,
  noticeRows: NoticeRow[],
  internalDomains: string[],
): Promise<TimelineEntry[]> {
  const [messages, auditRows] = await Promise.all([
    sql.query(`SELECT "receivedAt", "parsedAt", source::text AS source FROM "RawMessage" WHERE id = $1`, [
      row.rawMessageId,
    ]),
    sql.query(
      `SELECT action, actor, detail, "createdAt" FROM "AuditEvent"
       WHERE target = $1 OR (target = $2 AND action = 'notice.unrouted') ORDER BY "createdAt"`,
      [row.id, row.rawMessageId],
    ),
  ]);
  const message = messages.rows[0] as { receivedAt: Date; parsedAt: Date | null; source: string } | undefined;
  const audits = auditRows.rows as { action: string; actor: string; detail: unknown; createdAt: Date }[];
  const entries: TimelineEntry[] = [];
  entries.push({ at: iso(row.originalDate), event: "sent", detail: { from: row.originalSender, to: row.recipient } });
  entries.push({
    at: row.failedAt.toISOString(),
    event: "failed",
    detail: { reason: row.reason, status: row.status },
  });
  if (message) {
    entries.push({ at: message.receivedAt.toISOString(), event: "ndr-received", detail: { source: message.source } });
    if (message.parsedAt) {
      entries.push({
        at: message.parsedAt.toISOString(),
        event: "classified",
        detail: { cause: row.cause, scope: row.scope, responsible: row.responsible, incidentId: row.incidentId },
      });
    }
  }
  for (const notice of noticeRows) entries.push(noticeEvent(notice));
  if (!noticeRows.length) {
    const unrouted = audits.some((audit) => audit.action === "notice.unrouted");
    entries.push({
      at: iso(message?.parsedAt),
      event: "notice-not-sent",
      detail: { why: noNoticeReason(row, internalDomains, unrouted) },
    });
  }
  for (const audit of audits) {
    if (audit.action !== "failure.updated") continue;
    const detail = (audit.detail ?? {}) as { before?: Record<string, unknown>; after?: Record<string, unknown> };
    const after = detail.after ?? {};
    const before = detail.before ?? {};
    const at = audit.createdAt.toISOString();
    if ("outcome" in after) {
      entries.push({
        at,
        event: "outcome-set",
        detail: { by: audit.actor, from: String(before.outcome ?? ""), to: String(after.outcome) },
      });
    }
    if ("serious" in after)
      entries.push({ at, event: "serious-set", detail: { by: audit.actor, serious: Boolean(after.serious) } });
    if ("note" in after && !("serious" in after)) entries.push({ at, event: "note-set", detail: { by: audit.actor } });
  }
  // Stable order by time; unknown times (no Date header) stay where they were put.
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      if (a.entry.at === null || b.entry.at === null) return a.index - b.index;
      return a.entry.at.localeCompare(b.entry.at) || a.index - b.index;
    })
    .map(({ entry }) => entry);
}
