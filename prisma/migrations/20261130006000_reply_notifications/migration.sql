-- AlterTable
ALTER TABLE "User" ADD COLUMN "replyNotifications" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "notificationToken" TEXT;

-- CreateTable
CREATE TABLE "ReplyNotification" (
    "userId" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReplyNotification_pkey" PRIMARY KEY ("userId","threadId")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_notificationToken_key" ON "User"("notificationToken");

-- AddForeignKey
ALTER TABLE "ReplyNotification" ADD CONSTRAINT "ReplyNotification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplyNotification" ADD CONSTRAINT "ReplyNotification_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
