import { getOrCreate } from "./get-or-create.js";

/** Values asked for in one tick of one request under one key, and their rows once loaded. */
interface Batch {
  values: unknown[];
  rows: Promise<Map<unknown, unknown>>;
}
const batches = new WeakMap<object, Map<string, Batch>>();

/**
 * The row for `value`, loaded with every other value asked for under `key` in the same tick of
 * the same request (`context`): one `load` of them all. Prisma batches concurrent findUniques
 * itself, but compiles each such batch again on every request; a findMany over the values is a
 * plan its plan cache keeps.
 */
export async function loadInTick<Value, Row>(
  context: object,
  key: string,
  value: Value,
  load: (values: Value[]) => Promise<Row[]>,
  keyOf: (row: Row) => Value,
): Promise<Row | undefined> {
  const byKey = getOrCreate(batches, context, () => new Map<string, Batch>());
  const batch = getOrCreate(byKey, key, () => {
    const values: Value[] = [];
    const rows = new Promise((resolve) => process.nextTick(resolve)).then(async () => {
      byKey.delete(key);
      return new Map((await load(values)).map((row) => [keyOf(row), row]));
    });
    return { values, rows } as Batch;
  });
  batch.values.push(value);
  return (await batch.rows).get(value) as Row | undefined;
}
