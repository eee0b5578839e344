-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "asOf" DATE;
