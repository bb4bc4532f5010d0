-- Webhook work a Redis without its data lost (the sweep's backstop, apps/worker requeue-lost-webhook-work.ts):
-- an incident event whose escalate job was enqueued but never finished, and a dispatch whose next
-- attempt is long overdue. Events escalated before this migration count as handled.
ALTER TABLE "IncidentEvent" ADD COLUMN "handledAt" TIMESTAMP(3);
UPDATE "IncidentEvent" SET "handledAt" = "enqueuedAt" WHERE "enqueuedAt" IS NOT NULL;
CREATE INDEX "IncidentEvent_handledAt_enqueuedAt_idx" ON "IncidentEvent"("handledAt", "enqueuedAt");
CREATE INDEX "WebhookDispatch_status_nextAttemptAt_idx" ON "WebhookDispatch"("status", "nextAttemptAt");
