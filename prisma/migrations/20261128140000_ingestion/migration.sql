-- Issue 5 (IMAP ingestion): where a mailbox row comes from, its encrypted credentials, and
-- resumable back-fill cursors.
ALTER TABLE "Mailbox" ADD COLUMN "origin" TEXT NOT NULL DEFAULT 'api',
ADD COLUMN "credentials" BYTEA;

-- CreateTable
CREATE TABLE "ImportCursor" (
    "key" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportCursor_pkey" PRIMARY KEY ("key")
);

-- Stored raw messages are AES-GCM ciphertext: incompressible, so PostgreSQL's TOAST compression
-- only burns CPU on every insert (measured: 180 -> 111 ms per 500 NDRs). Store them uncompressed.
ALTER TABLE "RawMessage" ALTER COLUMN "encrypted" SET STORAGE EXTERNAL;
