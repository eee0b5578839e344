-- CreateEnum
CREATE TYPE "AuthorClaimStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "AuthorLinkKind" AS ENUM ('CODE', 'PROJECT');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ModerationKind" ADD VALUE 'APPROVE_AUTHOR_CLAIM';
ALTER TYPE "ModerationKind" ADD VALUE 'REJECT_AUTHOR_CLAIM';

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "upvotes" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ModerationAction" ADD COLUMN     "reasonPrivate" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "authorNotifications" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "CommentVote" (
    "commentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommentVote_pkey" PRIMARY KEY ("commentId","userId")
);

-- CreateTable
CREATE TABLE "VerifiedAuthor" (
    "paperId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "hfUser" TEXT NOT NULL,

    CONSTRAINT "VerifiedAuthor_pkey" PRIMARY KEY ("paperId","authorName")
);

-- CreateTable
CREATE TABLE "AuthorClaim" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "paperId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "orcid" TEXT,
    "evidence" TEXT NOT NULL,
    "status" "AuthorClaimStatus" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "decidedBy" TEXT,

    CONSTRAINT "AuthorClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthorLink" (
    "paperId" TEXT NOT NULL,
    "kind" "AuthorLinkKind" NOT NULL,
    "url" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthorLink_pkey" PRIMARY KEY ("paperId","kind")
);

-- CreateTable
CREATE TABLE "AuthorNotice" (
    "userId" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthorNotice_pkey" PRIMARY KEY ("userId","threadId")
);

-- CreateIndex
CREATE INDEX "CommentVote_userId_createdAt_idx" ON "CommentVote"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "VerifiedAuthor_authorName_idx" ON "VerifiedAuthor"("authorName");

-- CreateIndex
CREATE INDEX "AuthorClaim_status_createdAt_idx" ON "AuthorClaim"("status", "createdAt");

-- CreateIndex
CREATE INDEX "AuthorClaim_userId_status_idx" ON "AuthorClaim"("userId", "status");

-- CreateIndex
CREATE INDEX "AuthorClaim_authorName_status_idx" ON "AuthorClaim"("authorName", "status");

-- CreateIndex
CREATE UNIQUE INDEX "AuthorClaim_paperId_authorName_userId_key" ON "AuthorClaim"("paperId", "authorName", "userId");

-- CreateIndex
CREATE INDEX "Comment_createdAt_idx" ON "Comment"("createdAt" DESC);

-- AddForeignKey
ALTER TABLE "CommentVote" ADD CONSTRAINT "CommentVote_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentVote" ADD CONSTRAINT "CommentVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerifiedAuthor" ADD CONSTRAINT "VerifiedAuthor_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorClaim" ADD CONSTRAINT "AuthorClaim_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorClaim" ADD CONSTRAINT "AuthorClaim_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorLink" ADD CONSTRAINT "AuthorLink_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorLink" ADD CONSTRAINT "AuthorLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorNotice" ADD CONSTRAINT "AuthorNotice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorNotice" ADD CONSTRAINT "AuthorNotice_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
