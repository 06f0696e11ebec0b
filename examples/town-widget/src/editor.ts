// What a signed-in town editor does in the widget: post a partner search for the widget's town
// and watch the interests in its searches arrive live, and express interest in another town's
// search for the editor's own town. Text only in the
// DOM (no HTML injection); errors shown as the API words them, by their stable codes.
import { type CityNetClient, CityNetGraphQLError } from "@citynet/sdk";

export interface Editor {
  client: CityNetClient;
  /** The town the editor acts for (expressing interest). */
  town: string;
  lang: string;
}

function field(label: string, control: HTMLElement): HTMLLabelElement {
  const wrapper = document.createElement("label");
  wrapper.append(Object.assign(document.createElement("span"), { textContent: label }), control);
  return wrapper;
}

/** The message to show for a failed write. */
export function failure(error: unknown): string {
  if (!(error instanceof CityNetGraphQLError)) return "CityNet is not reachable right now.";
  switch (error.code) {
    case "UNAUTHENTICATED":
      return "Sign in again to do this.";
    case "FORBIDDEN":
      return "Your account may not do this for that town.";
    case "CONFLICT":
      return "Someone changed it meanwhile; reload and try again.";
    default:
      return error.errors[0]?.message ?? "CityNet refused this.";
  }
}

/** A form that posts a partner search for `town`; `posted` runs after it succeeded. */
export function partnerSearchForm(editor: Editor, town: string, posted: () => Promise<void>): HTMLFormElement {
  const form = Object.assign(document.createElement("form"), { className: "post-search" });
  form.setAttribute("aria-label", "Post a partner search");
  const kind = document.createElement("select");
  kind.name = "kind";
  for (const [value, label] of [
    ["TWINNING", "Twinning"],
    ["COOPERATION", "Cooperation"],
  ])
    kind.append(Object.assign(document.createElement("option"), { value, textContent: label }));
  const description = Object.assign(document.createElement("textarea"), {
    name: "description",
    rows: 3,
    required: true,
  });
  const countries = Object.assign(document.createElement("input"), { name: "countries", placeholder: "SI, AT" });
  const submit = Object.assign(document.createElement("button"), {
    type: "submit",
    textContent: "Post partner search",
  });
  const status = Object.assign(document.createElement("p"), { className: "form-status" });
  status.setAttribute("role", "status");
  form.append(
    Object.assign(document.createElement("h3"), { textContent: "Post a partner search" }),
    field("Kind", kind),
    field(`Description (${editor.lang})`, description),
    field("Wanted countries", countries),
    submit,
    status,
  );
  // One key per form: a retried submit (a flaky network) returns the first search.
  const idempotencyKey = crypto.randomUUID();
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    submit.disabled = true;
    status.textContent = "Posting…";
    try {
      await editor.client.createPartnerSearch({
        input: {
          town,
          kind: kind.value as "TWINNING" | "COOPERATION",
          description: [{ lang: editor.lang, text: description.value }],
          wantedCountries: countries.value
            .split(/[\s,]+/)
            .filter(Boolean)
            .map((code) => code.toUpperCase()),
          idempotencyKey,
        },
      });
      status.textContent = "Posted.";
      await posted();
    } catch (error) {
      status.textContent = failure(error);
      status.classList.add("error");
      submit.disabled = false;
    }
  });
  return form;
}

/** A button under another town's search that opens a message box and sends the interest. */
export function interestAction(editor: Editor, partnerSearchId: string): HTMLElement {
  const box = Object.assign(document.createElement("div"), { className: "interest" });
  const open = Object.assign(document.createElement("button"), { type: "button", textContent: "Express interest" });
  box.append(open);
  open.addEventListener("click", () => {
    const message = Object.assign(document.createElement("textarea"), { name: "message", rows: 2, required: true });
    const send = Object.assign(document.createElement("button"), { type: "submit", textContent: "Send interest" });
    const status = Object.assign(document.createElement("p"), { className: "form-status" });
    status.setAttribute("role", "status");
    const form = document.createElement("form");
    form.setAttribute("aria-label", "Express interest");
    form.append(field(`Message from ${editor.town} (${editor.lang})`, message), send, status);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      send.disabled = true;
      try {
        await editor.client.expressInterest({
          input: {
            partnerSearch: partnerSearchId,
            town: editor.town,
            message: [{ lang: editor.lang, text: message.value }],
          },
        });
        box.replaceChildren(Object.assign(document.createElement("p"), { textContent: "Interest sent." }));
      } catch (error) {
        status.textContent = failure(error);
        status.classList.add("error");
        send.disabled = false;
      }
    });
    box.replaceChildren(form);
  });
  return box;
}

/**
 * Under one of the editor's own town's searches: the interests other towns express in it, as
 * they arrive (a live subscription), until `signal` closes it.
 */
export function liveInterests(editor: Editor, partnerSearchSlug: string, signal: AbortSignal): HTMLElement {
  const box = Object.assign(document.createElement("div"), { className: "interests" });
  box.setAttribute("aria-live", "polite");
  const list = document.createElement("ul");
  box.append(Object.assign(document.createElement("p"), { className: "muted", textContent: "Interests arrive here." }));
  box.append(list);
  void (async () => {
    try {
      for await (const { interestExpressed } of editor.client.interestExpressed(
        { partnerSearch: partnerSearchSlug, lang: editor.lang },
        { signal },
      )) {
        const contact = interestExpressed.contactEmail ? ` (${interestExpressed.contactEmail})` : "";
        list.append(
          Object.assign(document.createElement("li"), {
            textContent: `${interestExpressed.town.name}: ${interestExpressed.message ?? ""}${contact}`,
          }),
        );
      }
    } catch (error) {
      box.append(Object.assign(document.createElement("p"), { className: "error", textContent: failure(error) }));
    }
  })();
  return box;
}
