-- PopulationFigure.sourceId names its Source: a foreign key keeps it true, and the API resolves
-- the figure's source through the relation (batched) instead of one lookup per figure.
-- CreateIndex
CREATE INDEX "PopulationFigure_sourceId_idx" ON "PopulationFigure"("sourceId");

-- AddForeignKey
ALTER TABLE "PopulationFigure" ADD CONSTRAINT "PopulationFigure_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

