// A response body served as a static file is: compressed once (gzip and brotli), named by an
// ETag of its bytes, answered 304 when the client has it, and in the encoding it accepts.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export interface StaticBody {
  etag: string;
  bodies: { identity: Buffer; gzip: Buffer; br: Buffer };
}

export function staticBody(identity: Buffer): StaticBody {
  return {
    etag: `"${createHash("sha256").update(identity).digest("base64url").slice(0, 27)}"`,
    bodies: {
      identity,
      gzip: gzipSync(identity, { level: 9 }),
      br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
    },
  };
}

/** Answers with the body (or 304) under `headers`, which name its type and caching. */
export function serveStaticBody(
  body: StaticBody,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
): void {
  const common = { ...headers, etag: body.etag, vary: "accept-encoding" };
  if (req.headers["if-none-match"] === body.etag) {
    res.writeHead(304, common).end();
    return;
  }
  const accepted = req.headers["accept-encoding"] ?? "";
  const encoding = /\bbr\b/.test(accepted) ? "br" : /\bgzip\b/.test(accepted) ? "gzip" : "identity";
  const bytes = body.bodies[encoding];
  res.writeHead(200, {
    ...common,
    "content-length": bytes.length,
    ...(encoding === "identity" ? {} : { "content-encoding": encoding }),
  });
  res.end(req.method === "HEAD" ? undefined : bytes);
}
