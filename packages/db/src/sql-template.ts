// `sql` tagged templates for node-postgres: values become $n parameters (never spliced into the
// text), Dates become UTC ISO strings so `::timestamp` casts keep Prisma's UTC convention.
import type { SqlClient } from "./sql-client.js";

function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toParameter);
  return value;
}

export interface SqlQuery {
  text: string;
  values: unknown[];
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlQuery {
  let text = strings[0]!;
  for (let index = 0; index < values.length; index++) text += `$${index + 1}${strings[index + 1]}`;
  return { text, values: values.map(toParameter) };
}

export async function queryRows<T>(client: SqlClient, query: SqlQuery): Promise<T[]> {
  return (await client.query(query.text, query.values)).rows as T[];
}
