-- The sitemaps list papers in ("feedDate", "id") order and find where each sitemap starts by
-- stepping through that order; with "updatedAt" (each URL's lastmod) and "hiddenAt" (hidden papers
-- are left out) in the index too, both read index entries only, never the table.
-- CreateIndex
CREATE INDEX "Paper_feedDate_id_updatedAt_hiddenAt_idx" ON "Paper"("feedDate", "id", "updatedAt", "hiddenAt");
