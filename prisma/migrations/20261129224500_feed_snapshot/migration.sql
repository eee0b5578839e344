-- CreateTable
CREATE TABLE "FeedSnapshot" (
    "id" BIGSERIAL NOT NULL,
    "listKey" TEXT NOT NULL,
    "paperIds" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FeedSnapshot_listKey_createdAt_idx" ON "FeedSnapshot"("listKey", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "FeedSnapshot_createdAt_idx" ON "FeedSnapshot"("createdAt");
