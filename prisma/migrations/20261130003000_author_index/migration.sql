-- Author pages find a name in the author lists through this index (authors @> ARRAY[name]).

-- CreateIndex
CREATE INDEX "Paper_authors_idx" ON "Paper" USING GIN ("authors");
