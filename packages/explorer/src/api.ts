// The API as the explorer reaches it: the SDK's client on this server's /graphql, and links to
// the same server's REST exports for downloads.
import { createClient } from "@citynet/sdk";
import { lang } from "./i18n.js";

export const client = createClient({ endpoint: new URL("/graphql", location.href).href, timeoutMs: 20_000 });

/** Where an export of a list downloads: the REST query of the same name, with the same filters. */
export function exportUrl(name: string, format: "csv" | "xlsx", params: Record<string, unknown>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ lang: lang(), ...params }))
    for (const item of Array.isArray(value) ? value : [value])
      if (item != null && item !== "") query.append(key, String(item));
  return `/rest/${name}.${format}?${query}`;
}
