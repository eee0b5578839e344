-- A feed that learns you (issue 23): papers' tf-idf vectors, the idf's document frequencies per
-- term bucket, readers' models, "less like this", and the reader's pause and reset of learning.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "recsPausedAt" TIMESTAMP(3),
ADD COLUMN "recsResetAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PaperHidden" ADD COLUMN "lessLikeThis" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PaperVector" (
    "paperId" TEXT NOT NULL,
    "terms" TEXT[],
    "packed" BYTEA NOT NULL,
    "corpusSize" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PaperVector_pkey" PRIMARY KEY ("paperId")
);

-- CreateTable
CREATE TABLE "TermFrequency" (
    "bucket" INTEGER NOT NULL,
    "papers" INTEGER NOT NULL,

    CONSTRAINT "TermFrequency_pkey" PRIMARY KEY ("bucket")
);

-- CreateTable
CREATE TABLE "ReaderModel" (
    "userId" TEXT NOT NULL,
    "bias" DOUBLE PRECISION NOT NULL,
    "terms" TEXT[],
    "weights" REAL[],
    "positives" INTEGER NOT NULL,
    "signature" TEXT NOT NULL,
    "trainedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReaderModel_pkey" PRIMARY KEY ("userId")
);

-- AddForeignKey
ALTER TABLE "PaperVector" ADD CONSTRAINT "PaperVector_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReaderModel" ADD CONSTRAINT "ReaderModel_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
