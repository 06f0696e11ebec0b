-- Twinnings and partnerships between towns: one record per pair (in id order) and kind, shown
-- from both towns, public once the second town confirms it.
-- CreateEnum
CREATE TYPE "TwinningKind" AS ENUM ('TWINNING', 'PARTNERSHIP', 'COOPERATION');

-- AlterEnum
ALTER TYPE "SubjectType" ADD VALUE 'TWINNING';

-- CreateTable
CREATE TABLE "Twinning" (
    "id" SERIAL NOT NULL,
    "townAId" INTEGER NOT NULL,
    "townBId" INTEGER NOT NULL,
    "kind" "TwinningKind" NOT NULL,
    "startPrecision" "DatePrecision",
    "startStart" DATE,
    "startEnd" DATE,
    "endPrecision" "DatePrecision",
    "endStart" DATE,
    "endEnd" DATE,
    "agreementId" INTEGER,
    "proposedByTownId" INTEGER NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Twinning_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Twinning_townBId_idx" ON "Twinning"("townBId");

-- CreateIndex
CREATE UNIQUE INDEX "Twinning_townAId_townBId_kind_key" ON "Twinning"("townAId", "townBId", "kind");

-- AddForeignKey
ALTER TABLE "Twinning" ADD CONSTRAINT "Twinning_townAId_fkey" FOREIGN KEY ("townAId") REFERENCES "Town"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Twinning" ADD CONSTRAINT "Twinning_townBId_fkey" FOREIGN KEY ("townBId") REFERENCES "Town"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Twinning" ADD CONSTRAINT "Twinning_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Twinning" ADD CONSTRAINT "Twinning_proposedByTownId_fkey" FOREIGN KEY ("proposedByTownId") REFERENCES "Town"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The pair is stored in id order: one record per pair and kind, whichever town proposed it.
ALTER TABLE "Twinning" ADD CONSTRAINT "Twinning_pair_in_order" CHECK ("townAId" < "townBId");
