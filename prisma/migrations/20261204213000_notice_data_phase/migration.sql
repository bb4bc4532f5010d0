-- AlterEnum
ALTER TYPE "NoticeStatus" ADD VALUE 'uncertain';

-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "dataStartedAt" TIMESTAMP(3),
ADD COLUMN     "possibleDuplicates" INTEGER NOT NULL DEFAULT 0;
