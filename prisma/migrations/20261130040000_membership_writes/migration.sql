-- Memberships written by a network's secretariat: when a town left, and a version.
-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "leftEnd" DATE,
ADD COLUMN     "leftPrecision" "DatePrecision",
ADD COLUMN     "leftStart" DATE,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

