-- Issue 6 (classification and incidents): incident sequence per fingerprint, whether the supplier
-- was told, whether it holds live failures, and an index for reading one fingerprint's recent failures.
-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "announced" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "live" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "Failure_fingerprint_failedAt_idx" ON "Failure"("fingerprint", "failedAt");
