import { QuantityQualifier as QualifierValues } from "../../generated/prisma/index.js";
import { computedFrom } from "../../sql-plan/annotations.js";
import { builder, type Types } from "../builder.js";

export const QuantityQualifier = builder.enumType(QualifierValues, {
  name: "QuantityQualifier",
  description: "How a source qualifies a number: exactly, about, almost, more than.",
  values: {
    EXACT: { description: "Exactly this number." },
    ABOUT: { description: "About this number." },
    ALMOST: { description: "Almost this number (a little less)." },
    MORE_THAN: { description: "More than this number." },
  },
});

export interface QuantityValue {
  value: number;
  qualifier: keyof typeof QualifierValues;
}

export const Quantity = builder.objectRef<QuantityValue>("Quantity").implement({
  shareable: true,
  description: 'A number as a source states it, with its qualifier ("almost 18,000").',
  fields: (t) => ({
    value: t.exposeInt("value", { description: "The number." }),
    qualifier: t.expose("qualifier", { type: QuantityQualifier, description: "Exact, about, almost or more than." }),
  }),
});

export function quantity(value: number | null, qualifier: keyof typeof QualifierValues | null): QuantityValue | null {
  return value == null ? null : { value, qualifier: qualifier ?? "EXACT" };
}

/** A Quantity field built from a record's (value, qualifier) columns; null when the value is. */
export function quantityField(
  // Loosely typed, and only the method used, as partialDateField's (common/partial-date.ts).
  // biome-ignore lint/suspicious/noExplicitAny: see above
  t: Pick<PothosSchemaTypes.PrismaObjectFieldBuilder<Types, any, any>, "field">,
  description: string,
  [valueColumn, qualifierColumn]: [string, string],
  nullable = true,
) {
  const compute = (row: Record<string, unknown>) =>
    quantity(row[valueColumn] as number | null, row[qualifierColumn] as QuantityValue["qualifier"] | null);
  return t.field({
    type: Quantity,
    nullable,
    description,
    select: { [valueColumn]: true, [qualifierColumn]: true } as never,
    extensions: computedFrom([valueColumn, qualifierColumn], compute),
    resolve: compute as never, // nullable or not, as the caller says
  });
}
