// Work a request needs in more than one resolver (a connection's page and its totalCount
// both need the same id lookup) is done once per request.
import type { Context } from "../context.js";

export function memo<T>(ctx: Context, key: string, compute: () => Promise<T>): Promise<T> {
  let value = ctx.memo.get(key) as Promise<T> | undefined;
  if (!value) ctx.memo.set(key, (value = compute()));
  return value;
}
