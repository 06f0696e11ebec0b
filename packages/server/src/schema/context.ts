// What every resolver gets: the database client and the reader's preferred language.
import type { PrismaClient } from "../generated/prisma/index.js";

export interface Context {
  prisma: PrismaClient;
  /** Preferred language from Accept-Language, used when a field's lang argument is absent. */
  lang: string | null;
}
