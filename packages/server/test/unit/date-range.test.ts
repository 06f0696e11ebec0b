import { expect, it } from "vitest";
import { dateTimeFormat, toDateRange } from "../../src/lib/date-range.js";
import { formatPartialDate } from "../../src/schema/common/partial-date.js";

const day = (d: Date) => d.toISOString().slice(0, 10);

it("turns partial dates into the days they cover", () => {
  const cases = [
    [{ precision: "YEAR", value: "2016" }, "2016-01-01", "2016-12-31"],
    [{ precision: "SEASON", value: "2016-spring" }, "2016-03-01", "2016-05-31"],
    [{ precision: "SEASON", value: "2008-autumn" }, "2008-09-01", "2008-11-30"],
    [{ precision: "SEASON", value: "2015-winter" }, "2015-12-01", "2016-02-29"],
    [{ precision: "MONTH", value: "2004-12" }, "2004-12-01", "2004-12-31"],
    [{ precision: "MONTH", value: "2008-05", until: "2012-10" }, "2008-05-01", "2012-10-31"],
    [{ precision: "DAY", value: "2020-05-06", until: "2020-05-08" }, "2020-05-06", "2020-05-08"],
    [
      { precision: "DATE_TIME", value: "2022-10-11T22:30:00Z", timeZone: "Europe/Brussels" },
      "2022-10-12",
      "2022-10-12",
    ],
  ] as const;
  for (const [input, start, end] of cases) {
    const range = toDateRange(input);
    expect([day(range.start), day(range.end)], input.value).toEqual([start, end]);
  }
});

it("labels them in the reader's language", () => {
  const spring = { ...toDateRange({ precision: "SEASON", value: "2016-spring" }), instant: null, timeZone: null };
  expect(formatPartialDate(spring, "en")).toBe("spring 2016");
  expect(formatPartialDate(spring, "cs")).toBe("jaro 2016");
  expect(formatPartialDate(spring, "de")).toBe("Frühling 2016");
  const december = { ...toDateRange({ precision: "MONTH", value: "2004-12" }), instant: null, timeZone: null };
  expect(formatPartialDate(december, "en")).toBe("December 2004");
  expect(formatPartialDate(december, "pl")).toMatch(/grudzień 2004/);
});

it("labels a span of years or seasons from its first to its last", () => {
  const label = (precision: "YEAR" | "SEASON", value: string, until?: string) =>
    formatPartialDate({ ...toDateRange({ precision, value, until }), instant: null, timeZone: null }, "en");
  expect(label("YEAR", "2027", "2029")).toBe("2027 – 2029");
  expect(label("YEAR", "2027", "2027")).toBe("2027");
  expect(label("SEASON", "2026-winter")).toBe("winter 2026");
  expect(label("SEASON", "2026-spring", "2026-winter")).toBe("spring 2026 – winter 2026");
  expect(label("SEASON", "2026-autumn", "2027-spring")).toBe("autumn 2026 – spring 2027");
});

it("keeps one formatter per locale and options, so labels do not build ICU formatters per call", () => {
  const options = { timeZone: "UTC", year: "numeric", month: "long" } as const;
  expect(dateTimeFormat("de", { ...options })).toBe(dateTimeFormat("de", { ...options }));
  expect(dateTimeFormat("de", options)).not.toBe(dateTimeFormat("cs", options));
});
