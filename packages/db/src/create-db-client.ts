// The Prisma client over node-postgres (query compiler, no native engine), one per process.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.js";

export type DbClient = PrismaClient;

export function createDbClient(databaseUrl: string, options: { poolSize?: number } = {}): DbClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  return new PrismaClient({ adapter });
}
