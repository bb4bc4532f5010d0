// Responsibility rules as the worker uses them: the rules file (or the built-in defaults) plus
// the suppliers registered in the database, re-read every minute so a new supplier takes effect.
import { readFile } from "node:fs/promises";
import { DEFAULT_RULES, parseRules, type ResponsibilityRules, withSuppliers } from "@safetynet/classifier";
import { type DbClient, loadSuppliers } from "@safetynet/db";

export interface RulesSource {
  get(): Promise<ResponsibilityRules>;
  /** Supplier ids that exist in the database (an incident's supplierId is a foreign key). */
  databaseSupplierIds(): ReadonlySet<string>;
}

export async function readRulesFile(path: string | undefined): Promise<ResponsibilityRules> {
  return path ? parseRules(JSON.parse(await readFile(path, "utf8"))) : DEFAULT_RULES;
}

export function createRulesSource(db: DbClient, base: ResponsibilityRules, refreshMs = 60_000): RulesSource {
  let cached: { rules: ResponsibilityRules; ids: Set<string>; at: number } | null = null;
  let loading: Promise<ResponsibilityRules> | null = null;
  return {
    async get() {
      if (cached && Date.now() - cached.at < refreshMs) return cached.rules;
      loading ??= loadSuppliers(db)
        .then((suppliers) => {
          cached = { rules: withSuppliers(base, suppliers), ids: new Set(suppliers.map((s) => s.id)), at: Date.now() };
          return cached.rules;
        })
        .finally(() => (loading = null));
      return loading;
    },
    databaseSupplierIds() {
      return cached?.ids ?? new Set();
    },
  };
}
