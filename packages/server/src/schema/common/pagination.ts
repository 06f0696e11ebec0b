// One page-size policy for every connection: 20 by default, 100 at most, and a clear
// error (not silent truncation) when a client asks for more.
import { badInput } from "./errors.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export const pageSize = {
  defaultSize: DEFAULT_PAGE_SIZE,
  maxSize: (args: { first?: number | null; last?: number | null }) => {
    for (const name of ["first", "last"] as const) {
      const value = args[name];
      if (value != null && value > MAX_PAGE_SIZE)
        throw badInput(`Argument "${name}" must be at most ${MAX_PAGE_SIZE}, got ${value}`);
    }
    return MAX_PAGE_SIZE;
  },
};
