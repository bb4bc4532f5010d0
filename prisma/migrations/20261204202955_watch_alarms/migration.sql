-- AlterTable
ALTER TABLE "CanaryRun" ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'schedule',
ADD COLUMN     "rawMessageId" TEXT;

-- AlterTable
ALTER TABLE "Mailbox" ADD COLUMN     "disconnectedSince" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Alarm" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "detail" JSONB,
    "firedAt" TIMESTAMP(3) NOT NULL,
    "lastNotifiedAt" TIMESTAMP(3) NOT NULL,
    "notifications" INTEGER NOT NULL DEFAULT 1,
    "resolvedAt" TIMESTAMP(3),
    "resolveMessage" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Alarm_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Alarm_key_resolvedAt_idx" ON "Alarm"("key", "resolvedAt");

-- CreateIndex
CREATE INDEX "Alarm_resolvedAt_firedAt_idx" ON "Alarm"("resolvedAt", "firedAt");
