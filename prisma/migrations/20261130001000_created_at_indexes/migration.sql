-- The operator console counts what was added today and this week without scanning.

-- CreateIndex
CREATE INDEX "Paper_createdAt_idx" ON "Paper"("createdAt");

-- CreateIndex
CREATE INDEX "User_createdAt_idx" ON "User"("createdAt");

-- CreateIndex
CREATE INDEX "Upvote_createdAt_idx" ON "Upvote"("createdAt");
