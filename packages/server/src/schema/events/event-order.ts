import type { Prisma } from "../../generated/prisma/index.js";
import { builder } from "../builder.js";

export const EventOrder = builder.enumType("EventOrder", {
  description: "Order of events by their (partial) date; undated events come last.",
  values: {
    DATE_ASC: { description: "Earliest first." },
    DATE_DESC: { description: "Latest first." },
  } as const,
});

export type EventOrderValue = typeof EventOrder.$inferType;

export function eventOrder(order: EventOrderValue | null | undefined): Prisma.EventOrderByWithRelationInput[] {
  const sort = order === "DATE_ASC" ? "asc" : "desc";
  return [{ dateStart: { sort, nulls: "last" } }, { startsAt: { sort, nulls: "last" } }, { id: "asc" }];
}
