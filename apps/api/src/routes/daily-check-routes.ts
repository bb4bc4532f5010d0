// Daily check: staff record that today's triage was done (who, a summary); the list shows the
// days with none, which is what the original safety net never noticed for six years.
import { AppError } from "@safetynet/core";
import { mask } from "@safetynet/cpr";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app-deps.js";
import { recordAudit } from "../audit/record-audit.js";
import { requirePrincipal } from "../auth/auth-plugin.js";
import { isoTime } from "../http/common-schemas.js";
import { withErrors } from "../http/error-body.js";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expected YYYY-MM-DD" });

/** The calendar day in Denmark: a check at 00:30 in Copenhagen belongs to that day, not the UTC one. */
export function danishDay(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen" }).format(at);
}

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = new Date(`${from}T00:00:00Z`); at <= new Date(`${to}T00:00:00Z`); at.setUTCDate(at.getUTCDate() + 1)) {
    days.push(at.toISOString().slice(0, 10));
  }
  return days;
}

const checkView = z.object({ day, checkedBy: z.string(), summary: z.string().nullable(), createdAt: isoTime });

export async function dailyCheckRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.now?.() ?? new Date();

  api.post(
    "/api/daily-checks",
    {
      config: { role: "triager" },
      schema: {
        tags: ["daily-checks"],
        description:
          "Record that today's check (Danish calendar day) was done by the caller; again the same day updates the summary",
        body: z.object({ summary: z.string().max(4000).optional() }).strict(),
        response: withErrors({ 201: checkView }),
      },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      const today = danishDay(now());
      const summary = request.body.summary === undefined ? null : mask(request.body.summary);
      const date = new Date(`${today}T00:00:00Z`);
      const row = await deps.db.dailyCheck.upsert({
        where: { day_checkedBy: { day: date, checkedBy: actor.name } },
        create: { day: date, checkedBy: actor.name, note: summary },
        update: { note: summary },
      });
      await recordAudit(deps.db, actor, { action: "daily-check.recorded", target: today, after: { summary } });
      return reply
        .status(201)
        .send({ day: today, checkedBy: row.checkedBy, summary: row.note, createdAt: row.createdAt.toISOString() });
    },
  );

  api.get(
    "/api/daily-checks",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["daily-checks"],
        description: "Checks between from and to (default: the last 30 days), and the days with none",
        querystring: z.object({ from: day.optional(), to: day.optional() }),
        response: withErrors({ 200: z.object({ items: z.array(checkView), daysWithout: z.array(day) }) }),
      },
    },
    async (request) => {
      const to = request.query.to ?? danishDay(now());
      const from =
        request.query.from ??
        new Date(new Date(`${to}T00:00:00Z`).getTime() - 29 * 86_400_000).toISOString().slice(0, 10);
      const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
      if (!(span >= 0 && span <= 3660)) {
        throw new AppError("VALIDATION_FAILED", { message: "from must be on or before to, at most ten years apart" });
      }
      const rows = await deps.db.dailyCheck.findMany({
        where: { day: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) } },
        orderBy: [{ day: "desc" }, { createdAt: "asc" }],
      });
      const items = rows.map((row) => ({
        day: row.day.toISOString().slice(0, 10),
        checkedBy: row.checkedBy,
        summary: row.note,
        createdAt: row.createdAt.toISOString(),
      }));
      const done = new Set(items.map((item) => item.day));
      return { items, daysWithout: daysBetween(from, to).filter((date) => !done.has(date)) };
    },
  );
}
