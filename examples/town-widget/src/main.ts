import { CityNetGraphQLError, createClient } from "@citynet/sdk";
import { type Editor, interestAction, liveInterests, partnerSearchForm } from "./editor.js";
import { type EditorParts, renderWidget } from "./render.js";

const root = document.getElementById("citynet-widget")!;
const params = new URLSearchParams(location.search);
const setting = (name: string, fallback: string) => params.get(name) ?? root.dataset[name] ?? fallback;

// A signed-in town editor: the town's site hands the widget a bearer token from its identity
// system (or a key); `as` is the editor's own town, when it is not the widget's.
const token = setting("token", "");
const client = createClient({
  endpoint: setting("endpoint", "/graphql"),
  timeoutMs: 10_000,
  retry: true,
  ...(token ? { token: () => token } : {}),
});
const slug = setting("slug", "opava");
const lang = setting("lang", "en");
const today = setting("today", new Date().toISOString().slice(0, 10));
const editor: Editor | null = token ? { client, town: setting("as", slug), lang } : null;

/** Closes the live interests of the last rendering when the widget renders again. */
let rendering = new AbortController();

/**
 * The editor's part: on its own town's widget a form to post a search and each search's
 * interests arriving live, elsewhere an interest button per search.
 */
function editorParts(): EditorParts {
  if (!editor) return {};
  if (editor.town !== slug) return { searchAction: (search) => interestAction(editor, search.id) };
  rendering.abort();
  rendering = new AbortController();
  const { signal } = rendering;
  const posted = Object.assign(document.createElement("p"), { textContent: "Your partner search is posted." });
  return {
    searchAction: (search) => liveInterests(editor, search.slug, signal),
    footer: [
      partnerSearchForm(editor, slug, async () => {
        await load();
        root.append(posted);
      }),
    ],
  };
}

async function load(): Promise<void> {
  const data = await client.townWidget({ slug, lang, today });
  renderWidget(root, data, editorParts());
  root.dataset.state = "ready";
}

load().catch((error: unknown) => {
  const message =
    error instanceof CityNetGraphQLError && error.code === "NOT_FOUND"
      ? `No town "${slug}" in CityNet.`
      : "CityNet is not reachable right now.";
  root.replaceChildren(Object.assign(document.createElement("p"), { className: "error", textContent: message }));
  root.dataset.state = "error";
});
