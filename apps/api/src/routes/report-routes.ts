// Reports for the data-protection authority, as JSON or CSV (`Accept: text/csv` or `?format=csv`).
// They take the failure list's filters, so "2018-2024, cause cpr-in-subject" is one request.
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app-deps.js";
import { failureFilterShape } from "../failures/failure-filter.js";
import { withErrors } from "../http/error-body.js";
import { formatQuery, wantsCsv } from "../http/wants-csv.js";
import { type Grouping, groupReport, outcomeReport, seriousReport, yearlyReport } from "../reports/build-reports.js";
import { type CsvCell, reportCsv } from "../reports/report-csv.js";

const query = z.object({
  ...failureFilterShape,
  format: formatQuery,
});

const CSV_NOTE =
  " Send `Accept: text/csv` or `?format=csv` for CSV (`;` separator, UTF-8 BOM, decimal comma, a total row).";

function sendCsv(reply: FastifyReply, name: string, csv: string) {
  return reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="safetynet-${name}.csv"`)
    .send(csv);
}

const GROUP_ROUTES: { path: string; grouping: Grouping; title: string }[] = [
  { path: "cause", grouping: "cause", title: "cause" },
  { path: "responsible", grouping: "responsible", title: "responsible" },
  { path: "department", grouping: "department", title: "department" },
  { path: "recipient-domain", grouping: "recipientDomain", title: "recipient domain" },
];

export async function reportRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const viewer = { role: "viewer" as const };

  api.get(
    "/api/reports/yearly",
    {
      config: viewer,
      schema: {
        tags: ["reports"],
        description: `Table 1: failed original messages by the year they were sent.${CSV_NOTE}`,
        querystring: query,
        response: withErrors({
          200: z.object({
            rows: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
            total: z.number().int(),
          }),
        }),
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const report = await yearlyReport(deps.sql, filter);
      if (!wantsCsv(request, format)) return report;
      const rows: CsvCell[][] = report.rows.map((row) => [row.year, row.count]);
      return sendCsv(reply, "yearly", reportCsv(["year", "count"], rows, ["total", report.total]));
    },
  );

  api.get(
    "/api/reports/outcomes",
    {
      config: viewer,
      schema: {
        tags: ["reports"],
        description: `Table 2: failed original messages by year sent and outcome; share in percent of that year (one decimal).${CSV_NOTE}`,
        querystring: query,
        response: withErrors({
          200: z.object({
            rows: z.array(
              z.object({ year: z.number().int(), outcome: z.string(), count: z.number().int(), share: z.number() }),
            ),
            total: z.number().int(),
          }),
        }),
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const report = await outcomeReport(deps.sql, filter);
      if (!wantsCsv(request, format)) return report;
      const rows: CsvCell[][] = report.rows.map((row) => [row.year, row.outcome, row.count, row.share]);
      return sendCsv(
        reply,
        "outcomes",
        reportCsv(["year", "outcome", "count", "share"], rows, ["total", null, report.total, null]),
      );
    },
  );

  api.get(
    "/api/reports/serious",
    {
      config: viewer,
      schema: {
        tags: ["reports"],
        description: `Table 3: failures flagged as a serious risk, with the staff's notes.${CSV_NOTE}`,
        querystring: query,
        response: withErrors({
          200: z.object({
            rows: z.array(
              z.object({
                id: z.string(),
                year: z.number().int(),
                sentAt: z.string(),
                cause: z.string(),
                sender: z.string().nullable(),
                recipientDomain: z.string().nullable(),
                outcome: z.string(),
                note: z.string().nullable(),
              }),
            ),
            total: z.number().int(),
          }),
        }),
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const report = await seriousReport(deps.sql, filter);
      if (!wantsCsv(request, format)) return report;
      const header = ["id", "year", "sentAt", "cause", "sender", "recipientDomain", "outcome", "note"];
      const rows: CsvCell[][] = report.rows.map((row) => [
        row.id,
        row.year,
        row.sentAt,
        row.cause,
        row.sender,
        row.recipientDomain,
        row.outcome,
        row.note,
      ]);
      return sendCsv(
        reply,
        "serious",
        reportCsv(header, rows, ["total", report.total, null, null, null, null, null, null]),
      );
    },
  );

  for (const route of GROUP_ROUTES) {
    api.get(
      `/api/reports/${route.path}`,
      {
        config: viewer,
        schema: {
          tags: ["reports"],
          description: `Failed original messages per ${route.title}; share in percent of the total.${CSV_NOTE}`,
          querystring: query,
          response: withErrors({
            200: z.object({
              rows: z.array(z.object({ key: z.string(), count: z.number().int(), share: z.number() })),
              total: z.number().int(),
            }),
          }),
        },
      },
      async (request, reply) => {
        const { format, ...filter } = request.query;
        const report = await groupReport(deps.sql, route.grouping, filter);
        if (!wantsCsv(request, format)) return report;
        const rows: CsvCell[][] = report.rows.map((row) => [row.key, row.count, row.share]);
        return sendCsv(
          reply,
          route.path,
          reportCsv([route.grouping, "count", "share"], rows, ["total", report.total, 100]),
        );
      },
    );
  }
}
