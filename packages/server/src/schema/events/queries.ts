import type { Prisma, PrismaClient } from "../../generated/prisma/index.js";
import { sqlRoot } from "../../sql-plan/annotations.js";
import { builder, rootIn } from "../builder.js";
import { badInput } from "../common/errors.js";
import { bySlug } from "../common/lookup.js";
import { pageSize } from "../common/pagination.js";
import { SeasonEnum } from "../common/partial-date.js";
import { memo } from "../common/request-memo.js";
import type { Context } from "../context.js";
import { EventKind } from "./event.js";
import { EventOrder, type EventOrderValue, eventOrder } from "./event-order.js";

export const EventFilter = builder.inputType("EventFilter", {
  description:
    "Conditions on events; all given conditions must hold. Date conditions match events whose dated span overlaps.",
  fields: (t) => ({
    network: t.string({ required: false, description: "Slug of the organising network." }),
    project: t.string({ required: false, description: "Slug of the project." }),
    hostTown: t.string({ required: false, description: "Slug of the host town." }),
    hostCountry: t.string({ required: false, description: "ISO alpha-2 code of the host town's country." }),
    kinds: t.field({ type: [EventKind], required: false, description: "Any of these kinds." }),
    yearFrom: t.int({ description: "Events ending in or after this year.", required: false }),
    yearTo: t.int({ description: "Events starting in or before this year.", required: false }),
    season: t.field({
      type: SeasonEnum,
      required: false,
      description: "Events dated to this season (SEASON precision).",
    }),
    online: t.boolean({ description: "Online (true) or in person (false).", required: false }),
    from: t.field({
      type: "Date",
      required: false,
      description: "Events ending on or after this day (upcoming: today).",
    }),
    to: t.field({ type: "Date", required: false, description: "Events starting on or before this day." }),
    topic: t.string({ required: false, description: "Slug of a topic." }),
    topicText: t.string({
      required: false,
      description: 'Words in the theme or a topic\'s name, in any language, accents ignored ("waste", "odpad").',
    }),
  }),
});

const SEASON_START_MONTH = { spring: 3, summer: 6, autumn: 9, winter: 12 } as const;

type EventFilterInput = typeof EventFilter.$inferInput;

/** The filter's conditions but the season and the words, which need a lookup first (eventWhere). */
function eventConditions(filter: EventFilterInput | null | undefined): Prisma.EventWhereInput[] {
  if (!filter) return [];
  if (filter.yearFrom != null && filter.yearTo != null && filter.yearFrom > filter.yearTo)
    throw badInput("yearFrom must not exceed yearTo");
  const yearStart = (y: number) => new Date(Date.UTC(y, 0, 1));
  const yearEnd = (y: number) => new Date(Date.UTC(y, 11, 31));
  return [
    filter.network ? { network: { slug: filter.network } } : {},
    filter.project ? { project: { slug: filter.project } } : {},
    filter.hostTown ? { hostTown: { slug: filter.hostTown } } : {},
    filter.hostCountry ? { hostTown: { countryCode: filter.hostCountry.toUpperCase() } } : {},
    filter.kinds ? { kind: { in: filter.kinds } } : {},
    filter.yearFrom != null ? { dateEnd: { gte: yearStart(filter.yearFrom) } } : {},
    filter.yearTo != null ? { dateStart: { lte: yearEnd(filter.yearTo) } } : {},
    filter.from ? { dateEnd: { gte: filter.from } } : {},
    filter.to ? { dateStart: { lte: filter.to } } : {},
    filter.online != null ? { online: filter.online } : {},
    filter.topic ? { topics: { some: { slug: filter.topic } } } : {},
  ];
}

async function eventWhere(ctx: Context, filter: EventFilterInput | null | undefined): Promise<Prisma.EventWhereInput> {
  const { prisma } = ctx;
  return {
    AND: [
      ...eventConditions(filter),
      filter?.season
        ? { id: { in: await memo(ctx, `seasonEvents:${filter.season}`, () => seasonEventIds(prisma, filter.season!)) } }
        : {},
      filter?.topicText
        ? {
            id: {
              in: await memo(ctx, `topicTextEvents:${filter.topicText}`, () =>
                topicTextEventIds(prisma, filter.topicText!),
              ),
            },
          }
        : {},
    ],
  };
}

/** SEASON-precision events starting in the season's first month (Prisma cannot filter on a month). */
async function seasonEventIds(prisma: PrismaClient, season: keyof typeof SEASON_START_MONTH): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    SELECT id FROM "Event" WHERE "datePrecision" = 'SEASON' AND extract(month FROM "dateStart") = ${SEASON_START_MONTH[season]}`;
  return rows.map((r) => r.id);
}

/** Events whose theme or topics mention the words, accent- and case-insensitively. */
async function topicTextEventIds(prisma: PrismaClient, text: string): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    SELECT e.id FROM "Event" e
     WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(e.theme, '[]'::jsonb)) x WHERE citynet_fold(x->>'text') LIKE '%' || citynet_fold(${text}) || '%')
        OR EXISTS (SELECT 1 FROM "_EventToTopic" et JOIN "Topic" t ON t.id = et."B", jsonb_array_elements(t.names) x
                    WHERE et."A" = e.id AND citynet_fold(x->>'text') LIKE '%' || citynet_fold(${text}) || '%')`;
  return rows.map((r) => r.id);
}

builder.queryFields((t) => ({
  event: bySlug(t, "events", "Event", "event", (prisma, query, slug) =>
    prisma.event.findUnique({ ...query, where: { slug } }),
  ),
  events: t.prismaConnection({
    ...rootIn("events"),
    type: "Event",
    cursor: "id",
    ...pageSize,
    description: "Events matching a filter, by date.",
    args: {
      filter: t.arg({ type: EventFilter, description: "Which events; all when omitted." }),
      order: t.arg({ type: EventOrder, defaultValue: "DATE_DESC", description: "By date, newest first unless asked." }),
    },
    extensions: sqlRoot({
      kind: "connection",
      model: "Event",
      query: (args: { filter?: EventFilterInput | null; order?: EventOrderValue | null }) =>
        args.filter?.season || args.filter?.topicText
          ? null
          : { where: { AND: eventConditions(args.filter) }, orderBy: eventOrder(args.order) },
    }),
    totalCount: async (_parent, args, ctx) => ctx.prisma.event.count({ where: await eventWhere(ctx, args.filter) }),
    resolve: async (query, _root, args, ctx) =>
      ctx.prisma.event.findMany({
        ...query,
        where: await eventWhere(ctx, args.filter),
        orderBy: eventOrder(args.order),
      }),
  }),
  topics: t.prismaField({
    ...rootIn("events"),
    type: ["Topic"],
    description: "Themes of events and partner searches.",
    resolve: (query, _root, _args, ctx) => ctx.prisma.topic.findMany({ ...query, orderBy: { slug: "asc" } }),
  }),
}));
