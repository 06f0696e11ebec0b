import { EventKind as EventKindValues } from "../../generated/prisma/index.js";
import { inIdOrder } from "../../sql-plan/annotations.js";
import { builder, entityId, entityIn } from "../builder.js";
import { localizedText, requiredLocalizedText, translations } from "../common/localized-fields.js";
import { pageSize } from "../common/pagination.js";
import { partialDateField } from "../common/partial-date.js";
import { quantityField } from "../common/quantity.js";
import { sourcesField } from "../common/sources.js";
import { historyField } from "../contributions/contribution.js";
import { newsAboutField } from "../news/news-about.js";
import { eventOrder } from "./event-order.js";

export const EventKind = builder.enumType(EventKindValues, {
  name: "EventKind",
  description:
    "Conference of a network, congress, forum, week-long event, online session, project event, partner days.",
  values: {
    CONFERENCE: { description: "A network's conference." },
    CONGRESS: { description: "A congress." },
    FORUM: { description: "A forum." },
    WEEK: { description: "A week-long event." },
    ONLINE_SESSION: { description: "An online session." },
    PROJECT_EVENT: { description: "An event of a project." },
    PARTNER_DAYS: { description: "Partner days: towns meet prospective partners." },
  },
});

export const Event = builder.prismaNode("Event", {
  // The network: whose secretariat may see the history.
  select: { id: true, networkId: true },
  ...entityIn("events"),
  id: entityId("id"),
  description: "A conference, congress, forum, online session or project event.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "URL-safe unique key, for the root lookup by slug." }),
    kind: t.expose("kind", { type: EventKind, description: "What kind of event it is." }),
    name: requiredLocalizedText(t, "names", "Title in the given language, else the original."),
    nameTranslations: translations(t, "names", "The title"),
    theme: localizedText(t, "theme", "The stated theme in the given language, else the original wording."),
    themeTranslations: translations(t, "theme", "The theme"),
    description: localizedText(t, "description", "What happens there, as the sources say."),
    edition: t.exposeInt("edition", { nullable: true, description: "Edition number (20 for the 20th)." }),
    parent: t.relation("parent", {
      nullable: true,
      description: "The event this one is part of (a session of a week).",
    }),
    sessions: t.relation("children", {
      description: "Parts of this event.",
      query: { orderBy: eventOrder("DATE_ASC") },
    }),
    network: t.relation("network", { nullable: true, description: "The network whose event it is." }),
    project: t.relation("project", { nullable: true, description: "The project whose event it is." }),
    organiser: t.relation("organiser", { nullable: true, description: "The organisation that organises it." }),
    hostTown: t.relation("hostTown", { nullable: true, description: "The town it takes place in." }),
    venue: t.exposeString("venue", {
      nullable: true,
      description: "Venue within the host town, as stated (grad Hartberg).",
    }),
    online: t.exposeBoolean("online", { description: "True for events held online." }),
    platform: t.exposeString("platform", { nullable: true, description: "Online platform (Zoom)." }),
    date: partialDateField(
      t,
      "When, as precisely as the source says; null when it gives no calendar date (see dateNote).",
      ["datePrecision", "dateStart", "dateEnd", "startsAt", "timeZone"],
    ),
    dateNote: localizedText(
      t,
      "dateNote",
      'What the source says about the date when it gives no calendar date ("last year").',
    ),
    declaredTownCount: t.exposeInt("declaredTownCount", {
      nullable: true,
      description: "Towns taking part, as stated (may be more than are named).",
    }),
    registeredParticipants: quantityField(t, 'Registered participants as stated ("almost 18,000").', [
      "registeredCount",
      "registeredQual",
    ]),
    sessionCount: quantityField(t, "Sessions as stated (300).", ["sessionCount", "sessionQual"]),
    partnerCount: quantityField(t, 'Partners as stated ("over 590").', ["partnerCount", "partnerQual"]),
    topics: t.relation("topics", {
      ...inIdOrder,
      description: "Topics the event addresses.",
    }),
    participations: t.relation("participations", {
      description: "Towns and organisations named as taking part, with what they did.",
    }),
    agreements: t.relation("agreements", { description: "Agreements signed at the event." }),
    featuredNetworks: t.relation("featuredNetworks", { description: "Networks presented at the event." }),
    featuredProgrammes: t.relation("featuredProgrammes", { description: "Programmes discussed at the event." }),
    news: newsAboutField(t, "EVENT"),
    version: t.exposeInt("version", { description: "Pass it as expectedVersion to updateEvent." }),
    history: historyField(t, "Event", "event", (event) =>
      event.networkId ? { networkSecretariat: event.networkId } : { admin: true },
    ),
    sources: sourcesField(t, "EVENT"),
  }),
});

export const EventParticipation = builder.prismaNode("EventParticipation", {
  select: { id: true },
  ...entityIn("events"),
  id: entityId("id"),
  description: "A town or organisation named as taking part in an event.",
  fields: (t) => ({
    event: t.relation("event", { description: "The event." }),
    town: t.relation("town", { nullable: true, description: "The town taking part." }),
    organisation: t.relation("organisation", { nullable: true, description: "The organisation taking part." }),
    contribution: localizedText(t, "contribution", "What it did there (a wind orchestra performed)."),
    sources: sourcesField(t, "EVENT_PARTICIPATION"),
  }),
});

export const Topic = builder.prismaNode("Topic", {
  select: { id: true },
  ...entityIn("events"),
  id: entityId("id"),
  description: "A theme of events and partner searches (clean mobility, culture…).",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "URL-safe unique key, for the root lookup by slug." }),
    name: requiredLocalizedText(t, "names", "Name in the given language, else the original wording."),
    nameTranslations: translations(t, "names", "The name"),
    events: t.relatedConnection("events", {
      ...pageSize,
      cursor: "id",
      totalCount: true,
      description: "Events that address this topic.",
    }),
    partnerSearches: t.relatedConnection("partnerSearches", {
      ...pageSize,
      cursor: "id",
      totalCount: true,
      description: "Partner searches in this field.",
    }),
    sources: sourcesField(t, "TOPIC"),
  }),
});
