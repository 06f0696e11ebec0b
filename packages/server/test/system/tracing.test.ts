// Traces as an operator's collector receives them: OTLP over HTTP to OTEL_EXPORTER_OTLP_ENDPOINT,
// one trace per request continuing the caller's traceparent, with the GraphQL phases and the SQL
// statements as its descendants. The collector here is a plain HTTP server in the test.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createKey, type StartedServer, startServer } from "../support/processes.js";

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
  const key = createKey(path.join(root, "data"), "Opava web", "TOWN_EDITOR", "opava");
  const operations: [string, Record<string, string>][] = [
    [`{ town(slug: "opava") { name } }`, {}],
    [`{ search(text: "Opava") { totalCount } }`, {}],
    // A write: its statements run in a transaction, on a connection of its own.
    [
      `mutation { updateTownProfile(input: { town: "opava", expectedVersion: 1, website: "https://www.opava-city.cz" }) { town { profileVersion } } }`,
      { authorization: `Bearer ${key}` },
    ],
  ];
  for (const [query, headers] of operations) {
    const response = await fetch(`${server.base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", traceparent: `00-${traceId}-${callerSpan}-01`, ...headers },
      body: JSON.stringify({ query }),
    });
    expect(await response.json()).not.toHaveProperty("errors");
  }
  // SIGTERM flushes what is buffered before the process exits.
  server.child.kill("SIGTERM");
  await new Promise((resolve) => server.child.once("exit", resolve));

  const ours = spans.filter((span) => span.traceId === traceId);
  const byId = new Map(ours.map((span) => [span.spanId, span]));
  const requests = ours.filter((span) => span.name === "POST /graphql");
  expect(requests).toHaveLength(3);
  for (const request of requests) expect(request.parentSpanId).toBe(callerSpan);
  const ancestry = (span: ExportedSpan): string[] => {
    const parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
    return parent ? [parent.name, ...ancestry(parent)] : [];
  };
  for (const phase of ["graphql.parse", "graphql.validate", "graphql.execute"]) {
    const found = ours.filter((span) => span.name === phase);
    expect(found, phase).toHaveLength(3);
    for (const span of found) expect(ancestry(span)[0], phase).toBe("POST /graphql");
  }
  const statements = ours.filter((span) => span.name === "sql");
  // The planned town page (one statement), the search (Prisma's raw query) and the write's
  // transaction, its update and audit entry among its statements.
  expect(statements.length).toBeGreaterThanOrEqual(5);
  const texts = statements.map((statement) =>
    String(
      (statement as { attributes?: { key: string; value: { stringValue?: string } }[] }).attributes?.find(
        (a) => a.key === "db.query.text",
      )?.value.stringValue,
    ),
  );
  expect(
    texts.some((text) => /^UPDATE "public"\."Town"|^UPDATE "Town"/.test(text)),
    texts.join("\n"),
  ).toBe(true);
  expect(texts.some((text) => /INSERT INTO "public"\."AuditEntry"|INSERT INTO "AuditEntry"/.test(text))).toBe(true);
  // Every statement belongs to its request (the key's lookup comes before execution); those of
  // the operations themselves are children of their execution.
  for (const statement of statements) expect(ancestry(statement)).toContain("POST /graphql");
  expect(statements.filter((statement) => ancestry(statement)[0] === "graphql.execute").length).toBeGreaterThanOrEqual(
    4,
  );
}, 60_000);
