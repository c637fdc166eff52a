// Content negotiation of the `http-get` entrypoint, as Gravitee's HttpGetEntrypointConnector does it:
// the Accept values are sorted by q-value (stable, so equal weights keep their order) and the first
// of application/json, application/xml and text/plain wins; failing that, a leading `*/*` means JSON
// and an absent or empty Accept means text/plain; anything else is a 400. One difference: a browser
// navigation, which prefers text/html and lists XML as a fallback, gets JSON.
// RFC 9110 §12.5.1 (Accept); gravitee-entrypoint-http-get `selectContentType`.

export type MessageFormat = "application/json" | "application/xml" | "text/plain";

const SUPPORTED: readonly string[] = ["application/json", "application/xml", "text/plain"];

interface MediaRange {
  type: string;
  q: number;
}

function parse(values: readonly string[]): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const value of values) {
    for (const part of value.split(",")) {
      const [type = "", ...params] = part.split(";").map((s) => s.trim());
      if (type === "") continue;
      let q = 1;
      for (const p of params) {
        const eq = p.indexOf("=");
        if (eq > 0 && p.slice(0, eq).trim().toLowerCase() === "q") {
          const n = Number(p.slice(eq + 1).trim());
          if (Number.isFinite(n)) q = n;
        }
      }
      ranges.push({ type: type.toLowerCase(), q });
    }
  }
  return ranges;
}

/**
 * The response format for the request's Accept header values (one entry per Accept header line),
 * or `undefined` when none is acceptable (the caller answers 400).
 */
export function negotiateFormat(values: readonly string[] | undefined): MessageFormat | undefined {
  // `q=0` means "not acceptable" (RFC 9110 §12.4.2): such a range never selects a format.
  const ranges = parse(values ?? [])
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q);
  const supported = ranges.find((r) => SUPPORTED.includes(r.type));
  // A browser navigation (Chrome: `text/html,…,application/xml;q=0.9,*/*;q=0.8`) prefers HTML,
  // which no message format is; it lists XML only as a fallback, so it gets JSON, which browsers
  // display. XML ranked strictly above HTML is an explicit choice and keeps XML. (Gravitee: XML.)
  const html = ranges.find((r) => r.type === "text/html");
  if (supported?.type === "application/xml" && html && html.q >= supported.q) return "application/json";
  if (supported) return supported.type as MessageFormat;
  const best = ranges[0];
  if (!best) return (values ?? []).some((v) => v.trim() !== "") ? undefined : "text/plain";
  return best.type === "*/*" ? "application/json" : undefined;
}

/** Gravitee's 400 message: the Accept values as a Java list (`[a, b]`). */
export function unsupportedAcceptMessage(values: readonly string[] | undefined): string {
  return `Unsupported accept header: [${(values ?? []).join(", ")}]`;
}
