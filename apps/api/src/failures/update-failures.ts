// Triage changes to failures: outcome, serious flag, note. One failure (PATCH /api/failures/:id)
// or many (PATCH /api/failures: listed ids, or everything a filter matches), audited with before
// and after. Staff notes are CPR-masked on the way in: a note is shown to every viewer.
import { TRIAGE_OUTCOMES } from "@safetynet/core";
import { mask } from "@safetynet/cpr";
import type { TransactionPool } from "@safetynet/db";
import { z } from "zod";
import type { Principal } from "../auth/roles.js";
import { type FailureFilter, failureCondition } from "./failure-filter.js";

export const failureChange = z
  .object({
    outcome: z.enum(TRIAGE_OUTCOMES).optional().describe("untriaged sets a failure back to open"),
    serious: z.boolean().optional().describe("serious risk to a citizen (the report's Table 3)"),
    note: z.string().max(4000).nullable().optional().describe("why; CPR numbers are masked when stored"),
  })
  .strict()
  .refine((change) => Object.keys(change).length > 0, { message: "nothing to change" });
export type FailureChange = z.output<typeof failureChange>;

export interface UpdateResult {
  updated: number;
  before: Record<string, Record<string, unknown>>;
}

/** Update the failures `selection` picks; returns each one's previous values of the changed fields. */
export async function updateFailures(
  pool: TransactionPool,
  actor: Principal,
  selection: { ids: string[] } | { filter: FailureFilter },
  change: FailureChange,
  now: Date,
): Promise<UpdateResult> {
  const whereValues: unknown[] = "ids" in selection ? [selection.ids] : [];
  const where = "ids" in selection ? `f.id = ANY($1::text[])` : failureCondition(selection.filter, whereValues).where;
  const values: unknown[] = [];
  const sets: string[] = [];
  const set = (column: string, value: unknown, cast = "") => {
    values.push(value);
    sets.push(`"${column}" = $${values.length}${cast}`);
  };
  if (change.outcome !== undefined) set("outcome", change.outcome, `::"TriageOutcome"`);
  if (change.serious !== undefined) set("serious", change.serious);
  if (change.note !== undefined) set("note", change.note === null ? null : mask(change.note));
  set("triagedBy", actor.name);
  set("triagedAt", now.toISOString(), "::timestamp");
  set("updatedAt", now.toISOString(), "::timestamp");
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // Read the previous values under lock, then change: the audit's "before" is exactly what was replaced.
    const previous = await client.query(
      `SELECT f.id, f.outcome::text AS outcome, f.serious, f.note FROM "Failure" f WHERE ${where} ORDER BY f.id FOR UPDATE`,
      whereValues,
    );
    const ids = previous.rows.map((row) => row.id as string);
    if (ids.length) {
      values.push(ids);
      await client.query(`UPDATE "Failure" SET ${sets.join(", ")} WHERE id = ANY($${values.length}::text[])`, values);
    }
    const before: UpdateResult["before"] = {};
    for (const row of previous.rows) {
      before[row.id] = Object.fromEntries(Object.keys(change).map((key) => [key, row[key]]));
    }
    if (ids.length) {
      // One audit row per failure (its timeline reads them), written in the same transaction.
      const after = { ...change, ...(change.note ? { note: mask(change.note) } : {}) };
      const detail = {
        after,
        ...(actor.tokenId ? { tokenId: actor.tokenId } : {}),
        bulk: !("ids" in selection) || ids.length > 1,
      };
      await client.query(
        `INSERT INTO "AuditEvent" (id, actor, action, target, detail, "createdAt")
         SELECT gen_random_uuid()::text, $1, 'failure.updated', t.id, $2::jsonb || jsonb_build_object('before', t.before::jsonb), $3::timestamp
         FROM unnest($4::text[], $5::text[]) AS t(id, before)`,
        [actor.name, JSON.stringify(detail), now.toISOString(), ids, ids.map((id) => JSON.stringify(before[id]))],
      );
    }
    await client.query("COMMIT");
    return { updated: ids.length, before };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
