// The floor: what the reference operations cost with no GraphQL at all. One hand-written SQL
// statement per request builds the response JSON inside PostgreSQL; a bare node:http handler
// passes it through. POST /<operation name> with the operation's subjects as the JSON body.
import { createServer } from "node:http";
import pg from "pg";
import { REFERENCE_OPERATIONS, type Subjects } from "../operations.js";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
// The JSON travels as text: PostgreSQL builds it, node never parses it.
const routes = new Map(
  REFERENCE_OPERATIONS.map((op) => [
    `/${encodeURIComponent(op.name)}`,
    { sql: `SELECT (${op.floor.sql})::text`, params: op.floor.params },
  ]),
);

const server = createServer(async (req, res) => {
  const route = routes.get(req.url ?? "");
  if (!route) return void res.writeHead(404).end();
  let body = "";
  for await (const chunk of req) body += chunk;
  try {
    const { rows } = await pool.query({
      text: route.sql,
      values: route.params(JSON.parse(body) as Subjects),
      rowMode: "array",
    });
    res.writeHead(200, { "content-type": "application/json" }).end(`{"data":${rows[0][0] ?? "null"}}`);
  } catch (error) {
    res
      .writeHead(500, { "content-type": "application/json" })
      .end(JSON.stringify({ errors: [{ message: String(error) }] }));
  }
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log(`floor: listening on ${process.env.PORT}`));
process.on("SIGTERM", () => server.close(() => pool.end().then(() => process.exit(0))));
