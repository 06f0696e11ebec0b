// The interactive-speed issue's targets, checked against a run's figures: the results file says
// which held, so a reader need not work it out from the tables.
import { FEDERATED, POSTGRAPHILE, UNCACHED } from "./target-names.js";

/** What goals reads of a run's measurements (run.ts's Results). */
type Measured = Record<string, Record<string, { rps: number; p99: number; rpsUnder?: number }>>;

export interface Run {
  results: Measured;
  sdkResults: Measured;
  writes: { operation: string; target: string; rps: number }[];
  finalRssMb: Record<string, number>;
  seconds: number;
}

/** Requests/s the uncached monolith answered on 2026-11-30, the "today" (10 connections, 2 cores). */
const BEFORE = { search: 61, "partner suggestions": 6, connection: 9 };

interface Goal {
  goal: string;
  /** The figure, or undefined when this run did not measure it (BENCH_ONLY). */
  value: number | undefined;
  met: (value: number) => boolean;
  format: (value: number) => string;
}

const times = (value: number) => `${value.toFixed(2)}×`;
const perSecond = (value: number) => `${Math.round(value)} req/s`;
const ms = (value: number) => `${value} ms`;

/** CityNet's rate over the reference's: for a reference too slow to rate, over the rate it stayed under. */
export function rateRatio(byTarget: Measured[string] | undefined, citynet: string, reference: string) {
  const a = byTarget?.[citynet];
  const b = byTarget?.[reference];
  return a && b ? a.rps / (b.rpsUnder ?? b.rps) : undefined;
}

/** A target's rate of a write (the uncached monolith's unless named) over the reference's, when both were measured. */
export function writeRatio(writes: Run["writes"], operation: string, reference: string, target = UNCACHED) {
  const rps = (name: string) => writes.find((w) => w.operation === operation && w.target === name)?.rps;
  const [measured, other] = [rps(target), rps(reference)];
  return measured !== undefined && other ? measured / other : undefined;
}

function goalsOf({ results, sdkResults, writes, finalRssMb, seconds }: Run): Goal[] {
  type Bounded = (goal: string, value: number | undefined, bound: number, format: Goal["format"]) => Goal;
  const atLeast: Bounded = (goal, value, bound, format) => ({ goal, value, met: (v) => v >= bound, format });
  const atMost: Bounded = (goal, value, bound, format) => ({ goal, value, met: (v) => v <= bound, format });
  const searches = ["search", "search, two letters", "search, Cyrillic"].flatMap((op) => [
    atLeast(`${op}: ≥ 5 × ${BEFORE.search} req/s`, results[op]?.[UNCACHED]?.rps, 5 * BEFORE.search, perSecond),
    atMost(`${op}: p99 ≤ 50 ms`, results[op]?.[UNCACHED]?.p99, 50, ms),
  ]);
  const rate = (op: keyof typeof BEFORE) =>
    atLeast(`${op}: ≥ 20 × ${BEFORE[op]} req/s`, results[op]?.[UNCACHED]?.rps, 20 * BEFORE[op], perSecond);
  const overPostGraphile = (op: string) =>
    atLeast(`${op}: ≥ 20× PostGraphile`, rateRatio(results[op], UNCACHED, POSTGRAPHILE), 20, times);
  const write = (operation: string) =>
    atLeast(`${operation}: ≥ 0.7× PostGraphile`, writeRatio(writes, operation, POSTGRAPHILE), 0.7, times);
  return [
    ...searches,
    rate("partner suggestions"),
    overPostGraphile("partner suggestions"),
    atMost("partner suggestions: p99 ≤ 100 ms", results["partner suggestions"]?.[UNCACHED]?.p99, 100, ms),
    rate("connection"),
    overPostGraphile("connection"),
    overPostGraphile("neighbourhood"),
    ...["town page", "network page"].map((op) =>
      atLeast(`${op}: federated / monolith ≥ 0.5`, rateRatio(results[op], FEDERATED, UNCACHED), 0.5, times),
    ),
    ...["SDK townPage", "SDK networkPage", "SDK projectPage", "SDK townWidget"].map((op) =>
      atLeast(`${op}: ≥ 1.0× PostGraphile`, rateRatio(sdkResults[op], UNCACHED, POSTGRAPHILE), 1, times),
    ),
    write("create"),
    write("update"),
    atMost("RSS of the monolith at the end ≤ 400 MB", finalRssMb[UNCACHED], 400, (mb) => `${mb} MB`),
    { goal: "whole run under 10 minutes", value: seconds, met: (s) => s < 600, format: (s) => `${s} s` },
  ];
}

/** The goals as a table: each with this run's figure, met or not, or not measured. */
export function goalsSection(run: Run): string {
  const rows = goalsOf(run).map(({ goal, value, met, format }) =>
    value === undefined
      ? `| ${goal} | – | not measured |`
      : `| ${goal} | ${format(value)} | ${met(value) ? "met" : "**not met**"} |`,
  );
  return `The interactive-speed targets, as this run measured them (rates "× … req/s" against the uncached
monolith's of 2026-11-30, on that day's machine):

| target | this run | |
|---|---|---|
${rows.join("\n")}
`;
}
