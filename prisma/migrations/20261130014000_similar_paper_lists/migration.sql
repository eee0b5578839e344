-- CreateTable
CREATE TABLE "SimilarPaperList" (
    "paperId" TEXT NOT NULL,
    "paperIds" TEXT[],
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SimilarPaperList_pkey" PRIMARY KEY ("paperId")
);

-- AddForeignKey
ALTER TABLE "SimilarPaperList" ADD CONSTRAINT "SimilarPaperList_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;
