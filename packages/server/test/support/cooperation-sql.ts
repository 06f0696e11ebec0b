// The cooperation graph's queries as PostgreSQL answered them before the graph moved into
// memory (recursive CTEs over LINKS_SQL): the suite's reference for the in-memory walk.
import { LINKS_SQL } from "../../src/schema/graph/links.js";

/** The first `limit` shortest paths: rows of town ids and encoded steps, as connection.ts read them. */
export const PATHS_SQL = `    WITH RECURSIVE ends AS (SELECT (SELECT id FROM "Town" WHERE slug = $1) AS a, (SELECT id FROM "Town" WHERE slug = $2) AS b),
    link AS (${LINKS_SQL}),
    pair AS (SELECT DISTINCT a.town AS u, b.town AS v FROM link a JOIN link b ON a.kind = b.kind AND a.ctx = b.ctx AND a.town <> b.town),
    fwd (town, depth) AS (
      SELECT a, 0 FROM ends WHERE a <> b UNION SELECT p.v, f.depth + 1 FROM fwd f JOIN pair p ON p.u = f.town WHERE f.depth < $3::int
    ),
    bwd (town, depth) AS (
      SELECT b, 0 FROM ends WHERE a <> b UNION SELECT p.u, w.depth + 1 FROM bwd w JOIN pair p ON p.v = w.town WHERE w.depth < $3::int
    ),
    df AS (SELECT town, min(depth) AS d FROM fwd GROUP BY town),
    dt AS (SELECT town, min(depth) AS d FROM bwd GROUP BY town),
    on_path AS (SELECT df.town, df.d FROM df JOIN dt USING (town) WHERE df.d + dt.d = (SELECT df.d FROM df, ends WHERE df.town = ends.b)),
    edge AS (
      SELECT DISTINCT ON (a.town, b.town, a.kind, a.ctx) a.town AS from_town, b.town AS to_town,
             concat_ws('|', a.kind, a.ctx, a.tie, a.subject, a.subject_id, b.tie, b.subject, b.subject_id) AS step
        FROM link a
        JOIN link b ON a.kind = b.kind AND a.ctx = b.ctx AND a.town <> b.town
        JOIN on_path pa ON pa.town = a.town
        JOIN on_path pb ON pb.town = b.town AND pb.d = pa.d + 1
       ORDER BY a.town, b.town, a.kind, a.ctx, a.rank + b.rank, a.subject_id, b.subject_id
    ),
    walk (town, towns, steps) AS (
      SELECT a, ARRAY[a], ARRAY[]::text[] FROM ends WHERE a <> b
      UNION ALL
      SELECT e.to_town, w.towns || e.to_town, w.steps || e.step FROM walk w JOIN edge e ON e.from_town = w.town
    ),
    found AS (SELECT towns, steps FROM walk, ends WHERE walk.town = ends.b ORDER BY steps LIMIT $4::int)
    SELECT ends.a AS "from", ends.b AS "to", found.towns, found.steps FROM ends LEFT JOIN found ON true`;

/** A town's neighbourhood ties ($1 the town's id, $2 the hops). */
export const NEIGHBOURHOOD_SQL = `
        WITH RECURSIVE link AS (${LINKS_SQL}),
        reach (town, depth) AS (
          SELECT $1::int, 0
          UNION
          SELECT b.town, r.depth + 1 FROM reach r JOIN link a ON a.town = r.town JOIN link b ON b.kind = a.kind AND b.ctx = a.ctx
           WHERE r.depth < $2::int
        ),
        towns AS (SELECT DISTINCT town FROM reach)
        -- Contexts are kept when they touch a town reached before the last step (so they lead somewhere).
        SELECT DISTINCT l.town, l.kind, l.ctx, l.tie FROM link l
         WHERE l.town IN (SELECT town FROM towns)
           AND (l.kind, l.ctx) IN (SELECT a.kind, a.ctx FROM link a JOIN reach r ON r.town = a.town WHERE r.depth < $2::int)
         ORDER BY l.kind, l.ctx, l.town`;
