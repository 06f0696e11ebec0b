// /explore: the analysts' explorer (packages/explorer), built by Vite and served from its dist/
// folder. Files are read and compressed once (lib/static-body.ts); hashed assets are cached for a
// year, the page is revalidated. Its Content-Security-Policy allows only this origin: nothing loads from elsewhere.
import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { type StaticBody, serveStaticBody, staticBody } from "./lib/static-body.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

interface File extends StaticBody {
  type: string;
}

export function createExplorer(dir: string) {
  const files = new Map<string, File>();
  const read = (name: string): File | null => {
    if (!files.has(name)) {
      const file = path.join(dir, name);
      const type = TYPES[path.extname(name)];
      if (!type || !existsSync(file)) return null;
      files.set(name, { ...staticBody(readFileSync(file)), type });
    }
    return files.get(name) ?? null;
  };

  return function serveExplorer(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://citynet.internal");
    if (url.pathname === "/explore") {
      res.writeHead(301, { location: `/explore/${url.search}` }).end();
      return;
    }
    const rest = url.pathname.slice("/explore/".length);
    // Only the page and the files Vite wrote under assets/, by plain names: no way out of dist/.
    const name = rest === "" ? "index.html" : /^assets\/[\w.-]+$/.test(rest) ? rest : null;
    const file = name ? read(name) : null;
    if (!file) {
      const built = existsSync(path.join(dir, "index.html"));
      res
        .writeHead(built ? 404 : 503, { "content-type": "text/plain; charset=utf-8" })
        .end(
          built
            ? "Not found"
            : "The explorer is not built: `pnpm start` builds it (pnpm --filter @citynet/explorer build)",
        );
      return;
    }
    serveStaticBody(file, req, res, {
      "content-type": file.type,
      "content-security-policy": CSP,
      "x-frame-options": "DENY",
      "cache-control": name === "index.html" ? "no-cache" : "public, max-age=31536000, immutable",
    });
  };
}
