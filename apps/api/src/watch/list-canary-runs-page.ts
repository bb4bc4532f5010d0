// GET /api/canary/runs: canary probes, newest first, keyset-paged, with the round trip of each.
import type { DbClient } from "@safetynet/db";
import { z } from "zod";
import { iso, isoTime } from "../http/common-schemas.js";
import { afterNewestFirst, decodeCursor, newestFirstPage } from "../http/keyset-cursor.js";

export const canaryRunItem = z.object({
  id: z.string(),
  probeId: z.string().describe("the token in the probe's Message-ID, header and subject"),
  origin: z.enum(["schedule", "cli"]).describe("the hourly schedule, or `safetynet canary`"),
  status: z.enum(["sent", "returned", "missing", "error"]),
  sentAt: isoTime,
  returnedAt: isoTime.nullable().describe("when the NDR was stored in the safety-net mailbox"),
  roundTripMs: z.number().int().nullable(),
  detail: z.string().nullable().describe("why a probe could not be sent (the SMTP reply)"),
});
export type CanaryRunItem = z.infer<typeof canaryRunItem>;

export const canaryFilterShape = {
  status: z.enum(["sent", "returned", "missing", "error"]).optional(),
};

const SORT = "-sentAt";

export async function listCanaryRunsPage(
  db: DbClient,
  filter: { status?: CanaryRunItem["status"] | undefined },
  limit: number,
  cursorText?: string,
): Promise<{ items: CanaryRunItem[]; total: number; nextCursor: string | null }> {
  const where = filter.status ? { status: filter.status } : {};
  const cursor = cursorText ? decodeCursor(cursorText, SORT) : null;
  const after = afterNewestFirst("sentAt", cursor);
  const [rows, total] = await Promise.all([
    db.canaryRun.findMany({
      where: { ...where, ...after },
      orderBy: [{ sentAt: "desc" }, { id: "desc" }],
      take: limit + 1,
    }),
    db.canaryRun.count({ where }),
  ]);
  const { shown, nextCursor } = newestFirstPage(rows, limit, SORT, (row) => row.sentAt);
  return {
    items: shown.map((row) => ({
      id: row.id,
      probeId: row.probeId,
      origin: row.origin === "cli" ? "cli" : "schedule",
      status: row.status as CanaryRunItem["status"],
      sentAt: row.sentAt.toISOString(),
      returnedAt: iso(row.returnedAt),
      roundTripMs: row.returnedAt ? row.returnedAt.getTime() - row.sentAt.getTime() : null,
      detail: row.detail,
    })),
    total,
    nextCursor,
  };
}
