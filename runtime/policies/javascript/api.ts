// What a `javascript` policy's script sees — Gravitee's bindings (gravitee-policy-javascript:
// `request`, `response`, `message`, `context`, `result`, `State`, `print`), as TypeScript types the
// compiler checks each script against (the script is emitted as the body of a `JavascriptScript`
// into `generated/scripts/<api>.js`, see docs/policies/javascript in docs/policies.md), and the
// objects that implement them over an Exchange or a Message.
// https://github.com/gravitee-io/gravitee-policy-javascript
import type { Exchange, Message } from "../../contract.ts";

/** Gravitee's `HttpHeaders` as a script sees it (names are case-insensitive). */
export interface ScriptHeaders {
  /** The first value, or null. */
  get(name: string): string | null;
  getAll(name: string): string[];
  /** Replaces the header's values. */
  set(name: string, value: unknown): ScriptHeaders;
  /** Adds a value. */
  add(name: string, value: unknown): ScriptHeaders;
  /** Replaces the header's values; returns the previous ones. */
  put(name: string, value: unknown): string[] | null;
  remove(name: string): ScriptHeaders;
  containsKey(name: string): boolean;
  contains(name: string): boolean;
  clear(): void;
  isEmpty(): boolean;
  size(): number;
  keySet(): string[];
  names(): string[];
  forEach(
    consumer: (entry: { key: string; value: string[]; getKey(): string; getValue(): string[] }) => void,
  ): void;
}

/** Gravitee's `MultiValueMap` (query and path parameters). */
export interface ScriptMultiMap {
  getFirst(name: string): string | null;
  get(name: string): string[] | null;
  add(name: string, value: unknown): void;
  set(name: string, value: unknown): void;
  put(name: string, values: readonly unknown[]): string[] | null;
  remove(name: string): string[] | null;
  containsKey(name: string): boolean;
  isEmpty(): boolean;
  size(): number;
  keySet(): string[];
  toSingleValueMap(): Record<string, string>;
}

export interface ScriptRequest {
  /** The body, when the policy reads content (`readContent`, or a v2 content script). */
  readonly content: string;
  readonly id: string;
  readonly transactionId: string;
  readonly clientIdentifier: string;
  readonly uri: string;
  readonly host: string;
  readonly originalHost: string;
  readonly path: string;
  readonly pathInfo: string;
  readonly contextPath: string;
  readonly parameters: ScriptMultiMap;
  readonly pathParameters: ScriptMultiMap;
  readonly headers: ScriptHeaders;
  readonly method: string;
  readonly scheme: string;
  readonly version: string;
  readonly timestamp: number;
  readonly remoteAddress: string;
  readonly localAddress: string;
}

export interface ScriptResponse {
  /** The body, when the policy reads content. */
  readonly content: string;
  /** The status sent to the client; assign to change it. */
  status: number;
  readonly headers: ScriptHeaders;
}

/** `context.attributes`: property access (`attributes.name`, `attributes['name']`) or Map methods. */
export interface ScriptAttributes {
  // biome-ignore lint/suspicious/noExplicitAny: an attribute holds any value, and scripts are JavaScript
  get(name: string): any;
  set(name: string, value: unknown): void;
  put(name: string, value: unknown): void;
  remove(name: string): void;
  containsKey(name: string): boolean;
  size(): number;
  keySet(): string[];
  // biome-ignore lint/suspicious/noExplicitAny: a Gravitee attribute holds any value; scripts are JavaScript
  [name: string]: any;
}

export interface ScriptContext {
  readonly attributes: ScriptAttributes;
  // biome-ignore lint/suspicious/noExplicitAny: an attribute holds any value, and scripts are JavaScript
  getAttribute(name: string): any;
  setAttribute(name: string, value: unknown): void;
  putAttribute(name: string, value: unknown): void;
  removeAttribute(name: string): void;
  getAttributeNames(): string[];
  /** The API's properties. */
  properties(): Record<string, string>;
  /** The Dictionaries linked into the API. */
  dictionaries(): Record<string, Record<string, string>>;
}

export interface ScriptMessage {
  readonly id: string | undefined;
  readonly correlationId: string | undefined;
  readonly headers: ScriptHeaders;
  readonly metadata: Record<string, string | number | boolean>;
  readonly attributes: ScriptAttributes;
  readonly content: string;
  readonly contentAsBase64: string;
  readonly contentAsByteArray: Uint8Array;
}

/** Gravitee's `PolicyResult.State`. */
export const State = { SUCCESS: "SUCCESS", FAILURE: "FAILURE" } as const;
export type ScriptState = (typeof State)[keyof typeof State];

/** `result`: set `state` to `State.FAILURE` to end the exchange with `code`, `error`, `key`, `contentType`. */
export interface ScriptResult {
  state: ScriptState;
  code: number;
  error: string | undefined;
  key: string | undefined;
  contentType: string | undefined;
}

/**
 * A script, compiled: Gravitee's bindings as parameters. Its value is the script's last
 * expression statement (the content written back when `overrideContent` is on).
 */
export type JavascriptScript = (
  request: ScriptRequest,
  response: ScriptResponse,
  message: ScriptMessage,
  context: ScriptContext,
  result: ScriptResult,
  State: { readonly SUCCESS: "SUCCESS"; readonly FAILURE: "FAILURE" },
  print: (...values: unknown[]) => void,
) => unknown;

/** Gravitee's header API over a plain record of lists (the message's headers). */
export function listHeaders(target: Record<string, string[]>): ScriptHeaders {
  const find = (name: string) => Object.keys(target).filter((k) => k.toLowerCase() === name.toLowerCase());
  return headerApi({
    names: () => Object.keys(target),
    values: (name) => find(name).flatMap((k) => target[k] ?? []),
    write: (name, values) => {
      for (const k of find(name)) delete target[k];
      if (values) target[name] = [...values];
    },
  });
}

interface HeaderStore {
  names(): string[];
  values(name: string): string[];
  /** `null` removes the header. */
  write(name: string, values: readonly string[] | null): void;
}

export function headerApi(store: HeaderStore): ScriptHeaders {
  // Values are converted as Nashorn converts them to Java strings.
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : [String(v)]);
  const api: ScriptHeaders = {
    get: (name) => store.values(name)[0] ?? null,
    getAll: (name) => store.values(name),
    set(name, value) {
      store.write(name, list(value));
      return api;
    },
    add(name, value) {
      store.write(name, [...store.values(name), String(value)]);
      return api;
    },
    put(name, value) {
      const previous = store.values(name);
      store.write(name, list(value));
      return previous.length > 0 ? previous : null;
    },
    remove(name) {
      store.write(name, null);
      return api;
    },
    containsKey: (name) => store.values(name).length > 0,
    contains: (name) => store.values(name).length > 0,
    clear: () => {
      for (const name of store.names()) store.write(name, null);
    },
    isEmpty: () => store.names().length === 0,
    size: () => store.names().length,
    keySet: () => store.names(),
    names: () => store.names(),
    forEach(consumer) {
      for (const key of store.names()) {
        const value = store.values(key);
        consumer({ key, value, getKey: () => key, getValue: () => value });
      }
    },
  };
  return api;
}

/** The upstream request's headers: the client's, overlaid by what policies set (contract.ts). */
export function upstreamHeaders(exchange: Exchange): ScriptHeaders {
  const overrides = exchange.upstreamHeaders;
  const incoming = exchange.request.headers;
  const names = () => {
    const out = new Set(Object.keys(incoming).filter((n) => !n.startsWith(":")));
    for (const [name, value] of Object.entries(overrides)) {
      if (value === null) out.delete(name);
      else out.add(name);
    }
    return [...out];
  };
  return headerApi({
    names,
    values(name) {
      const lower = name.toLowerCase();
      if (Object.hasOwn(overrides, lower)) {
        const v = overrides[lower];
        return v === null || v === undefined ? [] : v.split(", ");
      }
      const v = incoming[lower];
      return v === undefined ? [] : Array.isArray(v) ? v : [String(v)];
    },
    write(name, values) {
      overrides[name.toLowerCase()] = values === null || values.length === 0 ? null : values.join(", ");
    },
  });
}

export function responseHeaders(exchange: Exchange): ScriptHeaders {
  const response = exchange.response;
  return headerApi({
    names: () => response.getHeaderNames(),
    values(name) {
      const v = response.getHeader(name);
      return v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];
    },
    write(name, values) {
      if (values === null || values.length === 0) response.removeHeader(name);
      else response.setHeader(name, values.length === 1 ? values[0]! : [...values]);
    },
  });
}

/** A Map-like view of a record that also answers property access, as Nashorn gives Java maps. */
export function attributesApi(target: Record<string, unknown>): ScriptAttributes {
  const methods: Record<string, unknown> = {
    get: (name: string) => target[name],
    set: (name: string, value: unknown) => {
      target[name] = value;
    },
    put: (name: string, value: unknown) => {
      target[name] = value;
    },
    remove: (name: string) => {
      delete target[name];
    },
    containsKey: (name: string) => Object.hasOwn(target, name),
    size: () => Object.keys(target).length,
    keySet: () => Object.keys(target),
  };
  return new Proxy(target, {
    get: (t, key) =>
      typeof key === "string" && Object.hasOwn(methods, key) && !Object.hasOwn(t, key)
        ? methods[key]
        : Reflect.get(t, key),
  }) as ScriptAttributes;
}

/** Gravitee's query parameters over a URLSearchParams (changes are written back by `onChange`). */
export function multiMap(params: Map<string, string[]>, onChange: () => void = () => {}): ScriptMultiMap {
  return {
    getFirst: (name) => params.get(name)?.[0] ?? null,
    get: (name) => params.get(name) ?? null,
    add(name, value) {
      params.set(name, [...(params.get(name) ?? []), String(value)]);
      onChange();
    },
    set(name, value) {
      params.set(name, [String(value)]);
      onChange();
    },
    put(name, values) {
      const previous = params.get(name) ?? null;
      params.set(name, [...values].map(String));
      onChange();
      return previous;
    },
    remove(name) {
      const previous = params.get(name) ?? null;
      params.delete(name);
      onChange();
      return previous;
    },
    containsKey: (name) => params.has(name),
    isEmpty: () => params.size === 0,
    size: () => params.size,
    keySet: () => [...params.keys()],
    toSingleValueMap: () => Object.fromEntries([...params].map(([k, v]) => [k, v[0] ?? ""])),
  };
}

export function newResult(): ScriptResult {
  return { state: State.SUCCESS, code: 500, error: undefined, key: undefined, contentType: undefined };
}

export function messageApi(message: Message): ScriptMessage {
  message.attributes ??= {};
  return {
    get id() {
      return message.id;
    },
    get correlationId() {
      return message.id;
    },
    headers: listHeaders(message.headers),
    metadata: message.metadata,
    attributes: attributesApi(message.attributes),
    get content() {
      return message.content.toString("utf8");
    },
    get contentAsBase64() {
      return message.content.toString("base64");
    },
    get contentAsByteArray() {
      return new Uint8Array(message.content);
    },
  };
}
