// Cursor pagination over an order Prisma cannot express (distance, relevance): the ids come
// in order from SQL, Prisma's cursor arguments pick the page, and the rows are fetched by id.

interface CursorQuery {
  cursor?: { id?: number };
  skip?: number;
  take?: number;
}

export async function pageInOrder<Row extends { id: number }>(
  orderedIds: number[],
  query: CursorQuery,
  fetch: (ids: number[]) => Promise<Row[]>,
): Promise<Row[]> {
  const take = query.take ?? orderedIds.length;
  const at = query.cursor?.id !== undefined ? orderedIds.indexOf(query.cursor.id) : take < 0 ? orderedIds.length : 0;
  const from = take < 0 ? Math.max(0, at - (query.skip ?? 0) + take) : at + (query.skip ?? 0);
  const pageIds = take < 0 ? orderedIds.slice(from, at - (query.skip ?? 0)) : orderedIds.slice(from, from + take);
  const rows = new Map((await fetch(pageIds)).map((row) => [row.id, row]));
  return pageIds.flatMap((id) => rows.get(id) ?? []);
}
