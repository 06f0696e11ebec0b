// The explorer in headless Chromium against a live CityNet server (which serves it at /explore):
// each view shows what the API answers, URLs restore views, exports download and parse, axe finds
// no serious violation, the page stays within its weight budget, and nothing leaves loopback.
// Screenshots go to test-artifacts/.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import readXlsxFile from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../sdk/test/support/live-server.js";
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium } from "../../server/test/support/browser.js";

const ARTIFACTS = path.resolve(fileURLToPath(import.meta.url), "../../../../test-artifacts");
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** What the first load of /explore may weigh on the wire (HTML, script, style), compressed. */
const PAGE_WEIGHT_BUDGET = 100 * 1024;

describe.runIf(ensureChromium())("the explorer in Chromium", () => {
  let api: LiveServer;
  let browser: Browser;
  /** Every URL any page requested. */
  const requested: string[] = [];

  beforeAll(async () => {
    api = await startLiveServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  async function graphql(query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(api.endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }

  async function newPage(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
    page.on("request", (request) => requested.push(request.url()));
    page.on("pageerror", (error) => {
      throw error;
    });
    return page;
  }

  /** Waits until the view has rendered its data. */
  async function ready(page: Page, view: string) {
    await page.waitForSelector(`main[data-view="${view}"][data-ready]:not([aria-busy])`);
  }

  async function open(hash: string, view: string): Promise<Page> {
    const page = await newPage();
    await page.goto(`${api.origin}/explore/#${hash}`);
    await ready(page, view);
    return page;
  }

  async function screenshot(page: Page, name: string) {
    await page.screenshot({ path: path.join(ARTIFACTS, `explorer-${name}.png`), fullPage: true });
  }

  async function seriousViolations(page: Page) {
    // Through DevTools, which the page's Content-Security-Policy (scripts from its origin only) lets pass.
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
      return result.violations.map((v: any) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.slice(0, 3).map((n: any) => n.html.slice(0, 120)),
      }));
    });
    return violations.filter((v: { impact: string }) => v.impact === "serious" || v.impact === "critical");
  }

  async function download(page: Page, link: string): Promise<Buffer> {
    const [file] = await Promise.all([page.waitForEvent("download"), page.click(link)]);
    return readFileSync((await file.path())!);
  }

  const csvRows = (buffer: Buffer) =>
    buffer
      .toString("utf8")
      .replace(/^\ufeff/, "")
      .trimEnd()
      .split("\r\n");

  it("walks through as a new analyst: Pasov → Passau on a map → its network → a connection → a chart → a spreadsheet", async () => {
    const page = await newPage();
    await page.goto(`${api.origin}/explore/`);
    await ready(page, "search");
    await page.fill("#search-input", "Pasov");
    const passauLink = page.locator('[data-kind="Town"] a', { hasText: "Passau" });
    await passauLink.first().click();
    await ready(page, "town");
    expect(await page.locator("h1").textContent()).toBe("Passau");

    // The map shows Passau and every partner the API names (twins, co-members, project partners).
    const partners = await graphql(
      `{ town(slug: "passau") { twinnings { towns { slug } } } neighbourhood(town: "passau", hops: 1) { edges { town { slug } } } }`,
    );
    const expected = new Set<string>([
      "passau",
      ...partners.town.twinnings.flatMap((t: any) => t.towns.map((x: any) => x.slug)),
      ...partners.neighbourhood.edges.map((e: any) => e.town.slug),
    ]);
    const markers = await page
      .locator("circle.marker")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-slug")));
    expect(new Set(markers)).toEqual(expected);
    expect(await page.locator('circle.marker[data-kind="co-member"]').count()).toBeGreaterThan(5);
    // A fact's source: the document and its quote, on expanding.
    await page.locator("#memberships details.sources summary").first().click();
    expect(await page.locator("#memberships details.sources").first().textContent()).toContain(
      "000_f836775315a78a45.txt",
    );
    await screenshot(page, "town-passau");

    // Its network: members on the map, coloured by the year they joined.
    await page.locator("#memberships a", { hasText: "medium-sized" }).first().click();
    await ready(page, "network");
    const { network, statistics } = await graphql(
      `{ network(slug: "medium-sized-cities") { declaredMemberCount memberships(first: 100) { totalCount } } statistics { eventsPerYear(network: "medium-sized-cities") { year count } } }`,
    );
    expect(await page.locator("circle.marker").count()).toBe(network.memberships.totalCount);
    expect(await page.locator("#declared-named").textContent()).toContain(
      `${network.declaredMemberCount} / ${network.memberships.totalCount}`,
    );
    // The conferences per year, as a chart and a table of the same numbers.
    const bars = await page
      .locator("#conferences-per-year svg[data-series] g.bar")
      .evaluateAll((nodes) =>
        nodes.map((n) => ({ year: Number(n.getAttribute("data-label")), count: Number(n.getAttribute("data-value")) })),
      );
    expect(bars).toEqual(statistics.eventsPerYear);
    await screenshot(page, "network");

    // The members as a spreadsheet: every member, with its sources.
    const csv = csvRows(await download(page, "#members .downloads a:text('CSV')"));
    expect(csv).toHaveLength(network.memberships.totalCount + 1);
    expect(csv.find((line) => line.startsWith("passau,"))).toContain("Pasov");
    const [sheet] = await readXlsxFile(await download(page, "#members .downloads a:text('XLSX')"));
    expect(sheet.data).toHaveLength(network.memberships.totalCount + 1);

    // Back to Passau, and its connection to Opava.
    await page.goto(`${api.origin}/explore/#/connection?from=passau&to=opava`);
    await ready(page, "connection");
    const path = await graphql(
      `{ connection(from: "passau", to: "opava", maxHops: 3, first: 3) { towns { slug name } } }`,
    );
    const drawnTowns = await page
      .locator('#paths g[data-type="Town"] text')
      .evaluateAll((nodes) => nodes.map((n) => n.textContent));
    for (const town of path.connection.flatMap((p: any) => p.towns)) expect(drawnTowns).toContain(town.name);
    // The edges are buttons: the keyboard opens their evidence as a click does.
    await page.locator("#paths g.edge").first().focus();
    await page.keyboard.press("Enter");
    expect(await page.locator("#paths .evidence").textContent()).toMatch(/\.txt: /);
    await screenshot(page, "connection");
    await page.close();
  });

  it("restores each view from its URL, in the language the URL names", async () => {
    const page = await open("/connection?from=passau&to=opava&lang=cs", "connection");
    expect(await page.locator("h1").textContent()).toBe("Spojení");
    expect(await page.locator("#lang").inputValue()).toBe("cs");
    expect(await page.locator("#paths g.node, #paths g[data-node]").count()).toBeGreaterThan(2);
    // Switching the language keeps the view and says so in the URL.
    await page.selectOption("#lang", "de");
    await ready(page, "connection");
    expect(page.url()).toContain("lang=de");
    expect(page.url()).toContain("from=passau");
    expect(await page.locator("h1").textContent()).toBe("Verbindung");
    await page.close();

    // The records' texts come in the URL's language too, and so do the API's codes.
    const town = await open("/town/passau?lang=cs", "town");
    const memberships = await town.locator("#memberships").textContent();
    expect(memberships).toContain("Členství");
    expect(memberships).toContain("zakládající člen");
    expect(await town.locator(".facts").textContent()).toContain("Německo");
    await town.close();

    const search = await open("/search?q=Pasov&lang=pl", "search");
    await search.waitForSelector('[data-kind="Town"] a');
    expect(await search.locator("#search-input").inputValue()).toBe("Pasov");
    expect(await search.locator("h1").textContent()).toBe("Szukaj");
    await search.close();
  });

  it("charts every statistic beside its table, equal to the API's answer", async () => {
    const page = await open("/statistics?network=medium-sized-cities", "statistics");
    const { statistics } = await graphql(
      `{ statistics { eventsPerYear { year count } eventsPerSeason { season count } townsPerCountry { towns } networkMembersPerCountry(network: "medium-sized-cities") { count } } }`,
    );
    const series = (id: string) =>
      page.locator(`#${id} g.bar`).evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute("data-value"))));
    expect(await series("events-per-year")).toEqual(statistics.eventsPerYear.map((y: any) => y.count));
    expect(await series("events-per-season")).toEqual(statistics.eventsPerSeason.map((y: any) => y.count));
    expect(await series("towns-per-country")).toEqual(statistics.townsPerCountry.map((y: any) => y.towns));
    expect(await series("members-per-country")).toEqual(statistics.networkMembersPerCountry.map((y: any) => y.count));
    expect(await page.locator("#events-per-year table tbody tr").count()).toBe(statistics.eventsPerYear.length);
    const csv = csvRows(await download(page, "#events-per-year .downloads a:text('CSV')"));
    expect(csv).toEqual(["year,count", ...statistics.eventsPerYear.map((y: any) => `${y.year},${y.count}`)]);
    await screenshot(page, "statistics");
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("finds partners for a partner search, on the map and with explained scores", async () => {
    const { partnerSearches } = await graphql(
      `{ partnerSearches(first: 1) { edges { node { slug town { slug } } } } }`,
    );
    const search = partnerSearches.edges[0].node;
    const { partnerSuggestions } = await graphql(
      `query($s: String!) { partnerSuggestions(partnerSearch: $s, first: 30) { town { slug } reasons { explanation } } }`,
      { s: search.slug },
    );
    const page = await open(`/finder?search=${search.slug}`, "finder");
    expect(await page.locator("#finder-town").inputValue()).toBe(search.town.slug);
    expect(await page.locator('circle.marker[data-kind="suggestion"]').count()).toBe(partnerSuggestions.length);
    expect(await page.locator("#suggestions tbody tr").count()).toBe(partnerSuggestions.length);
    expect(await page.locator("#suggestions .reasons").first().textContent()).toContain(
      partnerSuggestions[0].reasons[0].explanation,
    );
    await screenshot(page, "partner-finder");
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("opens other records from the search: a project with its texts and sources", async () => {
    const { projects } = await graphql(`{ projects(first: 1) { edges { node { id name sources { quote } } } } }`);
    const project = projects.edges[0].node;
    const page = await open(`/search?q=${encodeURIComponent(project.name)}`, "search");
    await page.locator('[data-kind="Project"] a', { hasText: project.name }).first().click();
    await ready(page, "record");
    expect(page.url()).toContain(`#/record/${encodeURIComponent(project.id)}`);
    expect(await page.locator("h1").textContent()).toBe(project.name);
    await page.locator("details.sources summary").click();
    expect(await page.locator("details.sources").textContent()).toContain(project.sources[0].quote.slice(0, 40));
    await screenshot(page, "record");
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("has no serious accessibility violations on the search, town, network and connection views", async () => {
    for (const [hash, view] of [
      ["/search?q=Passau", "search"],
      ["/town/passau", "town"],
      ["/network/medium-sized-cities", "network"],
      ["/connection?from=passau&to=opava", "connection"],
    ]) {
      const page = await open(hash, view);
      await screenshot(page, `axe-${view}`);
      expect({ view, violations: await seriousViolations(page) }).toEqual({ view, violations: [] });
      await page.close();
    }
  });

  it("weighs, on its first load, less than its budget", async () => {
    const page = await newPage();
    let bytes = 0;
    page.on("requestfinished", async (request) => {
      if (!new URL(request.url()).pathname.startsWith("/explore")) return;
      const sizes = await request.sizes();
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    await page.goto(`${api.origin}/explore/`, { waitUntil: "networkidle" });
    await ready(page, "search");
    console.log(
      `explorer first load: ${(bytes / 1024).toFixed(1)} KB on the wire (budget ${PAGE_WEIGHT_BUDGET / 1024} KB)`,
    );
    expect(bytes).toBeGreaterThan(10_000);
    expect(bytes).toBeLessThan(PAGE_WEIGHT_BUDGET);
    await page.close();
  });

  it("never requested anything beyond loopback", () => {
    expect(requested.length).toBeGreaterThan(20);
    const outside = requested.filter((url) => !/^(http:\/\/127\.0\.0\.1:\d+\/|blob:|data:)/.test(url));
    expect(outside).toEqual([]);
  });
});
