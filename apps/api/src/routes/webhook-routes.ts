// Webhook endpoints and their delivery log: list endpoints, rotate a secret (the old one keeps
// signing through the grace period), send a test event, list delivery attempts, redeliver one.
// The API never sends a webhook itself: it records the event and puts the attempt on the queue.
import { AppError } from "@safetynet/core";
import { requeueWebhookDispatch, rotateWebhookSecret } from "@safetynet/db";
import { enqueueWebhookAttempt } from "@safetynet/queue";
import { generateWebhookSecret } from "@safetynet/webhooks";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app-deps.js";
import { recordAudit } from "../audit/record-audit.js";
import { requirePrincipal } from "../auth/auth-plugin.js";
import { idParams, isoTime, listOf, pageQuery } from "../http/common-schemas.js";
import { withErrors } from "../http/error-body.js";
import { listWebhookDeliveries } from "../webhooks/list-webhook-deliveries.js";
import { sendTestEvent } from "../webhooks/send-test-event.js";
import { deliveryItem, endpointItem, toEndpointItem } from "../webhooks/webhook-views.js";

const HOUR = 3600_000;

export async function webhookRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.now?.() ?? new Date();
  const endpoint = async (id: string) => {
    const row = await deps.db.webhookEndpoint.findUnique({ where: { id } });
    if (!row) throw new AppError("NOT_FOUND", { message: "no such webhook endpoint" });
    return row;
  };

  api.get(
    "/api/webhook-endpoints",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["webhooks"],
        description: "Every endpoint (secrets are never listed), by supplier",
        querystring: z.object({ supplierId: z.string().max(100).optional() }),
        response: withErrors({ 200: z.object({ items: z.array(endpointItem), total: z.number().int() }) }),
      },
    },
    async (request) => {
      const rows = await deps.db.webhookEndpoint.findMany({
        where: request.query.supplierId ? { supplierId: request.query.supplierId } : {},
        orderBy: [{ supplierId: "asc" }, { createdAt: "asc" }],
      });
      return { items: rows.map((row) => toEndpointItem(row, now())), total: rows.length };
    },
  );

  api.post(
    "/api/webhook-endpoints/:id/rotate-secret",
    {
      config: { role: "admin" },
      schema: {
        tags: ["webhooks"],
        description:
          "A new secret, shown once. The previous one keeps signing (a second signature) until previousSecretExpiresAt.",
        params: idParams,
        body: z
          .object({ graceHours: z.number().min(0).max(720).optional().describe("default WEBHOOK_SECRET_GRACE_HOURS") })
          .strict()
          .nullish(),
        response: withErrors({
          200: z.object({ id: z.string(), secret: z.string(), previousSecretExpiresAt: isoTime }),
        }),
      },
    },
    async (request) => {
      const actor = requirePrincipal(request);
      const { id } = request.params;
      await endpoint(id);
      const graceHours = request.body?.graceHours ?? deps.webhookSecretGraceHours ?? 24;
      const secret = generateWebhookSecret();
      const rotated = await rotateWebhookSecret(deps.db, id, secret, new Date(now().getTime() + graceHours * HOUR));
      if (!rotated) throw new AppError("NOT_FOUND", { message: "no such webhook endpoint" });
      await recordAudit(deps.db, actor, {
        action: "webhook-endpoint.secret-rotated",
        target: id,
        after: { previousSecretExpiresAt: rotated.previousSecretExpiresAt.toISOString() },
      });
      return { id, secret, previousSecretExpiresAt: rotated.previousSecretExpiresAt.toISOString() };
    },
  );

  api.post(
    "/api/webhook-endpoints/:id/test",
    {
      config: { role: "admin" },
      schema: {
        tags: ["webhooks"],
        description: "Sends a signed `test` event to this endpoint through the delivery queue",
        params: idParams,
        response: withErrors({ 202: z.object({ eventId: z.string(), dispatchId: z.string() }) }),
      },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      const row = await endpoint(request.params.id);
      if (!row.active) throw new AppError("CONFLICT", { message: "the endpoint is disabled" });
      const sent = await sendTestEvent(deps.db, deps.queues.webhooks, row, now());
      await recordAudit(deps.db, actor, { action: "webhook-endpoint.tested", target: row.id, detail: sent });
      return reply.status(202).send(sent);
    },
  );

  api.get(
    "/api/webhook-deliveries",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["webhooks"],
        description: "One row per delivery attempt, newest first",
        querystring: z.object({
          endpointId: z.string().max(100).optional(),
          incidentId: z.string().max(100).optional(),
          ...pageQuery,
        }),
        response: withErrors({ 200: listOf(deliveryItem) }),
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return listWebhookDeliveries(deps.db, filter, limit, cursor);
    },
  );

  api.post(
    "/api/webhook-deliveries/:id/redeliver",
    {
      config: { role: "triager" },
      schema: {
        tags: ["webhooks"],
        description:
          "One more attempt of this delivery's event to its endpoint, now: the same webhook-id and body. Asking again before it is made names the same attempt; 409 while a retry is scheduled later.",
        params: idParams,
        response: withErrors({ 202: z.object({ dispatchId: z.string(), attempt: z.number().int() }) }),
      },
    },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      const result = await requeueWebhookDispatch(deps.db, request.params.id, now());
      if (result.kind === "not-found") throw new AppError("NOT_FOUND", { message: "no such delivery" });
      if (result.kind === "scheduled")
        throw new AppError("CONFLICT", {
          message: `a retry of this event is scheduled for ${result.at.toISOString()}`,
        });
      if (result.kind === "endpoint-disabled") throw new AppError("CONFLICT", { message: "the endpoint is disabled" });
      await enqueueWebhookAttempt(deps.queues.webhooks, result.dispatchId, result.attempt);
      await recordAudit(deps.db, actor, {
        action: "webhook-delivery.redelivered",
        target: request.params.id,
        detail: { dispatchId: result.dispatchId, attempt: result.attempt },
      });
      return reply.status(202).send({ dispatchId: result.dispatchId, attempt: result.attempt });
    },
  );
}
