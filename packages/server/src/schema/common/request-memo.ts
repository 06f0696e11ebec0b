// Work a request needs in more than one resolver (a connection's page and its totalCount
// both need the same id lookup) is done once per request.
import { getOrCreate } from "../../lib/get-or-create.js";
import type { Context } from "../context.js";

export function memo<T>(ctx: Context, key: string, compute: () => Promise<T>): Promise<T> {
  return getOrCreate(ctx.memo, key, compute) as Promise<T>;
}
