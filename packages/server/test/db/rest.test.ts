// The REST exports over a real HTTP server: JSON equal to the GraphQL answer, CSV and XLSX with
// every row and its sources, every European town streamed page by page, and clear refusals.
import { createServer, type Server } from "node:http";
import readXlsxFile from "read-excel-file/node";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeDb, leg, startTestApi, type TestApi } from "../support/harness.js";

/** Splits CSV text into rows of fields (RFC 4180 quoting). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted || (char !== "," && char !== "\n" && char !== "\r")) {
      field += char;
    } else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n") {
      rows.push([...row, field]);
      row = [];
      field = "";
    }
  }
  return rows;
}

async function serve(api: TestApi): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => void api.app.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { server, origin: `http://127.0.0.1:${port}` };
}

describeDb("REST exports", () => {
  let api: TestApi;
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    api = await startTestApi();
    ({ server, origin } = await serve(api));
  });
  afterAll(async () => {
    server?.close();
    await api?.close();
  });

  it("describes every export in OpenAPI, with its parameters and columns", async () => {
    const document = await fetch(`${origin}/rest/openapi.json`).then((r) => r.json());
    expect(document.openapi).toBe("3.1.0");
    const members = document.paths["/rest/network-members"].get;
    expect(members.parameters.map((p: any) => [p.name, p.required])).toEqual([
      ["network", true],
      ["lang", false],
      ["after", false],
    ]);
    expect(document.paths["/rest/network-members.csv"].get.responses["200"].description).toContain("sources");
    expect(document.paths["/rest/towns.xlsx"]).toBeDefined();
    const towns = document.paths["/rest/towns"].get.parameters.find((p: any) => p.name === "countries");
    expect(towns).toMatchObject({ style: "form", explode: true, schema: { type: "array" } });
  });

  it("answers JSON equal to the GraphQL query of the same name", async () => {
    const rest = await fetch(`${origin}/rest/network-members?network=medium-sized-cities&lang=cs`).then((r) =>
      r.json(),
    );
    const graphql = await api.data(
      `query($lang: String) { network(slug: "medium-sized-cities") { memberships(first: 100) { pageInfo { hasNextPage endCursor } edges { node { town { slug name country { code } population } role joined { text(lang: $lang) } left { text(lang: $lang) } sources { quote source { key } } } } } } }`,
      { lang: "cs" },
    );
    expect(rest).toEqual(graphql);
  });

  it("writes every member as a CSV row and an XLSX row, citing document and quote", async () => {
    const { network } = await api.data(`{ network(slug: "medium-sized-cities") { memberships { totalCount } } }`);
    const response = await fetch(`${origin}/rest/network-members.csv?network=medium-sized-cities`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="network-members.csv"');
    const [header, ...rows] = parseCsv((await response.text()).replace(/^\ufeff/, ""));
    expect(header).toEqual([
      "town.slug",
      "town.name",
      "town.country.code",
      "town.population",
      "role",
      "joined.text",
      "left.text",
      "sources",
    ]);
    expect(rows).toHaveLength(network.memberships.totalCount);
    const passau = rows.find((row) => row[0] === "passau")!;
    expect(passau[4]).toBe("FOUNDING_MEMBER");
    expect(passau[7]).toContain('000_f836775315a78a45.txt: "');
    expect(passau[7]).toContain("Pasov");

    const xlsx = await fetch(`${origin}/rest/network-members.xlsx?network=medium-sized-cities`);
    expect(xlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const [sheet] = await readXlsxFile(Buffer.from(await xlsx.arrayBuffer()));
    const [xlsxHeader, ...xlsxRows] = sheet.data;
    expect(xlsxHeader).toEqual(header);
    expect(xlsxRows.map((row) => row.map((cell) => (cell == null ? "" : String(cell))))).toEqual(rows);
  });

  it("refuses what it cannot answer with a status and a stable code", async () => {
    const codeOf = async (path: string, init?: RequestInit) => {
      const response = await fetch(`${origin}${path}`, init);
      const body = await response.json();
      return [response.status, body.errors[0].extensions.code];
    };
    expect(await codeOf("/rest/network-members?network=medium-sized-cities&colour=red")).toEqual([
      400,
      "BAD_USER_INPUT",
    ]);
    expect(await codeOf("/rest/towns?populationMin=many")).toEqual([400, "BAD_USER_INPUT"]);
    expect(await codeOf("/rest/network-members")).toEqual([400, "BAD_USER_INPUT"]);
    expect(await codeOf("/rest/network-members.csv?network=atlantis")).toEqual([404, "NOT_FOUND"]);
    expect(await codeOf("/rest/nothing-here")).toEqual([404, "NOT_FOUND"]);
    expect(await codeOf("/rest/towns", { method: "POST" })).toEqual([405, "BAD_REQUEST"]);
    // The caller's credentials go with the query: a bad key is refused, not ignored.
    expect(await codeOf("/rest/towns.csv", { headers: { authorization: "Bearer cn_not-a-key" } })).toEqual([
      401,
      "UNAUTHENTICATED",
    ]);
  });
});

// About half a minute (670 pages): on one leg only, as the statements are the same on both.
describeDb("REST exports of every European town", () => {
  let api: TestApi;
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    if (leg !== "embedded") return;
    api = await startTestApi("europe");
    ({ server, origin } = await serve(api));
  });
  afterAll(async () => {
    server?.close();
    await api?.close();
  });

  it.runIf(leg === "embedded")(
    "streams all towns as CSV, page by page, each with its sources",
    { timeout: 180_000 },
    async () => {
      const total = await api.db.prisma.town.count();
      api.statements.length = 0;
      const response = await fetch(`${origin}/rest/towns.csv`);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = "";
      let statementsAtFirstBytes = -1;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (statementsAtFirstBytes < 0) statementsAtFirstBytes = api.statements.length;
        text += decoder.decode(value, { stream: true });
      }
      const statementsAtEnd = api.statements.length;
      // The first rows left before the later pages were even asked for.
      expect(statementsAtFirstBytes).toBeLessThan(statementsAtEnd / 10);
      const [header, ...rows] = parseCsv(text.replace(/^\ufeff/, ""));
      expect(header.at(-1)).toBe("sources");
      expect(rows).toHaveLength(total);
      expect(new Set(rows.map((row) => row[0])).size).toBe(total);
      expect(rows.every((row) => row.at(-1)!.length > 0)).toBe(true);
    },
  );
});
