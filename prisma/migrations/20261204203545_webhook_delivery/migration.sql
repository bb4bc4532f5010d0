-- WebhookDelivery had no writer before this migration, so the new NOT NULL "dispatchId" meets an empty table.
-- DropIndex
DROP INDEX "WebhookDelivery_eventId_attempt_key";

-- AlterTable
ALTER TABLE "Supplier" ADD COLUMN     "contact" TEXT,
ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'api';

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "dispatchId" TEXT NOT NULL,
ADD COLUMN     "responseBody" TEXT;

-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "disabledAt" TIMESTAMP(3),
ADD COLUMN     "disabledReason" TEXT,
ADD COLUMN     "failingSince" TIMESTAMP(3),
ADD COLUMN     "previousSecret" TEXT,
ADD COLUMN     "previousSecretExpiresAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "WebhookMessage" (
    "id" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "incidentId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDispatch" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookDispatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WebhookMessage_sourceKey_key" ON "WebhookMessage"("sourceKey");

-- CreateIndex
CREATE INDEX "WebhookMessage_incidentId_idx" ON "WebhookMessage"("incidentId");

-- CreateIndex
CREATE INDEX "WebhookDispatch_endpointId_idx" ON "WebhookDispatch"("endpointId");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDispatch_messageId_endpointId_key" ON "WebhookDispatch"("messageId", "endpointId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_incidentId_createdAt_idx" ON "WebhookDelivery"("incidentId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_eventId_idx" ON "WebhookDelivery"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_dispatchId_attempt_key" ON "WebhookDelivery"("dispatchId", "attempt");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_supplierId_idx" ON "WebhookEndpoint"("supplierId");

-- AddForeignKey
ALTER TABLE "WebhookMessage" ADD CONSTRAINT "WebhookMessage_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDispatch" ADD CONSTRAINT "WebhookDispatch_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "WebhookMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDispatch" ADD CONSTRAINT "WebhookDispatch_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "WebhookDispatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
