// The records of the seeded test databases that the benchmark's reference operations
// (bench/operations.ts) look at in tests.
import type { Subjects } from "../../../../bench/operations.js";

export const SEEDED_SUBJECTS: Subjects = {
  town: "opava",
  network: "medium-sized-cities",
  project: "city-cooperation",
  search: "Ceske Budejovice",
  country: "PL",
  populationMin: 20_000,
  partnerSearch: "montefranco-2019-partner-town",
  from: "leoben",
  to: "opava",
};
