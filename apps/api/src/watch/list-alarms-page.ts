// GET /api/alarms: operations alarms (packages/canary/README.md#alarms), newest first, keyset-paged;
// `?open=true` lists only those still firing.
import type { DbClient } from "@safetynet/db";
import { z } from "zod";
import { iso, isoTime } from "../http/common-schemas.js";
import { decodeCursor, encodeCursor } from "../http/keyset-cursor.js";

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
  const after = cursor
    ? {
        OR: [
          { firedAt: { lt: new Date(String(cursor.value)) } },
          { firedAt: new Date(String(cursor.value)), id: { lt: cursor.id } },
        ],
      }
    : {};
  const [rows, total] = await Promise.all([
    db.alarm.findMany({
      where: { ...where, ...after },
      orderBy: [{ firedAt: "desc" }, { id: "desc" }],
      take: limit + 1,
    }),
    db.alarm.count({ where }),
  ]);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
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
    nextCursor: more && last ? encodeCursor({ sort: SORT, value: last.firedAt.toISOString(), id: last.id }) : null,
  };
}
