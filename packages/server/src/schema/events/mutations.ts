// Conferences and other events, written by the secretariat of the network whose events they
// are: the host town, when (a season, a year, a day, or an exact starting time), the theme and
// topics in several languages. Each write is cited to the secretariat and audited.
import type { Prisma } from "../../generated/prisma/index.js";
import { dateTimeFormat } from "../../lib/date-range.js";
import { builder, rootIn } from "../builder.js";
import { badInput } from "../common/errors.js";
import { maxLength } from "../common/input-limits.js";
import type { Context } from "../context.js";
import {
  CitationInput,
  checkedRange,
  LocalizedTextInput,
  ownerScopes,
  PartialDateInput,
  recordBySlug,
  recordOwner,
  requiredBySlug,
  rowId,
  topicIds,
  writeInput,
  writePayload,
} from "../contributions/inputs.js";
import {
  adminWriter,
  checkCitation,
  checkLength,
  checkTexts,
  createRecord,
  json,
  optionalTexts,
  snapshotOf,
  type Tx,
  updateVersioned,
  writerForNetwork,
} from "../contributions/write.js";
import { Event, EventKind } from "./event.js";

const MAX_NAME = 300;
const MAX_TEXT = 5000;
const MAX_VENUE = 300;

/** What a secretariat sets on an event, on create and (each optional) on update. */
const eventFields = (t: PothosSchemaTypes.InputFieldBuilder<typeof builder.$inferSchemaTypes, "InputObject">) => ({
  theme: t.field({
    type: [LocalizedTextInput],
    required: false,
    description: `The theme, in one or more languages (at most ${MAX_NAME} characters each).`,
  }),
  description: t.field({
    type: [LocalizedTextInput],
    required: false,
    description: `What the event is, in one or more languages (at most ${MAX_TEXT} characters each).`,
  }),
  hostTown: t.string({ required: false, description: "Slug of the town it takes place in." }),
  venue: t.string({
    required: false,
    description: `The venue (at most ${MAX_VENUE} characters).`,
    extensions: maxLength(MAX_VENUE),
  }),
  online: t.boolean({ required: false, description: "True for an event held online." }),
  date: t.field({
    type: PartialDateInput,
    required: false,
    description: "When, as precisely as known: a year, a season, a month or a day.",
  }),
  startsAt: t.field({
    type: "DateTime",
    required: false,
    description: "The exact starting time, when known (with date precision DAY, on that day).",
  }),
  timeZone: t.string({ required: false, description: "The IANA time zone of startsAt (Europe/Prague)." }),
  topics: t.stringList({ required: false, description: "Slugs of the topics it addresses." }),
  citation: t.field({ type: CitationInput, required: false, description: "What the facts rest on, if anything." }),
});

const CreateEventInput = builder.inputType("CreateEventInput", {
  description: "A network's new conference or other event.",
  fields: (t) => ({
    network: t.string({ required: true, description: "Slug of the network (the caller must be its secretariat)." }),
    kind: t.field({ type: EventKind, required: true, description: "Conference, forum, online session…" }),
    names: t.field({
      type: [LocalizedTextInput],
      required: true,
      description: `The event's name, in one or more languages (at most ${MAX_NAME} characters each).`,
    }),
    ...eventFields(t),
    idempotencyKey: t.string({
      required: false,
      description: "Any string (at most 200 characters): a retry with the same key returns the first event.",
    }),
  }),
});

const UpdateEventInput = builder.inputType("UpdateEventInput", {
  description: "Changes to an event; absent fields stay as they are, null clears an optional one.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: [Event], description: "The event." }),
    expectedVersion: t.int({ required: true, description: "The version read; CONFLICT if it changed since." }),
    kind: t.field({ type: EventKind, required: false, description: "Conference, forum, online session…" }),
    names: t.field({ type: [LocalizedTextInput], required: false, description: "The name, replaced whole." }),
    ...eventFields(t),
  }),
});

const EventPayload = writePayload("EventPayload", "event", "Event", "event");

type EventFieldsInput = {
  kind?: Prisma.EventUncheckedUpdateInput["kind"] | null;
  names?: { lang: string; text: string }[] | null;
  theme?: { lang: string; text: string }[] | null;
  description?: { lang: string; text: string }[] | null;
  hostTown?: string | null;
  venue?: string | null;
  online?: boolean | null;
  date?: Parameters<typeof checkedRange>[0] | null;
  startsAt?: Date | null;
  timeZone?: string | null;
  topics?: string[] | null;
};

/** The secretariat's changes, checked, as a Prisma write and the names of the facts it sets. */
async function eventData(ctx: Context, tx: Tx, input: EventFieldsInput) {
  const data: Prisma.EventUncheckedUpdateInput = {};
  if (input.kind != null) data.kind = input.kind;
  if (input.names != null) data.names = checkTexts(input.names, "input.names", MAX_NAME) as never;
  if (input.theme !== undefined) data.theme = json(optionalTexts(input.theme, "input.theme", MAX_NAME));
  if (input.description !== undefined)
    data.description = json(optionalTexts(input.description, "input.description", MAX_TEXT));
  if (input.hostTown !== undefined)
    data.hostTownId = input.hostTown ? (await requiredBySlug(ctx, "town", input.hostTown, "input.hostTown")).id : null;
  if (input.venue !== undefined) {
    checkLength(input.venue, "input.venue", MAX_VENUE);
    data.venue = input.venue;
  }
  if (input.online != null) data.online = input.online;
  if (input.date !== undefined) {
    const range = input.date && checkedRange(input.date, "input.date");
    data.datePrecision = range ? range.precision : null;
    data.dateStart = range ? range.start : null;
    data.dateEnd = range ? range.end : null;
  }
  if (input.startsAt !== undefined) data.startsAt = input.startsAt;
  if (input.timeZone !== undefined) {
    if (input.timeZone !== null && !isTimeZone(input.timeZone))
      throw badInput("Not an IANA time zone (Europe/Prague)", "input.timeZone");
    data.timeZone = input.timeZone;
  }
  if (input.topics != null) data.topics = { set: await topicIds(tx, input.topics, "input.topics") };
  const fields = Object.keys(data).map((key) => EVENT_FACTS[key] ?? key);
  return { data, fields: [...new Set(fields)] };
}

/** The GraphQL fields the columns of a write stand for, as its citation names them. */
const EVENT_FACTS: Record<string, string> = {
  hostTownId: "hostTown",
  datePrecision: "date",
  dateStart: "date",
  dateEnd: "date",
  startsAt: "date",
  timeZone: "date",
};

function isTimeZone(zone: string): boolean {
  try {
    dateTimeFormat("en", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}

/** A starting time must fall within the day the date names, when both are given. */
async function checkStartsAt(tx: Tx, id: number) {
  const event = await tx.event.findUniqueOrThrow({
    where: { id },
    select: { startsAt: true, dateStart: true, dateEnd: true, datePrecision: true },
  });
  if (!event.startsAt) return;
  if (!event.dateStart || !event.dateEnd)
    throw badInput("Give the date (precision DAY) with an exact starting time", "input.date");
  const day = event.startsAt.getTime();
  // A day in Europe starts up to two hours before, and ends up to a day after, its UTC midnight.
  if (day < event.dateStart.getTime() - 2 * 3_600_000 || day >= event.dateEnd.getTime() + 86_400_000)
    throw badInput("The starting time is not within the event's date", "input.startsAt");
}

async function eventSnapshot(tx: Tx, id: number) {
  const { topics, ...event } = await tx.event.findUniqueOrThrow({
    where: { id },
    include: { topics: { select: { slug: true }, orderBy: { slug: "asc" } } },
  });
  return { ...snapshotOf(event), topics: topics.map((topic) => topic.slug) };
}

const eventNetwork = (ctx: Context, id: number) =>
  recordOwner(ctx, { table: "Event", id, column: "networkId", relation: "network", owner: "network", optional: true });

builder.mutationFields((t) => ({
  createEvent: t.field({
    ...rootIn("events"),
    type: EventPayload,
    description: "Records a network's conference or other event (its NETWORK_SECRETARIAT, or an ADMIN).",
    args: { input: t.arg({ type: CreateEventInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) =>
      ownerScopes("networkSecretariat", await recordBySlug(ctx, "network", input.network), false),
    resolve: async (_root, { input }, ctx) => {
      const network = await requiredBySlug(ctx, "network", input.network, "input.network");
      checkCitation(input.citation, "input.citation");
      checkLength(input.idempotencyKey, "input.idempotencyKey", 200);
      const writer = writerForNetwork(ctx, network);
      const id = await createRecord(
        ctx,
        writer,
        {
          table: "Event",
          mutation: "createEvent",
          idempotencyKey: input.idempotencyKey,
          snapshot: eventSnapshot,
        },
        async (tx, id) => {
          const { data, fields } = await eventData(ctx, tx, input);
          // Relations are written as an update's are (a create cannot `set` them).
          const { topics, ...columns } = data;
          await tx.event.create({
            data: {
              ...(columns as Prisma.EventUncheckedCreateInput),
              id,
              slug: `${network.slug}-event-${id}`,
              networkId: network.id,
            },
          });
          if (topics) await tx.event.update({ where: { id }, data: { topics } });
          await checkStartsAt(tx, id);
          return { subject: "EVENT", fields: ["network", ...fields], citation: input.citation };
        },
      );
      return { id };
    },
  }),

  updateEvent: t.field({
    ...rootIn("events"),
    type: EventPayload,
    description:
      "Changes an event (its network's NETWORK_SECRETARIAT, or an ADMIN); CONFLICT if it changed since expectedVersion.",
    args: { input: t.arg({ type: UpdateEventInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) => {
      const event = await eventNetwork(ctx, rowId(input.id, "input.id"));
      return ownerScopes("networkSecretariat", event?.network, Boolean(event));
    },
    resolve: async (_root, { input }, ctx) => {
      const id = rowId(input.id, "input.id");
      const event = await eventNetwork(ctx, id);
      if (!event) throw badInput("No such event", "input.id");
      checkCitation(input.citation, "input.citation");
      const writer = event.network ? writerForNetwork(ctx, event.network) : adminWriter(ctx);
      await updateVersioned(
        ctx,
        writer,
        {
          table: "Event",
          id,
          expectedVersion: input.expectedVersion,
          label: "event",
          mutation: "updateEvent",
          snapshot: eventSnapshot,
        },
        async (tx) => {
          const { data, fields } = await eventData(ctx, tx, input);
          if (!fields.length) throw badInput("Nothing to change", "input");
          await tx.event.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
          await checkStartsAt(tx, id);
          return { subject: "EVENT", fields, citation: input.citation };
        },
      );
      return { id };
    },
  }),
}));
