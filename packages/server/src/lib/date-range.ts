// Date ranges from what sources say ("spring 2016", "December 2004", "6–8 May 2020", an instant
// with its zone): a precision plus the first and last day covered, so that partial dates sort
// and filter as plain dates. The API type built on them is schema/common/partial-date.ts.

export type DatePrecision = "YEAR" | "SEASON" | "MONTH" | "DAY" | "DATE_TIME";
export type Season = "spring" | "summer" | "autumn" | "winter";

/** The precisions that name a month, and those that name a day (the API's month and day fields). */
export const MONTH_PRECISIONS: readonly DatePrecision[] = ["MONTH", "DAY", "DATE_TIME"];
export const DAY_PRECISIONS: readonly DatePrecision[] = ["DAY", "DATE_TIME"];

/** Meteorological seasons (northern hemisphere), three months each from their start month. */
const SEASONS: Record<Season, { startMonth: number }> = {
  spring: { startMonth: 3 },
  summer: { startMonth: 6 },
  autumn: { startMonth: 9 },
  winter: { startMonth: 12 },
};

export interface DateRange {
  precision: DatePrecision;
  start: Date;
  end: Date;
  /** Only for DATE_TIME. */
  instant?: Date;
  timeZone?: string;
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
/** Last day of month m (1-based) of year y. */
const lastDay = (y: number, m: number) => utc(y, m + 1, 0);

function parsePart(
  precision: DatePrecision,
  value: string,
  timeZone?: string,
): { start: Date; end: Date; instant?: Date } {
  switch (precision) {
    case "YEAR": {
      const y = Number(value);
      return { start: utc(y, 1, 1), end: utc(y, 12, 31) };
    }
    case "SEASON": {
      const [y, season] = value.split("-") as [string, Season];
      const { startMonth } = SEASONS[season];
      const start = utc(Number(y), startMonth, 1);
      return { start, end: lastDay(start.getUTCFullYear(), startMonth + 2) };
    }
    case "MONTH": {
      const [y, m] = value.split("-").map(Number);
      return { start: utc(y, m, 1), end: lastDay(y, m) };
    }
    case "DAY": {
      const day = new Date(`${value}T00:00:00Z`);
      return { start: day, end: day };
    }
    case "DATE_TIME": {
      const instant = new Date(value);
      const local = localDate(instant, timeZone ?? "UTC");
      return { start: local, end: local, instant };
    }
  }
}

/**
 * One formatter per locale and options, kept for the process: each holds tens of kilobytes of
 * ICU memory outside V8's heap, which V8 frees only at a full collection, so a formatter per
 * call let the server's RSS climb past a gigabyte under load. A handful of languages and option
 * shapes make the keys; time zones come from writes in any spelling, so the map is bounded.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATS = 1000;
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    if (formats.size >= MAX_FORMATS) formats.clear();
    formats.set(key, format);
  }
  return format;
}

/** The calendar day of an instant in a time zone, as a UTC-midnight Date. */
function localDate(instant: Date, timeZone: string): Date {
  const parts = dateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
  return new Date(`${parts}T00:00:00Z`);
}

export function toDateRange(input: {
  precision: DatePrecision;
  value: string;
  until?: string;
  timeZone?: string;
}): DateRange {
  const first = parsePart(input.precision, input.value, input.timeZone);
  const last = input.until ? parsePart(input.precision, input.until, input.timeZone) : first;
  return {
    precision: input.precision,
    start: first.start,
    end: last.end,
    instant: first.instant,
    timeZone: input.timeZone,
  };
}

/** The first day of the season a day falls in (the winter of 2026 starts in December 2026). */
export function seasonStart(day: Date): Date {
  const month = day.getUTCMonth(); // 0-based: seasons start in months 2, 5, 8 and 11
  return new Date(Date.UTC(day.getUTCFullYear(), month - ((month + 1) % 3), 1));
}

/** The season a SEASON-precision range starts in. */
export function seasonOf(start: Date): Season {
  const month = start.getUTCMonth() + 1;
  return (Object.entries(SEASONS).find(([, s]) => s.startMonth === month)?.[0] ?? "winter") as Season;
}
