// The view is the URL: #/<view>/<subject>?<params>, language included, so any view can be shared
// and restored.
export interface Route {
  view: string;
  subject: string;
  params: URLSearchParams;
}

export function currentRoute(): Route {
  const [path, query = ""] = location.hash.replace(/^#\/?/, "").split("?");
  const [view = "", ...rest] = path.split("/");
  return { view, subject: decodeURIComponent(rest.join("/")), params: new URLSearchParams(query) };
}

/** The link to a view, keeping the current language. */
export function href(view: string, subject = "", params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  const lang = currentRoute().params.get("lang");
  for (const [key, value] of Object.entries({ ...params, lang: params.lang ?? lang ?? undefined }))
    if (value) query.set(key, value);
  const text = query.toString();
  return `#/${view}${subject ? `/${encodeURIComponent(subject)}` : ""}${text ? `?${text}` : ""}`;
}

export function navigate(view: string, subject = "", params: Record<string, string | undefined> = {}) {
  location.hash = href(view, subject, params);
}
