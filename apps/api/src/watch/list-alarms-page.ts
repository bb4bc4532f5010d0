// GET /api/alarms: operations alarms (packages/canary/README.md#alarms), newest first, keyset-paged;
// `?open=true` lists only those still firing.
import type { DbClient } from "@safetynet/db";
import { z } from "zod";
import { iso, isoTime } from "../http/common-schemas.js";
import { afterNewestFirst, decodeCursor, newestFirstPage } from "../http/keyset-cursor.js";

export const alarmItem = z.object({
  id: z.string(),
  key: z.string().describe("kind plus subject, e.g. mailbox-silent:<mailboxId>"),
  kind: z
    .string()
    .describe(
      "canary | mailbox-silent | mailbox-auth | poller-disconnected | queue-backlog | notice-failures | webhook-endpoint-disabled",
    ),
  open: z.boolean().describe("still firing"),
  message: z.string(),
  firedAt: isoTime,
  lastNotifiedAt: isoTime,
  notifications: z.number().int().describe("fired = 1, +1 for each repeat and for the resolution"),
  resolvedAt: isoTime.nullable(),
  resolveMessage: z.string().nullable(),
});
export type AlarmItem = z.infer<typeof alarmItem>;

export const alarmFilterShape = {
  open: z.enum(["true", "false"]).optional().describe("true: firing alarms only; false: resolved ones only"),
  kind: z.string().min(1).max(100).optional(),
};

const SORT = "-firedAt";

export async function listAlarmsPage(
  db: DbClient,
  filter: { open?: "true" | "false" | undefined; kind?: string | undefined },
  limit: number,
  cursorText?: string,
): Promise<{ items: AlarmItem[]; total: number; nextCursor: string | null }> {
  const where = {
    ...(filter.open === "true" ? { resolvedAt: null } : filter.open === "false" ? { resolvedAt: { not: null } } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
  };
  const cursor = cursorText ? decodeCursor(cursorText, SORT) : null;
  const after = afterNewestFirst("firedAt", cursor);
  const [rows, total] = await Promise.all([
    db.alarm.findMany({
      where: { ...where, ...after },
      orderBy: [{ firedAt: "desc" }, { id: "desc" }],
      take: limit + 1,
    }),
    db.alarm.count({ where }),
  ]);
  const { shown, nextCursor } = newestFirstPage(rows, limit, SORT, (row) => row.firedAt);
  return {
    items: shown.map((row) => ({
      id: row.id,
      key: row.key,
      kind: row.kind,
      open: row.resolvedAt === null,
      message: row.message,
      firedAt: row.firedAt.toISOString(),
      lastNotifiedAt: row.lastNotifiedAt.toISOString(),
      notifications: row.notifications,
      resolvedAt: iso(row.resolvedAt),
      resolveMessage: row.resolveMessage,
    })),
    total,
    nextCursor,
  };
}
