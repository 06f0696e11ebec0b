import { QuantityQualifier as QualifierValues } from "../../generated/prisma/index.js";
import { builder } from "../builder.js";

export const QuantityQualifier = builder.enumType(QualifierValues, {
  name: "QuantityQualifier",
  description: "How a source qualifies a number: exactly, about, almost, more than.",
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
