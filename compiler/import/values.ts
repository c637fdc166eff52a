// Small helpers over parsed JSON shared by the converters: type guards, Gravitee's enum spellings,
// names that are valid Kubernetes resource names.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `key-less`, `at-least-once`, `best-match`, `round_robin` → `KEY_LESS`, `AT_LEAST_ONCE`, … */
export function upperEnum(value: Json | undefined): Json | undefined {
  return typeof value === "string" ? value.replaceAll("-", "_").toUpperCase() : value;
}

/** Empty values Gravitee writes for "not set": `""`, `[]`, `{}`. */
export function isEmpty(value: Json | undefined): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return isObject(value) && Object.keys(value).length === 0;
}

/** A Kubernetes resource name (RFC 1123 subdomain, at most 63 characters) from a display name. */
export function resourceName(name: string, fallback = "api"): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return slug || fallback;
}

/** A name not in `taken` (adds it): `name`, `name-2`, `name-3`, … */
export function uniqueName(name: string, taken: Set<string>, separator = "-"): string {
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) candidate = `${name}${separator}${i}`;
  taken.add(candidate);
  return candidate;
}
