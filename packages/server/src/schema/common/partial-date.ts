// Partial dates as a GraphQL type: the precision the source gives, the first and last
// day it covers (for sorting and filtering), and a human label in the reader's language.
import { LRUCache } from "lru-cache";
import { DatePrecision as DatePrecisionValues } from "../../generated/prisma/index.js";
import {
  DAY_PRECISIONS,
  type DatePrecision,
  dateTimeFormat,
  MONTH_PRECISIONS,
  type Season,
  seasonOf,
  seasonStart,
} from "../../lib/date-range.js";
import { sqlField } from "../../sql-plan/annotations.js";
import { builder, type Types } from "../builder.js";
import { LANG_ARG_DESCRIPTION } from "./localized.js";

export interface PartialDateValue {
  precision: DatePrecision;
  start: Date;
  end: Date;
  instant: Date | null;
  timeZone: string | null;
}

export function partialDate(
  precision: DatePrecision | null,
  start: Date | null,
  end: Date | null,
  instant: Date | null = null,
  timeZone: string | null = null,
): PartialDateValue | null {
  return precision && start && end ? { precision, start, end, instant, timeZone } : null;
}

/**
 * A nullable PartialDate field built from a record's (precision, start, end[, instant, zone])
 * columns, named so that Prisma selects them only when the field is asked for.
 */
export function partialDateField(
  // Loosely typed, and only the method used: inferring each type's model from its builder is
  // too deep for the compiler with scope auth in the builder. A wrong column fails the first
  // query that asks for the field (Prisma rejects the select).
  // biome-ignore lint/suspicious/noExplicitAny: see above
  t: Pick<PothosSchemaTypes.PrismaObjectFieldBuilder<Types, any, any>, "field">,
  description: string,
  columns: string[],
) {
  return t.field({
    type: PartialDate,
    nullable: true,
    description,
    select: Object.fromEntries(columns.map((column) => [column, true])) as never,
    extensions: sqlField({ kind: "partialDate", columns }),
    resolve: (parent: Record<string, unknown>) =>
      partialDate(...(columns.map((column) => parent[column] ?? null) as Parameters<typeof partialDate>)),
  });
}

export const DatePrecisionEnum = builder.enumType(DatePrecisionValues, {
  name: "DatePrecision",
  description: "How precisely a source dates something.",
  values: {
    YEAR: { description: "Only the year is known." },
    SEASON: { description: "The season of a year." },
    MONTH: { description: "The month of a year." },
    DAY: { description: "The day." },
    DATE_TIME: { description: "The day and time, with its time zone." },
  },
});

export const SeasonEnum = builder.enumType("Season", {
  description: "Meteorological season (northern hemisphere): spring is March–May, autumn September–November.",
  values: {
    SPRING: { value: "spring", description: "March to May." },
    SUMMER: { value: "summer", description: "June to August." },
    AUTUMN: { value: "autumn", description: "September to November." },
    WINTER: { value: "winter", description: "December to February." },
  } as const,
});

const SEASON_NAMES: Record<string, Record<Season, string>> = {
  en: { spring: "spring", summer: "summer", autumn: "autumn", winter: "winter" },
  cs: { spring: "jaro", summer: "léto", autumn: "podzim", winter: "zima" },
  pl: { spring: "wiosna", summer: "lato", autumn: "jesień", winter: "zima" },
  sl: { spring: "pomlad", summer: "poletje", autumn: "jesen", winter: "zima" },
  de: { spring: "Frühling", summer: "Sommer", autumn: "Herbst", winter: "Winter" },
  hu: { spring: "tavasz", summer: "nyár", autumn: "ősz", winter: "tél" },
  it: { spring: "primavera", summer: "estate", autumn: "autunno", winter: "inverno" },
};

/** Labels made, by language and date: a page of events formats the same dates on every request. */
const labels = new LRUCache<string, string>({ max: 10_000 });

/** A partial date's label in its reader's language: ICU's format for its precision, or a season's name. */
export function formatPartialDate(value: PartialDateValue, lang = "en"): string {
  const locale = SEASON_NAMES[lang] ? lang : "en";
  const key = `${locale} ${value.precision} ${value.start.getTime()} ${value.end.getTime()} ${value.instant?.getTime()} ${value.timeZone}`;
  let label = labels.get(key);
  if (label === undefined) {
    label = labelOf(value, locale);
    labels.set(key, label);
  }
  return label;
}

function labelOf(value: PartialDateValue, locale: string): string {
  const fmt = (options: Intl.DateTimeFormatOptions, date: Date) =>
    dateTimeFormat(locale, { timeZone: "UTC", ...options }).format(date);
  const sameDay = value.start.getTime() === value.end.getTime();
  switch (value.precision) {
    case "YEAR": {
      const [first, last] = [value.start.getUTCFullYear(), value.end.getUTCFullYear()];
      return first === last ? String(first) : `${first} – ${last}`;
    }
    case "SEASON": {
      const season = (date: Date) => `${SEASON_NAMES[locale][seasonOf(date)]} ${date.getUTCFullYear()}`;
      // A span ends with the season its last day falls in (a winter ends in the next year).
      const [first, last] = [season(value.start), season(seasonStart(value.end))];
      return first === last ? first : `${first} – ${last}`;
    }
    case "MONTH": {
      const month = { year: "numeric", month: "long" } as const;
      return sameMonth(value) ? fmt(month, value.start) : `${fmt(month, value.start)} – ${fmt(month, value.end)}`;
    }
    case "DAY": {
      const day = { year: "numeric", month: "long", day: "numeric" } as const;
      return sameDay
        ? fmt(day, value.start)
        : dateTimeFormat(locale, { timeZone: "UTC", ...day }).formatRange(value.start, value.end);
    }
    case "DATE_TIME":
      return dateTimeFormat(locale, {
        year: "numeric",
        month: "long",
        day: "numeric",
        hour: "numeric",
        minute: "2-digit",
        timeZone: value.timeZone ?? "UTC",
        timeZoneName: "short",
      }).format(value.instant!);
  }
}

function sameMonth(value: PartialDateValue): boolean {
  return (
    value.start.getUTCFullYear() === value.end.getUTCFullYear() && value.start.getUTCMonth() === value.end.getUTCMonth()
  );
}

export const PartialDate = builder.objectRef<PartialDateValue>("PartialDate").implement({
  shareable: true,
  description:
    'A date as precisely as the source gives it: a year, a season ("spring 2016"), a month ("December 2004"), a day or a range of days, or an instant with its time zone. `start` and `end` are the first and last day it covers.',
  fields: (t) => ({
    precision: t.field({
      type: DatePrecisionEnum,
      resolve: (d) => d.precision,
      description: "How precise the source is: YEAR, SEASON, MONTH, DAY or DATE_TIME.",
    }),
    start: t.field({ type: "Date", description: "First day covered.", resolve: (d) => d.start }),
    end: t.field({ type: "Date", description: "Last day covered.", resolve: (d) => d.end }),
    year: t.int({ description: "Year of the start.", resolve: (d) => d.start.getUTCFullYear() }),
    season: t.field({
      type: SeasonEnum,
      nullable: true,
      description: "For SEASON precision.",
      resolve: (d) => (d.precision === "SEASON" ? seasonOf(d.start) : null),
    }),
    month: t.int({
      nullable: true,
      description: "1–12, for MONTH precision and finer.",
      resolve: (d) => (MONTH_PRECISIONS.includes(d.precision) ? d.start.getUTCMonth() + 1 : null),
    }),
    day: t.int({
      nullable: true,
      description: "Day of month, for DAY precision and finer.",
      resolve: (d) => (DAY_PRECISIONS.includes(d.precision) ? d.start.getUTCDate() : null),
    }),
    dateTime: t.field({
      type: "DateTime",
      nullable: true,
      description: "The instant, for DATE_TIME precision.",
      resolve: (d) => d.instant,
    }),
    timeZone: t.string({
      nullable: true,
      description: "IANA time zone the source's local time refers to.",
      resolve: (d) => d.timeZone,
    }),
    text: t.string({
      description: 'A human label in the given language: "spring 2016", "jaro 2016", "6–8 May 2020".',
      args: { lang: t.arg.string({ description: LANG_ARG_DESCRIPTION }) },
      resolve: (d, args, ctx) => formatPartialDate(d, args.lang ?? ctx.lang ?? "en"),
    }),
  }),
});
