import { CityNetGraphQLError, createClient } from "@citynet/sdk";
import { renderWidget } from "./render.js";

const root = document.getElementById("citynet-widget")!;
const params = new URLSearchParams(location.search);
const setting = (name: string, fallback: string) => params.get(name) ?? root.dataset[name] ?? fallback;

const client = createClient({ endpoint: setting("endpoint", "/graphql"), timeoutMs: 10_000, retry: true });
const slug = setting("slug", "opava");
const lang = setting("lang", "en");
const today = setting("today", new Date().toISOString().slice(0, 10));

client
  .townWidget({ slug, lang, today })
  .then((data) => {
    renderWidget(root, data);
    root.dataset.state = "ready";
  })
  .catch((error: unknown) => {
    const message =
      error instanceof CityNetGraphQLError && error.code === "NOT_FOUND"
        ? `No town "${slug}" in CityNet.`
        : "CityNet is not reachable right now.";
    root.replaceChildren(Object.assign(document.createElement("p"), { className: "error", textContent: message }));
    root.dataset.state = "error";
  });
