// examples/react-town-page as a member town's team would meet it: a project outside the
// workspace, installed from the registry (its own lockfile) and the packed SDK, its custom query
// typed by its own codegen against the shipped schema, type-checked and built with Vite — then
// driven in headless Chromium against a live server: a town page, a language switch served from
// Apollo's cache on the way back, and a list paged with fetchMore.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium, serveStatic } from "../../server/test/support/browser.js";
import { createClient } from "../src/index.js";

const SDK_ROOT = path.resolve(fileURLToPath(import.meta.url), "../..");
const EXAMPLE = path.resolve(SDK_ROOT, "../../examples/react-town-page");
const ARTIFACTS = path.resolve(SDK_ROOT, "../../test-artifacts");
const endpoint = inject("endpoint");
const today = "2026-11-21";

describe.runIf(ensureChromium())("examples/react-town-page, built from the packed SDK", () => {
  const project = mkdtempSync(path.join(tmpdir(), "citynet-react-town-page-"));
  let site: Server;
  let siteUrl: string;
  let browser: Browser;
  const api = createClient({ endpoint });

  beforeAll(async () => {
    const skipped = new Set(["node_modules", "dist", "gql"]);
    cpSync(EXAMPLE, project, { recursive: true, filter: (source) => !skipped.has(path.basename(source)) });
    const run = (command: string, args: string[], cwd = project) =>
      execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const tarball = run(process.execPath, ["pack.mjs", project], SDK_ROOT).trim();
    const quiet = ["--no-audit", "--no-fund", "--loglevel=error"];
    run("npm", ["ci", ...quiet]);
    run("npm", ["install", "--no-save", ...quiet, tarball]);
    run("npm", ["run", "build"]); // codegen, tsc --noEmit, vite build
    ({ url: siteUrl, server: site } = await serveStatic(path.join(project, "dist")));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    site?.close();
    rmSync(project, { recursive: true, force: true });
  });

  /** Opens the page, recording every request it makes to the API and any that leaves loopback. */
  async function open(slug: string): Promise<{ page: Page; apiRequests: string[]; offsite: string[] }> {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    const apiRequests: string[] = [];
    const offsite: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.hostname !== "127.0.0.1") offsite.push(request.url());
      if (request.url() === endpoint && request.method() === "POST") apiRequests.push(request.postData() ?? "");
    });
    await page.goto(`${siteUrl}?${new URLSearchParams({ endpoint, slug, today })}`);
    await page.locator("#town h1").waitFor();
    return { page, apiRequests, offsite };
  }

  const texts = (page: Page, selector: string) => page.locator(`${selector} > li`).allInnerTexts();

  it("shows Passau's page as the API answers it, with its exonym from the custom typed query", async () => {
    const { page, offsite } = await open("passau");
    const { town, pastEvents } = await api.townPage({ slug: "passau", today, lang: "en" });
    expect(await page.locator("#town h1").textContent()).toBe(town.name);
    expect(await page.locator("#country").textContent()).toContain(town.country.name);
    expect(await texts(page, "#memberships")).toEqual(
      town.memberships.edges.map(({ node }) => `${node.network.name}${node.joined ? ` — ${node.joined.text}` : ""}`),
    );
    expect(await texts(page, "#events")).toEqual(
      pastEvents.edges.map(({ node }) => `${node.date?.text ?? "undated"} · ${node.name ?? node.theme}`),
    );
    await page.locator("#exonyms").waitFor();
    expect(await page.locator("#exonyms").textContent()).toBe("Also known as Pasov (cs)");
    await page.screenshot({ path: path.join(ARTIFACTS, "react-town-page-passau.png"), fullPage: true });
    expect(offsite).toEqual([]);
    await page.close();
  });

  it("switches language, and back again from Apollo's cache without a request", async () => {
    const { page, apiRequests, offsite } = await open("opava");
    const memberships = async (lang: string) => {
      await page.locator(`#town[data-lang=${lang}]`).waitFor();
      return texts(page, "#memberships");
    };
    expect(await memberships("en")).toEqual(["Cooperation network of European medium-sized cities — December 2004"]);
    await page.getByRole("button", { name: "cs", exact: true }).click();
    expect((await memberships("cs"))[0]).toMatch(/prosinec 2004$/);
    await page.screenshot({ path: path.join(ARTIFACTS, "react-town-page-opava-cs.png"), fullPage: true });
    const requestsBeforeReturn = apiRequests.length;
    await page.getByRole("button", { name: "en", exact: true }).click();
    expect(await memberships("en")).toEqual(["Cooperation network of European medium-sized cities — December 2004"]);
    expect(apiRequests.length).toBe(requestsBeforeReturn);
    expect(offsite).toEqual([]);
    await page.close();
  });

  it("pages the town list with fetchMore into one list", async () => {
    const { page } = await open("opava");
    await page.locator("#towns > li").nth(4).waitFor();
    expect(await page.locator("#towns > li").count()).toBe(5);
    await page.getByRole("button", { name: "More towns" }).click();
    await page.locator("#towns > li").nth(9).waitFor();
    const { towns } = await api.towns({ order: "NAME", first: 10, lang: "en" });
    expect(await texts(page, "#towns")).toEqual(towns.edges.map(({ node }) => `${node.name}, ${node.country.name}`));
    await page.close();
  });
});
