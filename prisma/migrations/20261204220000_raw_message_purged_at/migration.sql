-- AlterTable
ALTER TABLE "RawMessage" ADD COLUMN     "purgedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "RawMessage_purgedAt_receivedAt_idx" ON "RawMessage"("purgedAt", "receivedAt");
