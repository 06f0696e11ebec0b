// Answers planned operations with one SQL statement (plan.ts, statement.ts), and a town's
// neighbourhood from the cooperation graph (schema/graph/neighbourhood-answer.ts), in place of
// yoga's execution; everything else, and every planned operation that declines, runs the resolvers.
import { type ExecutionArgs, type ExecutionResult, GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Database } from "../db/database.js";
import type { Context } from "../schema/context.js";
import { answerNeighbourhood } from "../schema/graph/neighbourhood-answer.js";
import { planOperation } from "./plan.js";
import { type PlannedStatement, statementFor } from "./statement.js";

/** The planned answer, or null where the resolvers have to answer. */
async function executePlanned(db: Database, args: ExecutionArgs): Promise<ExecutionResult | null> {
  const plan = planOperation(args.schema, args.document, args.operationName);
  if (!plan) return null;
  const statement = statementFor(
    args.schema,
    plan,
    args.variableValues ?? undefined,
    (args.contextValue as Context).lang,
    db.verifyPlans,
  );
  if (!statement) return null;
  const [{ data }] = await db.read<{ data: Record<string, unknown> }>(statement.sql, statement.params);
  if (statement.lookups.some((key) => data[key] === null)) return null;
  try {
    return { data: statement.finishers.length ? (finished(data, statement.finishers) as typeof data) : data };
  } catch (error) {
    // An argument only the finishing function checks (a language): the resolvers report it.
    if (error instanceof GraphQLError) return null;
    throw error;
  }
}

/** The response with every value the statement left to Node (`{"$finish": i, "of": [...]}`) finished. */
function finished(value: unknown, finishers: PlannedStatement["finishers"]): unknown {
  if (Array.isArray(value)) return value.map((item) => finished(item, finishers));
  if (value === null || typeof value !== "object") return value;
  const object = value as Record<string, unknown>;
  if ("$finish" in object) return finishers[object.$finish as number](object.of as unknown[]);
  for (const key in object) object[key] = finished(object[key], finishers);
  return object;
}

export function useSqlPlans(db: Database, onOutcome?: (outcome: "planned" | "declined") => void): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        let planned: ExecutionResult | null;
        try {
          planned = (await answerNeighbourhood(args)) ?? (await executePlanned(db, args));
        } catch (error) {
          // A statement that failed, reported as a resolver's error would be: the error mask gives
          // a statement timeout its code (OPERATION_LIMIT_EXCEEDED) and hides anything else.
          planned = {
            data: null,
            errors: [new GraphQLError((error as Error).message, { originalError: error as Error })],
          };
        }
        onOutcome?.(planned ? "planned" : "declined");
        return planned ?? executeFn(args);
      });
    },
  };
}
