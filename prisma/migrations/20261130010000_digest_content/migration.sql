-- CreateEnum
CREATE TYPE "DigestContent" AS ENUM ('TRENDING', 'TRENDING_AND_FOLLOWS');

-- AlterTable
ALTER TABLE "Subscriber" ADD COLUMN "content" "DigestContent" NOT NULL DEFAULT 'TRENDING';
