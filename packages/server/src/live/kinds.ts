// The kinds of committed write that subscriptions and webhooks announce: one definition, so a
// portal's webhook and a browser's subscription hear of the same writes.
import type { WebhookEvent } from "../generated/prisma/index.js";
import type { LiveEvent } from "./pubsub.js";

/** Record types a write announces that anyone may read (interests and twinnings may be private). */
export const PUBLIC_WRITTEN_TYPES: ReadonlySet<string> = new Set([
  "Town",
  "PartnerSearch",
  "Membership",
  "Event",
  "Project",
  "FundingCall",
  "NewsItem",
]);

/** The mutations behind each kind; RECORD_CHANGED is any write of a public record. */
export const KIND_MUTATIONS: Record<Exclude<WebhookEvent, "RECORD_CHANGED">, readonly string[]> = {
  PARTNER_SEARCH_POSTED: ["createPartnerSearch"],
  INTEREST_EXPRESSED: ["expressInterest"],
  FUNDING_CALL_PUBLISHED: ["publishFundingCall"],
  MEMBERSHIP_CHANGED: ["addMembership", "endMembership"],
};

/** The kinds a committed write is. */
export function kindsOf(event: LiveEvent): WebhookEvent[] {
  const kinds = (Object.keys(KIND_MUTATIONS) as (keyof typeof KIND_MUTATIONS)[]).filter((kind) =>
    KIND_MUTATIONS[kind].includes(event.mutation),
  );
  return PUBLIC_WRITTEN_TYPES.has(event.recordType) ? [...kinds, "RECORD_CHANGED"] : kinds;
}
