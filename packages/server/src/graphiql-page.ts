// GraphiQL as CityNet serves it: the offline page (9 MB, every asset inline) is rendered once,
// compressed once, revalidated by ETag, and locked down by a Content-Security-Policy that allows
// exactly its own inline scripts (by hash) and requests to this origin.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { EXAMPLE_OPERATIONS } from "./graphiql-examples.js";
import { type StaticBody, serveStaticBody, staticBody } from "./lib/static-body.js";

export interface GraphiQLPage extends StaticBody {
  csp: string;
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** Loaded on the first visit: the renderer's bundle, as a string and as its module's source, is 28 MB of heap. */
export async function buildGraphiQLPage(): Promise<GraphiQLPage> {
  const { renderGraphiQL } = await import("@graphql-yoga/render-graphiql");
  // POST for everything, subscriptions too (SSE over a fetch POST): the API refuses a GET
  // without a CSRF header, and GraphiQL would open subscriptions with a bare GET.
  const html = renderGraphiQL({ title: "CityNet GraphiQL", defaultQuery: EXAMPLE_OPERATIONS, method: "POST" } as never);
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => sha256(match[1]));
  const csp = [
    "default-src 'none'",
    `script-src ${scripts.join(" ")}`,
    // Its editors' language workers, which its own scripts create from blobs.
    "worker-src blob:",
    // GraphiQL's editors set styles at run time.
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
  return { ...staticBody(Buffer.from(html)), csp };
}

/** Whether a request is a browser opening GraphiQL (GET /graphql for HTML, no operation). */
export function wantsGraphiQL(req: IncomingMessage): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = new URL(req.url ?? "/", "http://citynet");
  return url.pathname === "/graphql" && !url.searchParams.has("query") && /text\/html/.test(req.headers.accept ?? "");
}

export function serveGraphiQL(page: GraphiQLPage, req: IncomingMessage, res: ServerResponse): void {
  serveStaticBody(page, req, res, {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": page.csp,
    "x-frame-options": "DENY",
    // Revalidated on every visit: a 304 unless the server now serves a different page.
    "cache-control": "no-cache",
  });
}
