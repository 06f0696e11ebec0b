// What every resolver gets: the database client and the reader's preferred language.
import type { PrismaClient } from "../generated/prisma/index.js";

export interface Context {
  prisma: PrismaClient;
  /** Preferred language from Accept-Language, used when a field's lang argument is absent. */
  lang: string | null;
  /** Per-request results shared between resolvers (see common/request-memo.ts). */
  memo: Map<string, Promise<unknown>>;
}
