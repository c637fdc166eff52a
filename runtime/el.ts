// The run-time side of Gravitee Expression Language. Expressions are compiled ahead of time by
// compiler/expression into plain TypeScript arrow functions typed against `ElContext`; this module is
// the contract those functions read, plus the few pure helpers they call where SpEL's loose typing
// cannot be decided at compile time (values of context attributes, null-safe conversions).
// Nothing here parses or interprets EL: there is no eval and no interpreter at run time.
// The semantics (and where they differ from Gravitee) are documented in docs/expression-language.md.

/**
 * A multi-valued, read-only map such as headers or query parameters: all values of one name, or
 * `undefined` when absent. A function rather than an object so adapters can read their native
 * structure lazily. For headers the compiler always passes a lower-case name, so an adapter over
 * Node's (already lower-cased) `IncomingHttpHeaders` needs no case folding at run time.
 */
export type ElMultiMap = (name: string) => readonly string[] | undefined;

/** `#request` (Gravitee 4.x `EvaluableRequest`). */
export interface ElRequest {
  id: string;
  transactionId: string;
  /** Upper-case HTTP method, e.g. `GET`. */
  method: string;
  scheme: string;
  host: string;
  /** Full request path, e.g. `/v2/store/MyStore`. */
  path: string;
  /** Path below the API's context path, e.g. `/store/MyStore`. */
  pathInfo: string;
  contextPath: string;
  /** Path and query string, e.g. `/v2/store/MyStore?order=100`. */
  uri: string;
  remoteAddress: string;
  /** Called with a lower-case header name. */
  headers: ElMultiMap;
  /** Query parameters (`#request.params`, as in Gravitee 4.x). */
  params: ElMultiMap;
  /** Path parameters of the matched route (`#request.pathParams`). */
  pathParams: ElMultiMap;
  /** The buffered body, when the flow buffers it; `undefined` for streamed bodies. */
  content?: string;
}

/** `#response`: present once the endpoint has answered. */
export interface ElResponse {
  status: number;
  /** Called with a lower-case header name. */
  headers: ElMultiMap;
  content?: string;
}

/** `#message`: present in message (event-native) flows. */
export interface ElMessage {
  id: string;
  content: string;
  /** Called with a lower-case header name. */
  headers: ElMultiMap;
  metadata: Readonly<Record<string, unknown>>;
  attributes: Readonly<Record<string, unknown>>;
  error: boolean;
}

export interface ElContext {
  request: ElRequest;
  response?: ElResponse;
  /** `#context.attributes`: attributes of the current transaction (e.g. set by assign-attributes). */
  context: { attributes: Readonly<Record<string, unknown>> };
  message?: ElMessage;
  /** The API's properties (`#api.properties`, formerly `#properties`). */
  properties: Readonly<Record<string, string>>;
}

/** Build an `ElMultiMap` over a plain record; keys are folded to lower case when `lowerCaseKeys`. */
export function elMultiMap(
  record: Readonly<Record<string, string | readonly string[] | undefined>>,
  lowerCaseKeys = false,
): ElMultiMap {
  const values = new Map<string, readonly string[]>();
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    const name = lowerCaseKeys ? key.toLowerCase() : key;
    values.set(name, [...(values.get(name) ?? []), ...(typeof value === "string" ? [value] : value)]);
  }
  return (name) => values.get(name);
}

/** Text of a value as templates render it: null → "", lists joined with "," (like Spring's conversion). */
export function elStr(value: unknown): string {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "undefined":
      return "";
    case "object":
      if (value === null) return "";
      if (Array.isArray(value)) return value.map(elStr).join(",");
      try {
        return JSON.stringify(value) ?? "";
      } catch {
        return "";
      }
    default:
      return "";
  }
}

/** Number of a value: numbers as is, numeric strings parsed; anything else is NaN (never equal, never ordered). */
export function elNum(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "") return Number(value);
  return Number.NaN;
}

const TRUE_WORDS = new Set(["true", "on", "yes", "1"]);

/** Boolean of a value: booleans as is, strings true/on/yes/1 (Spring's String→Boolean); anything else is false. */
export function elBool(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return TRUE_WORDS.has(value.trim().toLowerCase());
  return false;
}

/**
 * `==`: null equals only null (undefined counts as null); same types compare by value (lists element
 * by element); a number and a string compare as numbers; a boolean and a string as text; else false.
 */
export function elEq(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (left === null || left === undefined || right === null || right === undefined) {
    return (left === null || left === undefined) && (right === null || right === undefined);
  }
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, i) => elEq(item, right[i]));
  }
  if (typeof left === "number" && typeof right === "string") return left === elNum(right);
  if (typeof left === "string" && typeof right === "number") return elNum(left) === right;
  if (typeof left === "boolean" && typeof right === "string") return String(left) === right;
  if (typeof left === "string" && typeof right === "boolean") return left === String(right);
  return false;
}

/**
 * Ordering for `<` `<=` `>` `>=`: negative, zero or positive, or NaN when the values cannot be ordered
 * (null, booleans, objects), which makes every comparison false. Strings compare by UTF-16 code unit
 * (like Java's compareTo); a number and a string compare as numbers.
 */
export function elCmp(left: unknown, right: unknown): number {
  let a: number | string;
  let b: number | string;
  if (typeof left === "string" && typeof right === "string") {
    a = left;
    b = right;
  } else if (
    (typeof left === "number" || typeof left === "string") &&
    (typeof right === "number" || typeof right === "string")
  ) {
    a = elNum(left);
    b = elNum(right);
  } else {
    return Number.NaN;
  }
  if (a < b) return -1;
  if (a > b) return 1;
  return a === b ? 0 : Number.NaN;
}

/** `+` when a side's type is only known at run time: text if either side is a string, else a number. */
export function elAdd(left: unknown, right: unknown): string | number {
  if (typeof left === "string" || typeof right === "string") return elStr(left) + elStr(right);
  return elNum(left) + elNum(right);
}

/** `matches`: the compiler anchors and translates the Java pattern; null never matches. */
export function elMatches(value: unknown, pattern: RegExp): boolean {
  return value !== null && value !== undefined && pattern.test(elStr(value));
}

/** SpEL's Elvis `a ?: b`: the fallback when the value is null or an empty string. */
export function elElvis<T, U>(value: T | null | undefined, fallback: U): T | U {
  return value === null || value === undefined || value === "" ? fallback : value;
}

/** `value[key]` / `value.key` on a value whose shape is only known at run time (own properties only). */
export function elGet(value: unknown, key: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const index = typeof key === "number" ? key : elNum(key);
    return Number.isInteger(index) ? value[index] : undefined;
  }
  if (value instanceof Map) return value.get(key);
  if (typeof value === "object") {
    const name = elStr(key);
    return Object.hasOwn(value, name) ? (value as Readonly<Record<string, unknown>>)[name] : undefined;
  }
  return undefined;
}

/** A record entry by a key that may collide with Object.prototype (`constructor`, `__proto__`, …). */
export function elOwn<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** `containsKey(k)` on a record. */
export function elHas(record: Readonly<Record<string, unknown>> | undefined, key: string): boolean {
  return record !== undefined && Object.hasOwn(record, key);
}

/** `contains(v)` on a list of strings; null is never contained. */
export function elListHas(list: readonly string[] | undefined, value: unknown): boolean {
  return list !== undefined && value !== null && value !== undefined && list.includes(elStr(value));
}

/** Java's `String.replace(target, replacement)`: every occurrence, both sides literal. */
export function elReplace(text: string, target: string, replacement: string): string {
  return text.replaceAll(target, () => replacement);
}

/** `contains(x)` on a value only known at run time: list membership, or substring of its text. */
export function elContains(value: unknown, item: unknown): boolean {
  if (Array.isArray(value)) return value.some((element) => elEq(element, item));
  if (value === null || value === undefined || item === null || item === undefined) return false;
  return elStr(value).includes(elStr(item));
}

/** `size()` on a value only known at run time: list, map or object entries, or text length. */
export function elSize(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value instanceof Map) return value.size;
  if (value !== null && typeof value === "object") return Object.keys(value).length;
  return elStr(value).length;
}
