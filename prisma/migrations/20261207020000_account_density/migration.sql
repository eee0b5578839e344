-- The list density a signed-in reader chose (issue 22): applied in every browser they sign in on.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "density" TEXT,
ADD CONSTRAINT "User_density_check" CHECK ("density" IN ('full', 'compact', 'titles'));
