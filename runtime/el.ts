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
  /**
   * The body as text. The gateway buffers it before running an API whose expressions read it (the
   * compiler knows which); `undefined` for bodies that stream.
   */
  content?: string;
  /** HTTP version as Gravitee names it: `HTTP_1_0`, `HTTP_1_1`, `HTTP_2`. */
  version?: string;
  /** The TLS session (`#request.ssl`); absent on clear-text connections. */
  ssl?: ElSsl;
  /** When the gateway received the request, in ms since the epoch (`#request.timestamp`). */
  timestamp?: number;
  localAddress?: string;
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

/**
 * A certificate's subject as Gravitee's EvaluableSSLPrincipal shows it: `dn` (RFC 2253 order, most
 * specific first), every attribute by its lower-case short name (`ou` → all values), and the first
 * value of each named one (`cn`, `o`, …) in `first`. Without a certificate, `defined` is false and
 * everything else is absent.
 */
export interface ElPrincipal {
  defined: boolean;
  dn?: string;
  /** All values of an attribute, by lower-case short name or OID. */
  attributes: ElMultiMap;
  /** The first value of an attribute, by Gravitee's property name (`cn`, `ou`, `emailAddress`, …). */
  first: Readonly<Record<string, string>>;
}

/** `#request.ssl` (Gravitee's EvaluableSSLSession). */
export interface ElSsl {
  clientHost?: string;
  clientPort?: number;
  client: ElPrincipal;
  server: ElPrincipal;
}

/** `#api`: the API the request runs through. */
export interface ElApi {
  id: string;
  name: string;
  version: string;
}

/**
 * `#subscription` (Gravitee's SubscriptionVariable): the subscription the request was authenticated
 * with; on a keyless plan, Gravitee's stand-in (the remote address as id, no metadata).
 */
export interface ElSubscription {
  id: string;
  /** `STANDARD` (Gravitee's Subscription.Type). */
  type: string;
  /** Empty when the subscription has none. */
  metadata: Readonly<Record<string, string>>;
  applicationName?: string;
  clientId?: string;
}

/** `#application`: the application the request was authenticated as (keyless plans: id `1`). */
export interface ElApplication {
  id: string;
  name?: string;
  /** Empty when the application has none. */
  metadata: Readonly<Record<string, string>>;
}

export interface ElContext {
  request: ElRequest;
  /** Present once a plan is selected. */
  subscription?: ElSubscription;
  /** Present once a plan is selected. */
  application?: ElApplication;
  /** `#dictionaries`: the Dictionary resources the API's expressions read, by name. */
  dictionaries?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** `#api.id`, `#api.name`, `#api.version`. */
  api?: ElApi;
  response?: ElResponse;
  /** `#context.attributes`: attributes of the current transaction (e.g. set by assign-attributes). */
  context: { attributes: Readonly<Record<string, unknown>> };
  message?: ElMessage;
  /** The API's properties (`#api.properties`, formerly `#properties`). */
  properties: Readonly<Record<string, string>>;
  /** A regular expression's match (`#group[n]`, `#groupName['name']`), where a policy offers one (url-rewriting). */
  regex?: { group: Readonly<Record<string, string>>; groupName: Readonly<Record<string, string>> };
  /**
   * `#endpoints['name']`: Gravitee's reference of each endpoint and endpoint group of the API,
   * `name:` (the http-proxy endpoint reads `name:/path` as a target: runtime/server/endpoint-target.ts).
   */
  endpoints?: Readonly<Record<string, string>>;
  /** The response of an http-callout step (`#calloutResponse`), in that step's templates. */
  callout?: { status: number; headers: ElMultiMap; content: string };
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

const NO_ENTRIES: Readonly<Record<string, string>> = Object.freeze({});

/** `#dictionaries['name']`: the dictionary's properties (an own entry only), none when it is absent. */
export function elDictionary(
  dictionaries: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined,
  name: string,
): Readonly<Record<string, string>> {
  return dictionaries !== undefined && Object.hasOwn(dictionaries, name) ? dictionaries[name]! : NO_ENTRIES;
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

/**
 * A failure SpEL reports while evaluating (comparing a string with a number, dividing by zero,
 * arithmetic on text): Gravitee fails the request, and so does the gateway. The compiler rejects
 * every such case it can see; this is the check SpEL makes at run time for values only known then.
 */
export class ElEvaluationError extends Error {
  override readonly name = "ElEvaluationError";
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "list";
  return typeof value;
}

/** Index of a list (`list[i]`): numbers as is, numeric strings parsed (Spring converts the index). */
export function elNum(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "") return Number(value);
  return Number.NaN;
}

/** An arithmetic operand known only at run time: SpEL computes with numbers only, anything else fails. */
export function elNumber(value: unknown): number {
  if (typeof value === "number") return value;
  throw new ElEvaluationError(`Arithmetic needs numbers, but this is ${typeName(value)}.`);
}

/**
 * Java's `Double.toString`: `2.0`, `0.5`, `1.0E10`, `1.0E-4` (a double in SpEL always shows a
 * fraction); null is `absent` ("" in a template, "null" in a concatenation).
 */
export function elDouble(value: number | undefined, absent = ""): string {
  if (value === undefined) return absent;
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(value);
    return text.includes(".") ? text : `${text}.0`;
  }
  const [mantissa = "", exponent = "0"] = value.toExponential().split("e");
  return `${mantissa.includes(".") ? mantissa : `${mantissa}.0`}E${exponent.replace("+", "")}`;
}

/** `*` when the left side is only known at run time: SpEL repeats text (`'ab' * 2` is `abab`), else multiplies numbers. */
export function elMul(left: unknown, right: number): string | number {
  if (typeof left === "string" && Number.isInteger(right) && right >= 0) return left.repeat(right);
  return elNumber(left) * right;
}

/** `/` on two integers (Java `int` division): truncated, and division by zero fails. */
export function elIntDiv(left: number, right: number): number {
  if (right === 0) throw new ElEvaluationError("Division by zero.");
  return Math.trunc(left / right);
}

const TRUE_WORDS = new Set(["true", "on", "yes", "1"]);
const FALSE_WORDS = new Set(["false", "off", "no", "0"]);

/**
 * An operand of `&&`, `||`, `!` or `?:` as a boolean (Spring's StringToBooleanConverter): text
 * true/on/yes/1 or false/off/no/0, any case. Anything else fails, as in Gravitee: other text
 * ("Invalid boolean value"), and null or empty text ("cannot convert from null to boolean").
 */
export function elBool(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    if (word !== "") throw new ElEvaluationError(`Invalid boolean value '${value}'.`);
  }
  throw new ElEvaluationError(`Cannot convert ${typeName(value)} to a boolean.`);
}

/** A whole condition's value: null and empty text (Spring's null) are false, anything else as elBool. */
export function elCondition(value: unknown): boolean {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === ""))
    return false;
  return elBool(value);
}

/**
 * `==` as SpEL's equality check: null equals only null (undefined counts as null); numbers compare
 * numerically, strings and booleans by value, lists item by item; values of different types are
 * never equal (`'5' == 5` is false).
 */
export function elEq(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (left === null || left === undefined || right === null || right === undefined) {
    return (left === null || left === undefined) && (right === null || right === undefined);
  }
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, i) => elEq(item, right[i]));
  }
  return false;
}

/**
 * Ordering for `<` `<=` `>` `>=` (SpEL's StandardTypeComparator): null sorts before everything;
 * numbers numerically; strings by UTF-16 code unit (Java's compareTo); booleans false < true. Any
 * other pair cannot be compared, which SpEL reports as an error.
 */
export function elCmp(left: unknown, right: unknown): number {
  const leftNull = left === null || left === undefined;
  const rightNull = right === null || right === undefined;
  if (leftNull || rightNull) return leftNull && rightNull ? 0 : leftNull ? -1 : 1;
  if (
    (typeof left === "number" && typeof right === "number") ||
    (typeof left === "string" && typeof right === "string") ||
    (typeof left === "boolean" && typeof right === "boolean")
  ) {
    return left < right ? -1 : left > right ? 1 : 0;
  }
  throw new ElEvaluationError(`Cannot compare ${typeName(left)} with ${typeName(right)}.`);
}

/** Text of a value in a concatenation (`'x' + value`): null is `"null"`, as in Java. */
export function elText(value: unknown): string {
  return value === null || value === undefined ? "null" : elStr(value);
}

/** `+` when a side's type is only known at run time (SpEL's OpPlus): numbers add, text joins, else it fails. */
export function elAdd(left: unknown, right: unknown): string | number {
  if (typeof left === "number" && typeof right === "number") return left + right;
  if (typeof left === "string" || typeof right === "string") return elText(left) + elText(right);
  throw new ElEvaluationError(`Cannot add ${typeName(left)} and ${typeName(right)}.`);
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

/** `contains(v)` on a list of strings (Java's List.contains: equals, so only a String can be contained). */
export function elListHas(list: readonly string[] | undefined, value: unknown): boolean {
  return list !== undefined && typeof value === "string" && list.includes(value);
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

/**
 * Java's `String.split(regex)`: a zero-width match at the start makes no leading empty string, and
 * trailing empty strings are removed (`"/a/b".split("/")` is `["", "a", "b"]`, `"/".split("/")` is `[]`).
 */
export function elSplit(text: string, pattern: RegExp): string[] {
  const parts: string[] = [];
  const global = new RegExp(
    pattern.source,
    pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`,
  );
  let last = 0;
  for (const match of text.matchAll(global)) {
    const at = match.index;
    if (match[0] === "") {
      if (at === 0 || at >= text.length) continue;
    }
    parts.push(text.slice(last, at));
    last = at + match[0].length;
  }
  parts.push(text.slice(last));
  if (parts.length === 1) return parts;
  while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

/** Java's `charAt(i)`: one UTF-16 unit; an index out of range fails, as in Java. */
export function elCharAt(text: string, index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= text.length)
    throw new ElEvaluationError(`charAt(${index}) is out of range for a string of length ${text.length}.`);
  return text.charAt(index);
}

/** `Integer.parseInt` / `Long.parseLong`: an optional sign and decimal digits in range, else it fails. */
export function elParseInt(value: unknown, bits: 32 | 64 = 32): number {
  const text = typeof value === "string" ? value : elText(value);
  const limit = bits === 32 ? 2 ** 31 : 2 ** 63;
  const parsed = /^[+-]?[0-9]+$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isNaN(parsed) || parsed >= limit || parsed < -limit)
    throw new ElEvaluationError(`For input string: "${text}" (not a whole number).`);
  return parsed;
}

/** `Double.parseDouble`: Java's syntax (surrounding whitespace, an optional d/f suffix, NaN, Infinity). */
export function elParseDouble(value: unknown): number {
  const text = (typeof value === "string" ? value : elText(value)).trim();
  if (/^[+-]?(NaN|Infinity)$/.test(text)) return Number(text);
  const body = text.replace(/[dDfF]$/, "");
  if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(body))
    throw new ElEvaluationError(`For input string: "${text}" (not a number).`);
  return Number(body);
}

/** Java's `URLEncoder.encode(s, "UTF-8")` (form encoding: space → `+`, `*-._` and alphanumerics kept). */
export function elUrlEncode(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}

/** Java's `URLDecoder.decode(s, "UTF-8")`: `+` is a space; a malformed escape fails. */
export function elUrlDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    throw new ElEvaluationError(`URLDecoder: malformed escape in "${text}".`);
  }
}

/** `Base64.getEncoder().encodeToString(s.getBytes())`: the UTF-8 bytes of the text, standard alphabet. */
export function elBase64(text: string, alphabet: "base64" | "base64url" = "base64"): string {
  // The UTF-8 bytes, without Node's Buffer: this module is plain ECMAScript.
  const bytes = [...unescape(encodeURIComponent(text))].map((c) => c.charCodeAt(0));
  const digits =
    alphabet === "base64"
      ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
      : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = bytes.slice(i, i + 3);
    const n = (a << 16) | (b << 8) | c;
    out += digits[(n >> 18) & 63]! + digits[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? digits[(n >> 6) & 63]! : "=";
    out += i + 2 < bytes.length ? digits[n & 63]! : "=";
  }
  return out;
}

/** `T(java.util.UUID).randomUUID()`. */
export function elUuid(): string {
  // Web Crypto (a global in Node 24); declared here because this module is typed as plain ECMAScript.
  return (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto.randomUUID();
}

/** `T(java.time.LocalDate).now()` / `LocalDateTime.now()`: the gateway's clock, in UTC, as Java prints them. */
export function elNow(kind: "date" | "date-time"): string {
  const iso = new Date().toISOString();
  return kind === "date" ? iso.slice(0, 10) : iso.slice(0, 23);
}

/** `value?.method()`: null when the receiver is null (SpEL's safe navigation), else the call's result. */
export function elIsNull(value: unknown): boolean {
  return value === null || value === undefined;
}

/** `#request.jsonContent`: the body parsed as JSON (an object), or null when it is not a JSON object. */
export function elJson(text: string | undefined): unknown {
  if (text === undefined || text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ElEvaluationError("The body is not valid JSON.");
  }
}

/**
 * `#jsonPath(json, '$.a[0].b')` with the path parsed at compile time into its steps. As Gravitee
 * configures Jayway JsonPath (DEFAULT_PATH_LEAF_TO_NULL): a missing last step is null, a missing
 * step before it fails.
 */
export function elJsonPath(json: string, path: ReadonlyArray<string | number>): unknown {
  let value: unknown;
  try {
    value = JSON.parse(json) as unknown;
  } catch {
    throw new ElEvaluationError("#jsonPath: the value is not valid JSON.");
  }
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    const last = i === path.length - 1;
    let found = false;
    let next: unknown;
    if (Array.isArray(value) && typeof step === "number") {
      found = step < value.length;
      next = value[step];
    } else if (
      value !== null &&
      typeof value === "object" &&
      !Array.isArray(value) &&
      typeof step === "string"
    ) {
      found = Object.hasOwn(value, step);
      next = found ? (value as Record<string, unknown>)[step] : undefined;
    } else {
      throw new ElEvaluationError(
        `#jsonPath: no ${typeof step === "number" ? `[${step}]` : `'${step}'`} here.`,
      );
    }
    if (!found) {
      if (last) return undefined;
      throw new ElEvaluationError(`#jsonPath: missing property '${String(step)}'.`);
    }
    value = next;
  }
  return value;
}

/** `#message.contentLength`: the content's size in bytes (UTF-8), null without a message. */
export function elUtf8Length(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** `#message.attributeNames`: the names of a record's own entries, null without one. */
export function elKeys(record: Readonly<Record<string, unknown>> | undefined): readonly string[] | undefined {
  return record === undefined ? undefined : Object.keys(record);
}

/** `value instanceof T(…)` for a value only known at run time (null is an instance of nothing). */
export function elInstanceOf(
  value: unknown,
  kind: "string" | "int" | "double" | "number" | "boolean" | "object" | "list" | "map",
): boolean {
  if (value === null || value === undefined) return false;
  switch (kind) {
    case "string":
      return typeof value === "string";
    case "int":
      return typeof value === "number" && Number.isInteger(value);
    case "double":
      return typeof value === "number" && !Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "list":
      return Array.isArray(value);
    case "map":
      return value instanceof Map || (typeof value === "object" && !Array.isArray(value));
    case "object":
      return true;
  }
}
