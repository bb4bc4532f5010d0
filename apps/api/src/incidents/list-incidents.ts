// GET /api/incidents: filtered, newest activity first, keyset-paged, with the total.
import { INCIDENT_STATUSES, SCOPES } from "@safetynet/core";
import type { TransactionPool } from "@safetynet/db";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../http/keyset-cursor.js";
import { INCIDENT_COLUMNS, type IncidentItem, toIncidentItem } from "./incident-view.js";

export const incidentFilterShape = {
  status: z.enum(INCIDENT_STATUSES).optional(),
  scope: z.enum(SCOPES).optional(),
  cause: z.string().min(1).max(200).optional(),
  supplierId: z.string().min(1).max(100).optional(),
  active: z.enum(["true", "false"]).optional().describe("true: every status but resolved"),
};
export type IncidentFilter = { [K in keyof typeof incidentFilterShape]?: z.output<(typeof incidentFilterShape)[K]> };

export async function listIncidents(
  sql: TransactionPool,
  filter: IncidentFilter,
  limit: number,
  cursorText?: string,
): Promise<{ items: IncidentItem[]; total: number; nextCursor: string | null }> {
  const values: unknown[] = [];
  const parts: string[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (filter.status) parts.push(`i.status = ${param(filter.status)}::"IncidentStatus"`);
  if (filter.scope) parts.push(`i.scope = ${param(filter.scope)}::"Scope"`);
  if (filter.cause) parts.push(`i.cause = ${param(filter.cause)}`);
  if (filter.supplierId) parts.push(`i."supplierId" = ${param(filter.supplierId)}`);
  if (filter.active === "true") parts.push(`i.status <> 'resolved'`);
  if (filter.active === "false") parts.push(`i.status = 'resolved'`);
  const where = parts.length ? parts.join(" AND ") : "TRUE";
  const countValues = [...values];
  let pageWhere = where;
  if (cursorText) {
    const cursor = decodeCursor(cursorText, "-lastSeen");
    pageWhere += ` AND (i."lastSeen", i.id) < (${param(cursor.value)}::timestamp, ${param(cursor.id)})`;
  }
  const [page, count] = await Promise.all([
    sql.query(
      `SELECT ${INCIDENT_COLUMNS} FROM "Incident" i WHERE ${pageWhere}
       ORDER BY i."lastSeen" DESC, i.id DESC LIMIT ${param(limit + 1)}`,
      values,
    ),
    sql.query(`SELECT count(*)::int AS total FROM "Incident" i WHERE ${where}`, countValues),
  ]);
  const more = page.rows.length > limit;
  const rows = more ? page.rows.slice(0, limit) : page.rows;
  const last = rows.at(-1);
  return {
    items: rows.map(toIncidentItem),
    total: (count.rows[0] as { total: number }).total,
    nextCursor:
      more && last
        ? encodeCursor({ sort: "-lastSeen", value: (last.lastSeen as Date).toISOString(), id: last.id as string })
        : null,
  };
}
