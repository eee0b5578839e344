-- Channels follow the comments on the papers they posted (issue 24), in the thread of the post
-- that listed them where the service has threads (Matrix).

-- AlterEnum
ALTER TYPE "ChannelSubscriptionKind" ADD VALUE IF NOT EXISTS 'COMMENTS';

-- AlterTable
ALTER TABLE "ChannelDelivery" ADD COLUMN "threadRef" TEXT;

-- CreateTable
CREATE TABLE "ChannelPostedPaper" (
    "channelId" TEXT NOT NULL,
    "paperId" TEXT NOT NULL,
    "postedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "threadRef" TEXT,

    CONSTRAINT "ChannelPostedPaper_pkey" PRIMARY KEY ("channelId","paperId")
);

-- CreateIndex
CREATE INDEX "ChannelPostedPaper_channelId_postedAt_idx" ON "ChannelPostedPaper"("channelId", "postedAt");
CREATE INDEX "ChannelPostedPaper_paperId_idx" ON "ChannelPostedPaper"("paperId");

-- AddForeignKey
ALTER TABLE "ChannelPostedPaper" ADD CONSTRAINT "ChannelPostedPaper_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ChannelPostedPaper" ADD CONSTRAINT "ChannelPostedPaper_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;
