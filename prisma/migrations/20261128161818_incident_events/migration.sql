-- CreateTable
CREATE TABLE "IncidentEvent" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "rawMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enqueuedAt" TIMESTAMP(3),

    CONSTRAINT "IncidentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IncidentEvent_enqueuedAt_createdAt_idx" ON "IncidentEvent"("enqueuedAt", "createdAt");

-- CreateIndex
CREATE INDEX "IncidentEvent_rawMessageId_idx" ON "IncidentEvent"("rawMessageId");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentEvent_incidentId_event_sequence_key" ON "IncidentEvent"("incidentId", "event", "sequence");

-- AddForeignKey
ALTER TABLE "IncidentEvent" ADD CONSTRAINT "IncidentEvent_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
