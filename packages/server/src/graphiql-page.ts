// GraphiQL as CityNet serves it: the offline page (9 MB, every asset inline) is rendered once,
// compressed once, revalidated by ETag, and locked down by a Content-Security-Policy that allows
// exactly its own inline scripts (by hash) and requests to this origin.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { EXAMPLE_OPERATIONS } from "./graphiql-examples.js";

export interface GraphiQLPage {
  etag: string;
  csp: string;
  bodies: { identity: Buffer; gzip: Buffer; br: Buffer };
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

export function buildGraphiQLPage(): GraphiQLPage {
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
  const identity = Buffer.from(html);
  return {
    etag: `"${createHash("sha256").update(identity).digest("base64url").slice(0, 27)}"`,
    csp,
    bodies: {
      identity,
      gzip: gzipSync(identity, { level: 9 }),
      br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
    },
  };
}

/** Whether a request is a browser opening GraphiQL (GET /graphql for HTML, no operation). */
export function wantsGraphiQL(req: IncomingMessage): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = new URL(req.url ?? "/", "http://citynet");
  return url.pathname === "/graphql" && !url.searchParams.has("query") && /text\/html/.test(req.headers.accept ?? "");
}

export function serveGraphiQL(page: GraphiQLPage, req: IncomingMessage, res: ServerResponse): void {
  const headers = {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": page.csp,
    "x-frame-options": "DENY",
    etag: page.etag,
    // Revalidated on every visit: a 304 unless the server now serves a different page.
    "cache-control": "no-cache",
    vary: "accept-encoding",
  };
  if (req.headers["if-none-match"] === page.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  const accepted = req.headers["accept-encoding"] ?? "";
  const encoding = /\bbr\b/.test(accepted) ? "br" : /\bgzip\b/.test(accepted) ? "gzip" : "identity";
  const body = page.bodies[encoding];
  res.writeHead(200, {
    ...headers,
    "content-length": body.length,
    ...(encoding === "identity" ? {} : { "content-encoding": encoding }),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}
