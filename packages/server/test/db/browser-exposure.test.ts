// What a browser may do with the API: call it from any origin but never with credentials (or
// only from the configured origins), never run an operation through a plain cross-site form or
// link, and open GraphiQL under a strict Content-Security-Policy, compressed and revalidated.
import { createServer, get, type Server } from "node:http";
import { gunzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium } from "../support/browser.js";
import { describeDb, startTestApi, type TestApi } from "../support/harness.js";

async function serve(api: TestApi): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => void api.app.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

describeDb("browser exposure", () => {
  let api: TestApi;
  let base: string;
  let server: Server;
  beforeAll(async () => {
    api = await startTestApi();
    ({ server, base } = await serve(api));
  });
  afterAll(async () => {
    server?.close();
    await api?.close();
  });

  const QUERY = `{ town(slug: "opava") { name } }`;

  it("allows any origin without credentials, and only the configured origins when set", async () => {
    const preflight = (url: string, origin: string) =>
      fetch(`${url}/graphql`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type,authorization",
        },
      });
    const open = await preflight(base, "https://evil.example");
    // Yoga echoes the origin for "*"; what matters is that no credentials go with it.
    expect(["*", "https://evil.example"]).toContain(open.headers.get("access-control-allow-origin"));
    expect(open.headers.get("access-control-allow-credentials")).not.toBe("true");

    const restricted = await startTestApi("documents", {}, { corsOrigins: ["https://www.opava-city.cz"] });
    const { server: restrictedServer, base: restrictedBase } = await serve(restricted);
    try {
      const allowed = await preflight(restrictedBase, "https://www.opava-city.cz");
      expect(allowed.headers.get("access-control-allow-origin")).toBe("https://www.opava-city.cz");
      expect(allowed.headers.get("access-control-allow-credentials")).not.toBe("true");
      const other = await preflight(restrictedBase, "https://evil.example");
      expect(other.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
    } finally {
      restrictedServer.close();
      await restricted.close();
    }
  });

  it("refuses operations a cross-site form or link could send, and runs them with the CSRF header", async () => {
    const refused = [
      await fetch(`${base}/graphql?query=${encodeURIComponent(QUERY)}`),
      await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ query: QUERY }).toString(),
      }),
      await fetch(`${base}/graphql`, {
        method: "POST",
        body: (() => {
          const form = new FormData();
          form.set("operations", JSON.stringify({ query: QUERY }));
          form.set("map", "{}");
          return form;
        })(),
      }),
      await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: JSON.stringify({ query: QUERY }),
      }),
    ];
    for (const response of refused) {
      expect(response.status).toBe(403);
      const body = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions.code).toBe("BAD_REQUEST");
    }
    const withHeader = await fetch(`${base}/graphql?query=${encodeURIComponent(QUERY)}`, {
      headers: { "x-graphql-yoga-csrf": "1", accept: "application/json" },
    });
    expect(await withHeader.json()).toEqual({ data: { town: { name: "Opava" } } });
    const json = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(json.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await json.json()).toEqual({ data: { town: { name: "Opava" } } });
  });

  it("serves GraphiQL compressed, revalidated by ETag and under a Content-Security-Policy", async () => {
    const page = await fetch(`${base}/graphql`, { headers: { accept: "text/html", "accept-encoding": "gzip" } });
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'sha256-[^']+'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    // fetch decompresses; the wire size is the content-length.
    expect(Number(page.headers.get("content-length"))).toBeLessThan(3_500_000);
    expect(page.headers.get("content-encoding")).toBe("gzip");
    expect(await page.text()).toMatch(/CityNet GraphiQL/);
    const etag = page.headers.get("etag")!;
    const again = await fetch(`${base}/graphql`, { headers: { accept: "text/html", "if-none-match": etag } });
    expect(again.status).toBe(304);
    // The gzip body on the wire is the page itself.
    const raw = await new Promise<Buffer>((resolve, reject) => {
      get(`${base}/graphql`, { headers: { accept: "text/html", "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () => resolve(Buffer.concat(chunks)));
      }).on("error", reject);
    });
    expect(gunzipSync(raw).toString()).toMatch(/<title>CityNet GraphiQL<\/title>/);
  });

  it("runs GraphiQL in Chromium under that policy: no violation, a query answered, a subscription live", async (context) => {
    if (!ensureChromium()) return context.skip();
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(message.text());
      });
      page.on("pageerror", (error) => problems.push(error.message));
      await page.goto(`${base}/graphql`);
      await page.locator(".graphiql-execute-button").click();
      // Several operations in the editor: GraphiQL asks which one.
      await page.getByRole("menuitem", { name: "TownPage" }).click();
      await page.locator(".result-window").getByText('"Opava"').first().waitFor({ timeout: 20_000 });
      // A subscription from the examples: the partner search another client posts arrives.
      await page.locator(".graphiql-execute-button").click();
      await page.getByRole("menuitem", { name: "NewPartnerSearches" }).click();
      await page.waitForTimeout(500);
      const key = await createApiKey(api.db.prisma, { name: "GraphiQL test", role: "TOWN_EDITOR", scope: "leoben" });
      const posted = await api.data(
        `mutation($input: CreatePartnerSearchInput!) { createPartnerSearch(input: $input) { partnerSearch { slug } } }`,
        {
          input: {
            town: "leoben",
            kind: "COOPERATION",
            description: [{ lang: "en", text: "Leoben live in GraphiQL." }],
          },
        },
        { authorization: `Bearer ${key.secret}` },
      );
      const slug = posted.createPartnerSearch.partnerSearch.slug;
      await page.locator(".result-window").getByText(`"${slug}"`).first().waitFor({ timeout: 5_000 });
      expect(problems.filter((text) => /Content Security Policy|Refused to/.test(text))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it("refuses introspection when switched off, and answers the rest", async () => {
    const closed = await startTestApi("documents", {}, { introspection: false });
    try {
      const introspection = await closed.query(`{ __schema { types { name } } }`);
      expect(introspection.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect((await closed.query(`{ __type(name: "Town") { name } }`)).errors?.[0].extensions?.code).toBe(
        "GRAPHQL_VALIDATION_FAILED",
      );
      expect(await closed.data(QUERY)).toEqual({ town: { name: "Opava" } });
      expect((await api.data(`{ __type(name: "Town") { name } }`)).__type).toEqual({ name: "Town" });
    } finally {
      await closed.close();
    }
  });
});
