-- Columns added to a filled table have no planner statistics until ANALYZE, and adding them changes
-- no rows, so autovacuum does not analyze. Without them PostgreSQL takes `"hiddenAt" IS NULL` (on
-- every list and search) to match 0.5% of papers: at a million papers a common-word search then
-- scanned the whole table (2.8 s) instead of walking the feed-day index (27 ms).
ANALYZE "Paper" ("hiddenAt", "localComments");
ANALYZE "User" ("handle", "bannedAt");
ANALYZE "Subscriber" ("content");
