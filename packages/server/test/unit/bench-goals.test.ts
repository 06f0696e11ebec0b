// The results file's table of the interactive-speed targets (bench/goals.ts): a bound is met at
// its value, a reference too slow to rate is divided by the rate it stayed under, and a figure a
// run did not measure is said to be missing, never met.
import { describe, expect, it } from "vitest";
import { goalsSection, type Run, writeRatio } from "../../../../bench/goals.js";
import { POSTGRAPHILE, UNCACHED, YOGA_FLOOR } from "../../../../bench/target-names.js";

const row = (section: string, target: string) => section.split("\n").find((line) => line.startsWith(`| ${target} |`));

describe("the benchmark's targets", () => {
  const run: Run = {
    results: {
      search: { [UNCACHED]: { rps: 305, p99: 51 } },
      "partner suggestions": { [UNCACHED]: { rps: 150, p99: 100 }, [POSTGRAPHILE]: { rps: 0, p99: 0, rpsUnder: 5 } },
    },
    sdkResults: {},
    writes: [
      { operation: "update", target: UNCACHED, rps: 69 },
      { operation: "update", target: POSTGRAPHILE, rps: 100 },
      { operation: "update", target: YOGA_FLOOR, rps: 90 },
    ],
    finalRssMb: { [UNCACHED]: 401 },
    seconds: 600,
  };
  const section = goalsSection(run);

  it("holds each figure to its bound, inclusive", () => {
    expect(row(section, "search: ≥ 5 × 61 req/s")).toBe("| search: ≥ 5 × 61 req/s | 305 req/s | met |");
    expect(row(section, "search: p99 ≤ 50 ms")).toBe("| search: p99 ≤ 50 ms | 51 ms | **not met** |");
    expect(row(section, "partner suggestions: p99 ≤ 100 ms")).toContain("| met |");
    expect(row(section, "update: ≥ 0.7× PostGraphile")).toBe("| update: ≥ 0.7× PostGraphile | 0.69× | **not met** |");
    expect(row(section, "RSS of the monolith at the end ≤ 400 MB")).toContain("**not met**");
    expect(row(section, "whole run under 10 minutes")).toBe("| whole run under 10 minutes | 600 s | **not met** |");
  });

  it("holds CityNet's writes to the target, and rates the writes' floor only when named", () => {
    expect(writeRatio(run.writes, "update", POSTGRAPHILE)).toBe(0.69);
    expect(writeRatio(run.writes, "update", POSTGRAPHILE, YOGA_FLOOR)).toBe(0.9);
    expect(writeRatio(run.writes, "create", POSTGRAPHILE, YOGA_FLOOR)).toBeUndefined();
  });

  it("rates against a reference too slow to rate by the rate it stayed under", () => {
    expect(row(section, "partner suggestions: ≥ 20× PostGraphile")).toBe(
      "| partner suggestions: ≥ 20× PostGraphile | 30.00× | met |",
    );
  });

  it("names what the run did not measure", () => {
    expect(row(section, "neighbourhood: ≥ 20× PostGraphile")).toBe(
      "| neighbourhood: ≥ 20× PostGraphile | – | not measured |",
    );
    expect(row(section, "create: ≥ 0.7× PostGraphile")).toContain("not measured");
    expect(row(section, "SDK townPage: ≥ 1.0× PostGraphile")).toContain("not measured");
  });
});
