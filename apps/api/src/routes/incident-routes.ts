// Incidents: list, detail with failures and senders, acknowledge, resolve, silence, escalate by hand.
import { AppError } from "@safetynet/core";
import { mask } from "@safetynet/cpr";
import { acknowledgeIncident, createSilence } from "@safetynet/db";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app-deps.js";
import { recordAudit } from "../audit/record-audit.js";
import { requirePrincipal } from "../auth/auth-plugin.js";
import { FAILURE_COLUMNS, type FailureRow, failureItem, toFailureItem } from "../failures/failure-view.js";
import { idParams, isoTime, listOf, pageQuery } from "../http/common-schemas.js";
import { withErrors } from "../http/error-body.js";
import { escalateIncident, resolveIncident } from "../incidents/escalate-incident.js";
import { INCIDENT_COLUMNS, incidentItem, toIncidentItem } from "../incidents/incident-view.js";
import { incidentFilterShape, listIncidents } from "../incidents/list-incidents.js";

const DETAIL_FAILURES = 500;

export async function incidentRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.now?.() ?? new Date();
  const load = async (id: string) => {
    const result = await deps.sql.query(`SELECT ${INCIDENT_COLUMNS}, i.fingerprint FROM "Incident" i WHERE i.id = $1`, [
      id,
    ]);
    const row = result.rows[0];
    if (!row) throw new AppError("NOT_FOUND", { message: "no such incident" });
    return { item: toIncidentItem(row), fingerprint: row.fingerprint as string };
  };

  api.get(
    "/api/incidents",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["incidents"],
        description: "Newest activity (lastSeen) first",
        querystring: z.object({ ...incidentFilterShape, ...pageQuery }),
        response: withErrors({ 200: listOf(incidentItem) }),
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return listIncidents(deps.sql, filter, limit, cursor);
    },
  );

  api.get(
    "/api/incidents/:id",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["incidents"],
        params: idParams,
        response: withErrors({
          200: incidentItem.extend({
            senders: z.array(z.object({ sender: z.string(), firstSeen: isoTime })),
            failures: z
              .array(failureItem)
              .describe(`the newest ${DETAIL_FAILURES}; failuresComplete says whether that is all of them`),
            failuresComplete: z.boolean().describe("false: page the rest with GET /api/failures?incident=<id>"),
          }),
        }),
      },
    },
    async (request) => {
      const { item } = await load(request.params.id);
      const [senders, failures] = await Promise.all([
        deps.db.incidentSender.findMany({ where: { incidentId: item.id }, orderBy: { firstSeen: "asc" } }),
        deps.sql.query(
          `SELECT ${FAILURE_COLUMNS} FROM "Failure" f WHERE f."incidentId" = $1 ORDER BY f."failedAt" DESC, f.id DESC LIMIT $2`,
          [item.id, DETAIL_FAILURES + 1],
        ),
      ]);
      const rows = failures.rows as FailureRow[];
      return {
        ...item,
        senders: senders.map((sender) => ({ sender: sender.sender, firstSeen: sender.firstSeen.toISOString() })),
        failures: rows.slice(0, DETAIL_FAILURES).map(toFailureItem),
        failuresComplete: rows.length <= DETAIL_FAILURES,
      };
    },
  );

  api.post(
    "/api/incidents/:id/acknowledge",
    {
      config: { role: "triager" },
      schema: { tags: ["incidents"], params: idParams, response: withErrors({ 200: incidentItem }) },
    },
    async (request) => {
      const actor = requirePrincipal(request);
      const before = (await load(request.params.id)).item;
      const changed = await acknowledgeIncident(deps.db, before.id, actor.name, now());
      if (!changed)
        throw new AppError("CONFLICT", { message: `an incident that is ${before.status} cannot be acknowledged` });
      const after = (await load(before.id)).item;
      await recordAudit(deps.db, actor, {
        action: "incident.acknowledged",
        target: before.id,
        before: { status: before.status },
        after: { status: after.status },
      });
      return after;
    },
  );

  api.post(
    "/api/incidents/:id/resolve",
    {
      config: { role: "triager" },
      schema: { tags: ["incidents"], params: idParams, response: withErrors({ 200: incidentItem }) },
    },
    async (request) => {
      const actor = requirePrincipal(request);
      const before = (await load(request.params.id)).item;
      const result = await resolveIncident(deps.sql, deps.queues.escalate, before.id, now());
      const after = (await load(before.id)).item;
      if (result.changed) {
        await recordAudit(deps.db, actor, {
          action: "incident.resolved",
          target: before.id,
          before: { status: before.status },
          after: { status: after.status, supplierTold: result.event !== null },
        });
      }
      return after;
    },
  );

  api.post(
    "/api/incidents/:id/silence",
    {
      config: { role: "triager" },
      schema: {
        tags: ["incidents"],
        description: "Mute escalation of this incident's fingerprint until expiresAt (a reason is required)",
        params: idParams,
        body: z
          .object({
            reason: z.string().trim().min(1).max(1000),
            expiresAt: z.iso.datetime({ offset: true }).describe("ISO timestamp in the future"),
          })
          .strict(),
        response: withErrors({ 200: incidentItem }),
      },
    },
    async (request) => {
      const actor = requirePrincipal(request);
      const { item, fingerprint } = await load(request.params.id);
      const expiresAt = new Date(request.body.expiresAt);
      if (expiresAt <= now()) throw new AppError("VALIDATION_FAILED", { message: "expiresAt must be in the future" });
      const reason = mask(request.body.reason);
      const silenceId = await createSilence(deps.db, { fingerprint, reason, createdBy: actor.name, expiresAt });
      await recordAudit(deps.db, actor, {
        action: "incident.silenced",
        target: item.id,
        before: { silence: item.silence },
        after: { silenceId, reason, expiresAt: expiresAt.toISOString() },
      });
      return (await load(item.id)).item;
    },
  );

  api.post(
    "/api/incidents/:id/escalate",
    {
      config: { role: "triager" },
      schema: {
        tags: ["incidents"],
        description:
          "Escalate by hand: puts incident.opened (or incident.updated when already announced) on the escalate queue",
        params: idParams,
        response: withErrors({
          202: z.object({ event: z.string(), sequence: z.number().int(), incident: incidentItem }),
        }),
      },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      const before = (await load(request.params.id)).item;
      const event = await escalateIncident(deps.sql, deps.queues.escalate, before.id);
      await recordAudit(deps.db, actor, {
        action: "incident.escalated",
        target: before.id,
        before: { announced: before.announced },
        after: { event: event.event, sequence: event.sequence },
      });
      return reply
        .status(202)
        .send({ event: event.event, sequence: event.sequence, incident: (await load(before.id)).item });
    },
  );
}
