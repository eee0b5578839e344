-- Read state (issue 22): which papers a reader has seen or hidden, their visits for "new since your
-- last visit", and their "Hide read" setting.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "lastVisitAt" TIMESTAMP(3),
ADD COLUMN "previousVisitAt" TIMESTAMP(3),
ADD COLUMN "hideRead" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PaperSeen" (
    "userId" TEXT NOT NULL,
    "paperId" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaperSeen_pkey" PRIMARY KEY ("userId","paperId")
);

-- CreateTable
CREATE TABLE "PaperHidden" (
    "userId" TEXT NOT NULL,
    "paperId" TEXT NOT NULL,
    "hiddenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaperHidden_pkey" PRIMARY KEY ("userId","paperId")
);

-- CreateIndex
CREATE INDEX "PaperHidden_paperId_idx" ON "PaperHidden"("paperId");

-- "New since your last visit" pages by (createdAt, id): one import shares one createdAt (50,000
-- papers in the benchmark's batches), so an index on createdAt alone would sort a whole batch per
-- page. The wider index answers everything the old one did (the console's counts, the snapshots'
-- "gained a paper" check); it is built before the old one goes.
-- CreateIndex
CREATE INDEX "Paper_createdAt_id_idx" ON "Paper"("createdAt", "id");

-- DropIndex
DROP INDEX "Paper_createdAt_idx";

-- AddForeignKey
ALTER TABLE "PaperSeen" ADD CONSTRAINT "PaperSeen_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperSeen" ADD CONSTRAINT "PaperSeen_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperHidden" ADD CONSTRAINT "PaperHidden_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperHidden" ADD CONSTRAINT "PaperHidden_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;
