-- Labs' chat channels (issue 24): Slack, Discord, Matrix and generic webhooks, secrets sealed at rest.

-- CreateEnum
CREATE TYPE "ChannelKind" AS ENUM ('SLACK', 'DISCORD', 'MATRIX', 'WEBHOOK');

-- CreateTable
CREATE TABLE "Channel" (
    "id" TEXT NOT NULL,
    "kind" "ChannelKind" NOT NULL,
    "name" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "homeserver" TEXT,
    "roomId" TEXT,
    "signingKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pausedAt" TIMESTAMP(3),
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),

    CONSTRAINT "Channel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Channel_createdAt_idx" ON "Channel"("createdAt");
