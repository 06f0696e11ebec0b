// Global ids as the API reads them: "Type:key", base64-encoded. Pothos decodes any text after
// the colon and its Prisma loader reads "1:2" and "1.5" as 1, and out-of-range keys reach SQL;
// so every key is checked here first: a positive int4 row id, or a country's ISO code.
import { decodeGlobalID } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import { ErrorCode } from "./errors.js";

/** Types keyed by something other than an integer row id. */
const KEYS: Record<string, RegExp> = { Country: /^[A-Z]{2}$/ };
const ROW_ID = /^[1-9]\d{0,9}$/;
const MAX_ROW_ID = 2_147_483_647;

function invalidId(globalID: string): GraphQLError {
  return new GraphQLError(`${globalID.slice(0, 100)} is not a valid id`, {
    extensions: { code: ErrorCode.INVALID_ID },
  });
}

/** Decodes a global id, refusing (INVALID_ID) one whose key its type could not have. */
export function decodeCheckedGlobalID(globalID: string): { typename: string; id: string } {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalID);
  } catch {
    throw invalidId(globalID);
  }
  const pattern = KEYS[decoded.typename];
  const valid = pattern ? pattern.test(decoded.id) : ROW_ID.test(decoded.id) && Number(decoded.id) <= MAX_ROW_ID;
  if (!valid) throw invalidId(globalID);
  return decoded;
}
