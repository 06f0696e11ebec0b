// A remembered API key (api-keys.ts) is confirmed live before an operation reads or writes as
// it: one round trip, as reading the key was before. The exception is a mutation whose every
// field writes in a statement that checks the key itself (CHECKS_CALLER_IN_STATEMENT), which so
// spends no round trip on it; if such a mutation fails before its statement, the key is
// confirmed then, so that a revoked key is never told more than UNAUTHENTICATED.
import { type DocumentNode, GraphQLError, type GraphQLSchema, getOperationAST, Kind } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Context } from "../schema/context.js";

/** Field extensions of a mutation each of whose writes checks the caller's key in its statement. */
export const CHECKS_CALLER_IN_STATEMENT = { checksCallerInStatement: true } as const;

/** Whether the operation is a mutation of fields that each check the caller's key as they write. */
function checksCallerAsItWrites(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null) {
  const operation = getOperationAST(document, operationName);
  const fields = schema.getMutationType()?.getFields();
  if (operation?.operation !== "mutation" || !fields) return false;
  return operation.selectionSet.selections.every(
    (selection) =>
      selection.kind === Kind.FIELD &&
      (selection.name.value === "__typename" ||
        fields[selection.name.value]?.extensions.checksCallerInStatement === true),
  );
}

/** The error of a confirmation, as an operation's result; anything else (an unreachable database) is thrown on. */
function refusal(error: unknown) {
  if (error instanceof GraphQLError) return { errors: [error] };
  throw error;
}

export function useCallerConfirmation(): Plugin<Context> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue;
      if (!ctx.actor?.unconfirmedKey) return;
      if (!checksCallerAsItWrites(args.schema, args.document, args.operationName))
        return ctx.confirmCaller().catch((error) => setResultAndStopExecution(refusal(error)));
      return {
        async onExecuteDone({ result, setResult }) {
          if (!("errors" in result) || !result.errors?.length) return;
          await ctx.confirmCaller().catch((error) => setResult(refusal(error)));
        },
      };
    },
    async onSubscribe({ args, setResultAndStopExecution }) {
      await args.contextValue.confirmCaller().catch((error) => setResultAndStopExecution(refusal(error)));
    },
  };
}
