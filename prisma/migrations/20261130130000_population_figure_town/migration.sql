-- A town's population figures are read by town on every town page; without an index each read
-- scanned the whole table (66k towns' figures).
CREATE INDEX "PopulationFigure_townId_idx" ON "PopulationFigure"("townId");
