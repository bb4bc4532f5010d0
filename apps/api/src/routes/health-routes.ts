// /healthz: the process answers. /readyz: PostgreSQL, Redis and each active mailbox are usable.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app-deps.js";
import { maskText } from "../http/mask-text.js";

const check = z.object({ name: z.string(), ok: z.boolean(), detail: z.string().nullable() });
const readiness = z.object({ ready: z.boolean(), checks: z.array(check) });

async function timed(name: string, work: () => Promise<string | null>) {
  try {
    const detail = await Promise.race([
      work(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out after 2 s")), 2_000).unref()),
    ]);
    return { name, ok: true, detail };
  } catch (error) {
    return { name, ok: false, detail: (error as Error).message.slice(0, 200) };
  }
}

export async function healthRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/healthz",
    {
      config: { role: "public" },
      schema: { tags: ["health"], security: [], response: { 200: z.object({ status: z.literal("ok") }) } },
    },
    async () => ({ status: "ok" as const }),
  );
  api.get(
    "/readyz",
    {
      config: { role: "public" },
      schema: {
        tags: ["health"],
        security: [],
        description: "503 when the database or Redis does not answer, or an active mailbox cannot log in",
        response: { 200: readiness, 503: readiness },
      },
    },
    async (_request, reply) => {
      const [database, redis] = await Promise.all([
        timed("database", async () => {
          await deps.db.$queryRawUnsafe("SELECT 1");
          return null;
        }),
        timed("redis", async () => {
          await deps.redis.ping();
          return null;
        }),
      ]);
      const checks = [database, redis];
      if (database.ok) {
        const mailboxes = await deps.db.mailbox.findMany({ orderBy: { name: "asc" } });
        for (const mailbox of mailboxes) {
          // The poller records each connection's state on the row; a paused mailbox is not a fault.
          const ok = mailbox.status === "active" || mailbox.status === "paused";
          checks.push({
            name: `mailbox:${mailbox.name}`,
            ok,
            detail: ok
              ? mailbox.status
              : maskText(`${mailbox.status}${mailbox.lastError ? `: ${mailbox.lastError}` : ""}`),
          });
        }
      }
      const ready = checks.every((item) => item.ok);
      return reply.status(ready ? 200 : 503).send({ ready, checks });
    },
  );
}
