// The delivery log, newest attempt first, by endpoint and/or incident, in keyset pages.
import type { DbClient } from "@safetynet/db";
import type { z } from "zod";
import { iso } from "../http/common-schemas.js";
import { afterNewestFirst, decodeCursor, newestFirstPage } from "../http/keyset-cursor.js";
import type { deliveryItem } from "./webhook-views.js";

const SORT = "createdAt-desc";

export async function listWebhookDeliveries(
  db: DbClient,
  filter: { endpointId?: string | undefined; incidentId?: string | undefined },
  limit: number,
  cursor: string | undefined,
): Promise<{ items: z.infer<typeof deliveryItem>[]; total: number; nextCursor: string | null }> {
  const where = {
    ...(filter.endpointId ? { endpointId: filter.endpointId } : {}),
    ...(filter.incidentId ? { incidentId: filter.incidentId } : {}),
  };
  const after = cursor ? decodeCursor(cursor, SORT) : null;
  const [rows, total] = await Promise.all([
    db.webhookDelivery.findMany({
      where: { ...where, ...afterNewestFirst("createdAt", after) },
      include: { dispatch: { select: { id: true, status: true, attempts: true, nextAttemptAt: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
    }),
    db.webhookDelivery.count({ where }),
  ]);
  const { shown, nextCursor } = newestFirstPage(rows, limit, SORT, (row) => row.createdAt);
  return {
    items: shown.map((row) => ({
      id: row.id,
      endpointId: row.endpointId,
      incidentId: row.incidentId,
      eventId: row.eventId,
      eventType: row.eventType,
      attempt: row.attempt,
      status: row.status,
      httpStatus: row.httpStatus,
      error: row.error,
      durationMs: row.durationMs,
      responseBody: row.responseBody,
      createdAt: row.createdAt.toISOString(),
      dispatch: { ...row.dispatch, nextAttemptAt: iso(row.dispatch.nextAttemptAt) },
    })),
    total,
    nextCursor,
  };
}
