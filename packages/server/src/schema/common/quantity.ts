import { QuantityQualifier as QualifierValues } from "../../generated/prisma/index.js";
import { builder } from "../builder.js";

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
    qualifier: t.field({
      type: QuantityQualifier,
      resolve: (q) => q.qualifier,
      description: "Exact, about, almost or more than.",
    }),
  }),
});

export function quantity(value: number | null, qualifier: keyof typeof QualifierValues | null): QuantityValue | null {
  return value == null ? null : { value, qualifier: qualifier ?? "EXACT" };
}
