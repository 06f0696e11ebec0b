import { GraphQLError, Kind } from "graphql";
import { builder } from "../builder.js";
import { ErrorCode } from "./errors.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): Date {
  const date = typeof value === "string" && DATE.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw new GraphQLError(`Date must be a calendar date like 2020-05-06, got ${JSON.stringify(value)}`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  return date;
}

builder.scalarType("Date", {
  description: "A calendar date, ISO 8601 (2020-05-06).",
  serialize: (value) => value.toISOString().slice(0, 10),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
});

function parseDateTime(value: unknown): Date {
  const date = typeof value === "string" ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime()))
    throw new GraphQLError(`DateTime must be an ISO 8601 instant, got ${JSON.stringify(value)}`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  return date;
}

builder.scalarType("DateTime", {
  description: "An instant, ISO 8601 in UTC (2022-10-11T14:30:00.000Z).",
  serialize: (value) => value.toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});

builder.scalarType("Decimal", {
  description: "An exact decimal number as a string (1800000.00), safe for money.",
  serialize: (value) => String(value),
  parseValue: (value) => String(value),
});
