// PostGraphile 5 over the benchmark database, as its documentation sets it up: the Amber
// preset, the public schema (Prisma's tables) plus the `bench` schema of SQL functions that
// give PostGraphile the logic CityNet has in code (search, partner scoring, paths).
// Run by bench/run.ts with Node 22; DATABASE_URL and PORT come from the environment.
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ["public", "bench"],
      poolConfig: { max: 10 },
    }),
  ],
  grafserv: { graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv
  .addTo(server)
  .then(() =>
    server.listen(Number(process.env.PORT), "127.0.0.1", () =>
      console.log(`postgraphile: listening on ${process.env.PORT}`),
    ),
  );
process.on("SIGTERM", () => server.close(() => pgl.release().then(() => process.exit(0))));
