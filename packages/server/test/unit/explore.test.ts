// /explore over a real HTTP server, from a built folder: the page and its assets, compressed,
// revalidated and locked to this origin; nothing outside dist/; a clear answer when not built.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExplorer } from "../../src/explore.js";

async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const explorer = createExplorer(dir);
  const server = createServer(explorer);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

describe("the explorer's files", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "citynet-explore-"));
  let built: { server: Server; origin: string };
  let unbuilt: { server: Server; origin: string };
  beforeAll(async () => {
    mkdirSync(path.join(dir, "dist/assets"), { recursive: true });
    writeFileSync(path.join(dir, "dist/index.html"), "<!doctype html><script src=/explore/assets/app-1.js></script>");
    writeFileSync(path.join(dir, "dist/assets/app-1.js"), `console.log(${JSON.stringify("x".repeat(5000))});`);
    writeFileSync(path.join(dir, "secret.txt"), "not for the web");
    built = await serve(path.join(dir, "dist"));
    unbuilt = await serve(path.join(dir, "nothing-here"));
  });
  afterAll(() => {
    built.server.close();
    unbuilt.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves the page for revalidation and the hashed assets for a year, under a same-origin policy", async () => {
    const page = await fetch(`${built.origin}/explore/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("cache-control")).toBe("no-cache");
    expect(page.headers.get("content-security-policy")).toContain("connect-src 'self'");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const again = await fetch(`${built.origin}/explore/`, { headers: { "if-none-match": page.headers.get("etag")! } });
    expect(again.status).toBe(304);
    const asset = await fetch(`${built.origin}/explore/assets/app-1.js`, { headers: { "accept-encoding": "gzip" } });
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(asset.headers.get("content-encoding")).toBe("gzip");
    expect(Number(asset.headers.get("content-length"))).toBeLessThan(1000);
    expect(await asset.text()).toContain("xxxx");
    const bare = await fetch(`${built.origin}/explore`, { redirect: "manual" });
    expect([bare.status, bare.headers.get("location")]).toEqual([301, "/explore/"]);
  });

  it("serves nothing outside its folder, and says when it is not built", async () => {
    for (const name of ["../secret.txt", "..%2Fsecret.txt", "assets/../../secret.txt", "index.html/x"])
      expect((await fetch(`${built.origin}/explore/${name}`)).status).toBe(404);
    const missing = await fetch(`${unbuilt.origin}/explore/`);
    expect(missing.status).toBe(503);
    expect(await missing.text()).toContain("pnpm start");
  });
});
