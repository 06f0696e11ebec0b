// Loading records of several types at once (news subjects, search results): one query per
// type present, and a note of each record's GraphQL type for the union's resolveType.
import type * as Models from "../../generated/prisma/index.js";
import type { PrismaClient } from "../../generated/prisma/index.js";

export type RecordType = "TOWN" | "EVENT" | "ORGANISATION" | "PROGRAMME" | "PROJECT" | "NETWORK" | "PARTNER_SEARCH" | "FUNDING_CALL";

export type RecordRow = Models.Town | Models.Event | Models.Organisation | Models.Programme | Models.Project | Models.Network | Models.PartnerSearch | Models.FundingCall;

const TYPENAMES: Record<RecordType, string> = {
  TOWN: "Town",
  EVENT: "Event",
  ORGANISATION: "Organisation",
  PROGRAMME: "Programme",
  PROJECT: "Project",
  NETWORK: "Network",
  PARTNER_SEARCH: "PartnerSearch",
  FUNDING_CALL: "FundingCall",
};

const typenames = new WeakMap<object, string>();

/** Notes the GraphQL type of a record loaded some other way. */
export function tagTypename<Row extends object>(record: Row, typename: string): Row {
  typenames.set(record, typename);
  return record;
}

/** The GraphQL type of a record loaded by loadRecords or tagged (for unions' resolveType). */
export function typenameOf(record: object): string {
  return typenames.get(record)!;
}

export interface RecordRef {
  type: RecordType;
  id: number;
}

export const recordKey = (ref: RecordRef) => `${ref.type}:${ref.id}`;

export async function loadRecords(prisma: PrismaClient, refs: RecordRef[]): Promise<Map<string, RecordRow>> {
  const idsByType = new Map<RecordType, number[]>();
  for (const ref of refs) idsByType.set(ref.type, [...(idsByType.get(ref.type) ?? []), ref.id]);
  const finders: Record<RecordType, (ids: number[]) => Promise<RecordRow[]>> = {
    TOWN: (ids) => prisma.town.findMany({ where: { id: { in: ids } } }),
    EVENT: (ids) => prisma.event.findMany({ where: { id: { in: ids } } }),
    ORGANISATION: (ids) => prisma.organisation.findMany({ where: { id: { in: ids } } }),
    PROGRAMME: (ids) => prisma.programme.findMany({ where: { id: { in: ids } } }),
    PROJECT: (ids) => prisma.project.findMany({ where: { id: { in: ids } } }),
    NETWORK: (ids) => prisma.network.findMany({ where: { id: { in: ids } } }),
    PARTNER_SEARCH: (ids) => prisma.partnerSearch.findMany({ where: { id: { in: ids } } }),
    FUNDING_CALL: (ids) => prisma.fundingCall.findMany({ where: { id: { in: ids } } }),
  };
  const records = new Map<string, RecordRow>();
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      for (const row of await finders[type](ids)) {
        typenames.set(row, TYPENAMES[type]);
        records.set(recordKey({ type, id: row.id }), row);
      }
    }),
  );
  return records;
}
