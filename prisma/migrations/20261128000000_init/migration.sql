-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "MailboxStatus" AS ENUM ('active', 'paused', 'auth-failed', 'error');

-- CreateEnum
CREATE TYPE "MarkMode" AS ENUM ('move', 'keyword', 'none');

-- CreateEnum
CREATE TYPE "MessageState" AS ENUM ('stored', 'parsed', 'quarantined');

-- CreateEnum
CREATE TYPE "MessageSource" AS ENUM ('live', 'import');

-- CreateEnum
CREATE TYPE "Scope" AS ENUM ('individual', 'systemic', 'pattern', 'none');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('pending', 'open', 'acknowledged', 'escalated', 'resolved');

-- CreateEnum
CREATE TYPE "TriageOutcome" AS ENUM ('untriaged', 'resent', 'closed-other', 'not-contacted', 'no-longer-employed');

-- CreateEnum
CREATE TYPE "NoticeStatus" AS ENUM ('pending', 'sending', 'sent', 'failed', 'suppressed');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'succeeded', 'failed');

-- CreateTable
CREATE TABLE "Mailbox" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "authMethod" TEXT NOT NULL DEFAULT 'password',
    "markMode" "MarkMode" NOT NULL DEFAULT 'none',
    "processedFolder" TEXT NOT NULL DEFAULT 'Processed',
    "status" "MailboxStatus" NOT NULL DEFAULT 'active',
    "lastError" TEXT,
    "uidValidity" BIGINT,
    "lastUid" BIGINT NOT NULL DEFAULT 0,
    "highestModseq" BIGINT,
    "lastFullSyncAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Mailbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailboxEvent" (
    "id" TEXT NOT NULL,
    "mailboxId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "detail" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RawMessage" (
    "id" TEXT NOT NULL,
    "mailboxId" TEXT,
    "source" "MessageSource" NOT NULL DEFAULT 'live',
    "uidValidity" BIGINT,
    "uid" BIGINT,
    "sha256" TEXT NOT NULL,
    "messageIdHeader" TEXT,
    "size" INTEGER NOT NULL,
    "encrypted" BYTEA NOT NULL,
    "internalDate" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "state" "MessageState" NOT NULL DEFAULT 'stored',
    "quarantineReason" TEXT,
    "parsedAt" TIMESTAMP(3),
    "kind" TEXT,
    "importRef" TEXT,
    "purgeAfter" TIMESTAMP(3),

    CONSTRAINT "RawMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Failure" (
    "id" TEXT NOT NULL,
    "rawMessageId" TEXT NOT NULL,
    "recipientIndex" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "status" TEXT,
    "replyCode" TEXT,
    "diagnosticMasked" TEXT,
    "reportingMta" TEXT,
    "remoteMta" TEXT,
    "originalSender" TEXT,
    "recipient" TEXT NOT NULL,
    "recipientDomain" TEXT,
    "subjectMasked" TEXT,
    "originalMessageId" TEXT,
    "originalDate" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3) NOT NULL,
    "scope" "Scope" NOT NULL DEFAULT 'individual',
    "responsible" TEXT NOT NULL,
    "fingerprint" TEXT,
    "incidentId" TEXT,
    "backfilled" BOOLEAN NOT NULL DEFAULT false,
    "outcome" "TriageOutcome" NOT NULL DEFAULT 'untriaged',
    "serious" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "triagedBy" TEXT,
    "triagedAt" TIMESTAMP(3),
    "notifiedTo" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Failure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "fingerprintVersion" INTEGER NOT NULL,
    "scope" "Scope" NOT NULL,
    "status" "IncidentStatus" NOT NULL DEFAULT 'pending',
    "cause" TEXT NOT NULL,
    "responsible" TEXT NOT NULL,
    "supplierId" TEXT,
    "reportingHost" TEXT,
    "recipientDomain" TEXT,
    "firstSeen" TIMESTAMP(3) NOT NULL,
    "lastSeen" TIMESTAMP(3) NOT NULL,
    "failureCount" INTEGER NOT NULL DEFAULT 0,
    "distinctSenders" INTEGER NOT NULL DEFAULT 0,
    "previousId" TEXT,
    "acknowledgedBy" TEXT,
    "acknowledgedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentSender" (
    "incidentId" TEXT NOT NULL,
    "sender" TEXT NOT NULL,
    "firstSeen" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncidentSender_pkey" PRIMARY KEY ("incidentId","sender")
);

-- CreateTable
CREATE TABLE "Silence" (
    "id" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Silence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "rawMessageId" TEXT NOT NULL,
    "originalMessageId" TEXT,
    "recipient" TEXT NOT NULL,
    "recipientRole" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'da',
    "status" "NoticeStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "smtpMessageId" TEXT,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Supplier" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "match" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Supplier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL,
    "supplierId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT[],
    "secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "incidentId" TEXT,
    "eventId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "httpStatus" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffMember" (
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "department" TEXT,
    "managerEmail" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "language" TEXT NOT NULL DEFAULT 'da',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffMember_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "detail" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DailyCheck" (
    "id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "checkedBy" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DailyCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CanaryRun" (
    "id" TEXT NOT NULL,
    "probeId" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "returnedAt" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CanaryRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Mailbox_name_key" ON "Mailbox"("name");

-- CreateIndex
CREATE INDEX "MailboxEvent_mailboxId_createdAt_idx" ON "MailboxEvent"("mailboxId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RawMessage_sha256_key" ON "RawMessage"("sha256");

-- CreateIndex
CREATE INDEX "RawMessage_state_idx" ON "RawMessage"("state");

-- CreateIndex
CREATE INDEX "RawMessage_messageIdHeader_idx" ON "RawMessage"("messageIdHeader");

-- CreateIndex
CREATE INDEX "RawMessage_receivedAt_idx" ON "RawMessage"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RawMessage_mailboxId_uidValidity_uid_key" ON "RawMessage"("mailboxId", "uidValidity", "uid");

-- CreateIndex
CREATE INDEX "Failure_failedAt_idx" ON "Failure"("failedAt");

-- CreateIndex
CREATE INDEX "Failure_originalDate_idx" ON "Failure"("originalDate");

-- CreateIndex
CREATE INDEX "Failure_outcome_failedAt_idx" ON "Failure"("outcome", "failedAt");

-- CreateIndex
CREATE INDEX "Failure_reason_idx" ON "Failure"("reason");

-- CreateIndex
CREATE INDEX "Failure_cause_idx" ON "Failure"("cause");

-- CreateIndex
CREATE INDEX "Failure_originalSender_idx" ON "Failure"("originalSender");

-- CreateIndex
CREATE INDEX "Failure_incidentId_idx" ON "Failure"("incidentId");

-- CreateIndex
CREATE UNIQUE INDEX "Failure_rawMessageId_recipientIndex_key" ON "Failure"("rawMessageId", "recipientIndex");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_key_key" ON "Incident"("key");

-- CreateIndex
CREATE INDEX "Incident_fingerprint_status_idx" ON "Incident"("fingerprint", "status");

-- CreateIndex
CREATE INDEX "Incident_status_lastSeen_idx" ON "Incident"("status", "lastSeen");

-- CreateIndex
CREATE INDEX "Silence_fingerprint_expiresAt_idx" ON "Silence"("fingerprint", "expiresAt");

-- CreateIndex
CREATE INDEX "Notice_status_idx" ON "Notice"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_rawMessageId_recipient_key" ON "Notice"("rawMessageId", "recipient");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_idx" ON "WebhookDelivery"("endpointId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_eventId_attempt_key" ON "WebhookDelivery"("eventId", "attempt");

-- CreateIndex
CREATE INDEX "StaffMember_department_idx" ON "StaffMember"("department");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_target_idx" ON "AuditEvent"("target");

-- CreateIndex
CREATE UNIQUE INDEX "DailyCheck_day_checkedBy_key" ON "DailyCheck"("day", "checkedBy");

-- CreateIndex
CREATE UNIQUE INDEX "CanaryRun_probeId_key" ON "CanaryRun"("probeId");

-- CreateIndex
CREATE INDEX "CanaryRun_sentAt_idx" ON "CanaryRun"("sentAt");

-- AddForeignKey
ALTER TABLE "MailboxEvent" ADD CONSTRAINT "MailboxEvent_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RawMessage" ADD CONSTRAINT "RawMessage_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Failure" ADD CONSTRAINT "Failure_rawMessageId_fkey" FOREIGN KEY ("rawMessageId") REFERENCES "RawMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Failure" ADD CONSTRAINT "Failure_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentSender" ADD CONSTRAINT "IncidentSender_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_rawMessageId_fkey" FOREIGN KEY ("rawMessageId") REFERENCES "RawMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

