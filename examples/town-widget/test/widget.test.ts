// Builds the widget with Vite, serves it locally beside a live CityNet server and checks
// what headless Chromium renders. Screenshots go to test-artifacts/.
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../packages/sdk/test/support/live-server.js";
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium, serveStatic } from "../../../packages/server/test/support/browser.js";
import { createKey } from "../../../packages/server/test/support/processes.js";

const ROOT = path.resolve(fileURLToPath(import.meta.url), "../..");
const DIST = path.join(ROOT, "dist");
const ARTIFACTS = path.resolve(ROOT, "../../test-artifacts");

describe.runIf(ensureChromium())("town widget in Chromium", () => {
  let api: LiveServer;
  let site: Server;
  let siteUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    await build({ root: ROOT, logLevel: "silent", build: { outDir: DIST, emptyOutDir: true } });
    api = await startLiveServer();
    ({ url: siteUrl, server: site } = await serveStatic(DIST));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    site?.close();
    await api?.stop();
  });

  async function render(params: Record<string, string>, screenshot: string) {
    const page = await browser.newPage({ viewport: { width: 640, height: 520 } });
    await page.goto(`${siteUrl}?${new URLSearchParams({ endpoint: api.endpoint, ...params })}`);
    await page.waitForSelector("#citynet-widget[data-state]");
    await page.locator("#citynet-widget").screenshot({ path: path.join(ARTIFACTS, screenshot) });
    const text = await page.locator("#citynet-widget").innerText();
    await page.close();
    return text;
  }

  it("shows Innsbruck's networks and its next events", async () => {
    const text = await render({ slug: "innsbruck", today: "2020-01-01" }, "town-widget-innsbruck.png");
    expect(text).toContain("Innsbruck");
    expect(text).toContain("Cooperation network of European medium-sized cities (founding member)");
    expect(text).toMatch(/May 6\s*–\s*8, 2020 · CEMR Congress 2020 · Innsbruck/);
    expect(text).toContain("No open partner searches.");
  });

  it("shows Montefranco's partner search in the reader's language", async () => {
    const text = await render({ slug: "montefranco", today: "2019-06-17", lang: "cs" }, "town-widget-montefranco.png");
    expect(text).toContain("Montefranco");
    expect(text).toContain("Itálie");
    expect(text).toContain("partnerské město s 1 000 – 5 000 obyvateli");
    expect(text).toContain("(partners of 1,000–5,000 inhabitants)");
  });

  it("lets Opava's editor post a partner search, Leoben's editor express interest in it, and Opava see it arrive live", async () => {
    const opavaKey = createKey(api.dataDir, "Opava web", "TOWN_EDITOR", "opava");
    const leobenKey = createKey(api.dataDir, "Leoben web", "TOWN_EDITOR", "leoben");
    const description = "Opava seeks partner towns for a youth exchange.";
    const widget = (params: Record<string, string>) =>
      `${siteUrl}?${new URLSearchParams({ endpoint: api.endpoint, slug: "opava", today: "2026-11-30", ...params })}`;

    const opava = await browser.newPage({ viewport: { width: 640, height: 900 } });
    await opava.goto(widget({ token: opavaKey }));
    await opava.waitForSelector("#citynet-widget[data-state=ready]");
    await opava.selectOption("select[name=kind]", "COOPERATION");
    await opava.fill("textarea[name=description]", description);
    await opava.fill("input[name=countries]", "at");
    await opava.click("button:has-text('Post partner search')");
    await opava.waitForSelector("text=Your partner search is posted.");
    await opava.locator("#citynet-widget").screenshot({ path: path.join(ARTIFACTS, "town-widget-post-search.png") });
    expect(await opava.locator("#citynet-widget").innerText()).toContain(description);
    // Opava's page stays open: the interest in its new search arrives there live.
    const opavaSearch = opava.locator("li", { hasText: description });
    await opavaSearch.locator("text=Interests arrive here.").waitFor();

    const leoben = await browser.newPage({ viewport: { width: 640, height: 900 } });
    await leoben.goto(widget({ token: leobenKey, as: "leoben" }));
    await leoben.waitForSelector("#citynet-widget[data-state=ready]");
    const item = leoben.locator("li", { hasText: description });
    await item.locator("button:has-text('Express interest')").click();
    await item.locator("textarea[name=message]").fill("Leoben would love to take part.");
    await item.locator("button:has-text('Send interest')").click();
    await item.locator("text=Interest sent.").waitFor();
    await leoben
      .locator("#citynet-widget")
      .screenshot({ path: path.join(ARTIFACTS, "town-widget-express-interest.png") });
    await leoben.close();

    await opavaSearch.locator("text=Leoben: Leoben would love to take part.").waitFor({ timeout: 5_000 });
    await opava.locator("#citynet-widget").screenshot({ path: path.join(ARTIFACTS, "town-widget-live-interest.png") });
    await opava.close();

    // Opava's editor sees Leoben's interest through the API; the public does not.
    const INTERESTS = `{ town(slug: "opava") { partnerSearches(first: 5) { edges { node { description(lang: "en") interests { town { slug } message } } } } } }`;
    const asOpava = await fetch(api.endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${opavaKey}` },
      body: JSON.stringify({ query: INTERESTS }),
    }).then((response) => response.json());
    const posted = asOpava.data.town.partnerSearches.edges.find((e: any) => e.node.description === description);
    expect(posted.node.interests).toEqual([{ town: { slug: "leoben" }, message: "Leoben would love to take part." }]);
  });

  it("says so when the town does not exist", async () => {
    expect(await render({ slug: "atlantis" }, "town-widget-not-found.png")).toBe('No town "atlantis" in CityNet.');
  });
});
