-- AlterEnum
ALTER TYPE "SubscriberStatus" ADD VALUE 'BOUNCED';

-- AlterTable
ALTER TABLE "Subscriber" ADD COLUMN     "bounceReason" TEXT,
ADD COLUMN     "bouncedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "DigestDelivery" ADD COLUMN     "handedOffAt" TIMESTAMP(3);
