-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "claimedAt" TIMESTAMP(3),
ADD COLUMN     "failureIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "holdUntil" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Notice_recipient_createdAt_idx" ON "Notice"("recipient", "createdAt");
