-- A signed-in reader's default filter for the main feed, saved from the filter bar: the canonical
-- query string of the filter (`not=cs.CV&code=1`), null when none. It goes with the user's row.
-- AlterTable
ALTER TABLE "User" ADD COLUMN "defaultFilter" TEXT;
