-- AlterTable
ALTER TABLE "User" ADD COLUMN "forYouFeedToken" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "User_forYouFeedToken_key" ON "User"("forYouFeedToken");
