// Safe TypeScript identifiers from API names: DNS-1123 labels (`orders-v2`) become camelCase
// (`ordersV2`); anything else is stripped to identifier characters. Never spliced unescaped.

const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await".split(
    " ",
  ),
);

export function safeIdentifier(name: string): string {
  const camel = name
    .replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))
    .replace(/^[^A-Za-z_$]+/, "");
  const ident = camel === "" ? "api" : camel;
  return RESERVED.has(ident) ? `${ident}Api` : ident;
}
