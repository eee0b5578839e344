-- arXiv categories of each paper, primary first (cs.CL, then its cross-lists), and when the arXiv
-- API was last asked for them: NULL means not yet, or the last lookup failed (the next sync tries
-- again); papers from the arXiv source arrive with theirs. The Hugging Face keywords ("aiKeywords")
-- were stored already. Both arrays get GIN indexes for category and keyword pages and filters; the
-- second index finds the papers still to enrich, newest first, without scanning the table.
-- AlterTable
ALTER TABLE "Paper" ADD COLUMN "categories" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "categoriesCheckedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Paper_categories_idx" ON "Paper" USING GIN ("categories");

-- CreateIndex
CREATE INDEX "Paper_aiKeywords_idx" ON "Paper" USING GIN ("aiKeywords");

-- CreateIndex
CREATE INDEX "Paper_categoriesCheckedAt_feedDate_idx" ON "Paper"("categoriesCheckedAt", "feedDate" DESC);

ANALYZE "Paper" ("categories", "categoriesCheckedAt");
