// Traces as an operator's collector receives them: OTLP over HTTP to OTEL_EXPORTER_OTLP_ENDPOINT,
// one trace per request continuing the caller's traceparent, with the GraphQL phases and the SQL
// statements as its descendants. The collector here is a plain HTTP server in the test.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type StartedServer, startServer } from "../support/processes.js";

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}

let root: string;
let collector: Server;
const spans: ExportedSpan[] = [];
let server: StartedServer;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "citynet-tracing-"));
  chmodSync(root, 0o755);
  collector = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const payload = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: ExportedSpan[] }[] }[] };
      for (const resource of payload.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(collector.address() as { port: number }).port}`;
  server = await startServer(path.join(root, "data"), undefined, { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
}, 120_000);

afterAll(async () => {
  if (server?.child.exitCode === null) server.child.kill("SIGKILL");
  collector?.close();
  rmSync(root, { recursive: true, force: true });
});

it("exports a trace per request under the caller's span: HTTP, GraphQL phases, SQL", async () => {
  const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
  const callerSpan = "00f067aa0ba902b7";
  for (const query of [`{ town(slug: "opava") { name } }`, `{ search(text: "Opava") { totalCount } }`]) {
    const response = await fetch(`${server.base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", traceparent: `00-${traceId}-${callerSpan}-01` },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(200);
  }
  // SIGTERM flushes what is buffered before the process exits.
  server.child.kill("SIGTERM");
  await new Promise((resolve) => server.child.once("exit", resolve));

  const ours = spans.filter((span) => span.traceId === traceId);
  const byId = new Map(ours.map((span) => [span.spanId, span]));
  const requests = ours.filter((span) => span.name === "POST /graphql");
  expect(requests).toHaveLength(2);
  for (const request of requests) expect(request.parentSpanId).toBe(callerSpan);
  const ancestry = (span: ExportedSpan): string[] => {
    const parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
    return parent ? [parent.name, ...ancestry(parent)] : [];
  };
  for (const phase of ["graphql.parse", "graphql.validate", "graphql.execute"]) {
    const found = ours.filter((span) => span.name === phase);
    expect(found, phase).toHaveLength(2);
    for (const span of found) expect(ancestry(span)[0], phase).toBe("POST /graphql");
  }
  const statements = ours.filter((span) => span.name === "sql");
  // The planned town page (one statement) and the search (Prisma's raw query) each sent SQL.
  expect(statements.length).toBeGreaterThanOrEqual(2);
  for (const statement of statements)
    expect(ancestry(statement).slice(0, 2)).toEqual(["graphql.execute", "POST /graphql"]);
}, 60_000);
