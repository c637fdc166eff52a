// Gravitee's response templates (`spec.responseTemplates`): an error raised with a key — a plan's
// `GATEWAY_PLAN_UNRESOLVABLE` or `API_KEY_INVALID`, a policy's `RATE_LIMIT_TOO_MANY_REQUESTS` … — is
// answered with the API's template for that key (else its `DEFAULT` template) instead of the
// gateway's own body. Within a key, the template is chosen by the client's Accept header as
// Gravitee does: the first accepted media type (by q-value) that has a template, else `*/*`; no
// match leaves the error as it was. The template sets the status (the error's when absent), the
// headers and the body (EL evaluated against the exchange); without a body the response is empty.
import type { Exchange, GatewayError, ResponseTemplates } from "../contract.ts";

export interface TemplatedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function applyResponseTemplate(
  templates: ResponseTemplates | undefined,
  error: GatewayError,
  exchange: Exchange,
): TemplatedResponse | undefined {
  if (!templates) return undefined;
  const byType =
    (error.key !== undefined && Object.hasOwn(templates, error.key) ? templates[error.key] : undefined) ??
    (Object.hasOwn(templates, "DEFAULT") ? templates.DEFAULT : undefined);
  if (!byType) return undefined;
  const accept = exchange.request.headers.accept;
  const mediaType = acceptedTypes(typeof accept === "string" ? accept : "*/*").find((t) =>
    Object.hasOwn(byType, t),
  );
  const template = byType[mediaType ?? "*/*"] ?? (Object.hasOwn(byType, "*/*") ? byType["*/*"] : undefined);
  if (!template) return undefined;
  const el = () => exchange.el();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(template.headers ?? {}))
    headers[name.toLowerCase()] = typeof value === "function" ? value(el()) : value;
  const body =
    template.body === undefined
      ? ""
      : typeof template.body === "function"
        ? template.body(el())
        : template.body;
  if (body !== "" && headers["content-type"] === undefined && mediaType && mediaType !== "*/*")
    headers["content-type"] = mediaType;
  return { status: template.status ?? error.status, headers, body };
}

/** The media types of an Accept header, most preferred first (q-values, then order). */
function acceptedTypes(accept: string): string[] {
  return accept
    .split(",")
    .map((part, index) => {
      const [type = "", ...params] = part.split(";").map((p) => p.trim());
      const q = params.find((p) => p.startsWith("q="));
      return { type: type.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((t) => t.type !== "" && t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((t) => t.type);
}
