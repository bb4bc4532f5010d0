// Loads the staff directory (CSV import through the CLI, later the API): upserts every row by
// e-mail; with `deactivateMissing`, people absent from the file are marked as having left.
import type { StaffEntry } from "@safetynet/core";
import type { DbClient } from "./create-db-client.js";

export type StaffRow = StaffEntry;

export interface ImportResult {
  upserted: number;
  deactivated: number;
}

export async function importStaffDirectory(
  db: DbClient,
  rows: readonly StaffRow[],
  options: { deactivateMissing?: boolean } = {},
): Promise<ImportResult> {
  return db.$transaction(
    async (tx) => {
      for (const row of rows) {
        const data = { ...row, email: row.email.toLowerCase(), managerEmail: row.managerEmail?.toLowerCase() ?? null };
        await tx.staffMember.upsert({ where: { email: data.email }, create: data, update: data });
      }
      let deactivated = 0;
      if (options.deactivateMissing) {
        const { count } = await tx.staffMember.updateMany({
          where: { email: { notIn: rows.map((row) => row.email.toLowerCase()) }, active: true },
          data: { active: false },
        });
        deactivated = count;
      }
      return { upserted: rows.length, deactivated };
    },
    { timeout: 120_000 },
  );
}
