// The Protobuf side of `protobuf-json`: a .proto file parsed with protobufjs (also by the compiler,
// which reports a bad file on its line), the message type chosen by name or by Confluent's message
// indexes, and the proto3 JSON mapping with the options of Gravitee's (Java JsonFormat) printer.
import protobuf from "protobufjs";

export class ProtoSchemaError extends Error {}

export interface ProtoSchema {
  readonly root: protobuf.Root;
  /** The file's top-level messages, in declaration order (Confluent's first message index). */
  readonly messages: readonly protobuf.Type[];
}

/** Parses a .proto file's text; `keepCase` keeps field names as written (else lowerCamelCase). */
export function parseProtoSchema(text: string, keepCase: boolean): ProtoSchema {
  let root: protobuf.Root;
  try {
    root = protobuf.parse(text, { keepCase }).root;
    root.resolveAll();
  } catch (error) {
    throw new ProtoSchemaError(`invalid .proto schema: ${(error as Error).message}`);
  }
  const messages: protobuf.Type[] = [];
  const walk = (ns: protobuf.NamespaceBase): void => {
    for (const nested of ns.nestedArray) {
      if (nested instanceof protobuf.Type) messages.push(nested);
      else if (nested instanceof protobuf.Namespace) walk(nested);
    }
  };
  walk(root);
  if (messages.length === 0) throw new ProtoSchemaError("the .proto schema declares no message");
  return { root, messages };
}

/** A message type by name (fully qualified or as declared), for the compiler's check too. */
export function messageByName(schema: ProtoSchema, name: string): protobuf.Type {
  try {
    return schema.root.lookupType(name);
  } catch {
    throw new ProtoSchemaError(
      `no message \`${name}\` in the .proto schema (it declares ${schema.messages.map((m) => m.fullName.slice(1)).join(", ")})`,
    );
  }
}

/** The message type Confluent's indexes point at: the file's top-level message, then nested ones. */
export function messageByIndexes(schema: ProtoSchema, indexes: readonly number[]): protobuf.Type {
  let type = schema.messages[indexes[0] ?? 0];
  for (const index of indexes.slice(1)) {
    type = type?.nestedArray.filter((n): n is protobuf.Type => n instanceof protobuf.Type)[index];
  }
  if (!type) throw new Error(`no message at Confluent message indexes [${indexes.join(", ")}]`);
  return type;
}

/** Confluent's message indexes of `type` in its file. */
export function indexesOf(schema: ProtoSchema, type: protobuf.Type): number[] {
  const path: number[] = [];
  let current: protobuf.Type = type;
  while (current.parent instanceof protobuf.Type) {
    const parent: protobuf.Type = current.parent;
    path.unshift(parent.nestedArray.filter((n) => n instanceof protobuf.Type).indexOf(current));
    current = parent;
  }
  path.unshift(schema.messages.indexOf(current));
  return path;
}

export interface JsonPrinterOptions {
  includingDefaultValueFields?: boolean;
  sortingMapKeys?: boolean;
  omittingInsignificantWhitespace?: boolean;
}

/** Decodes a Protobuf payload of `type` to JSON text (proto3 JSON mapping). */
export function protoToJson(type: protobuf.Type, bytes: Uint8Array, options: JsonPrinterOptions): string {
  const message = type.decode(bytes);
  const defaults = options.includingDefaultValueFields === true;
  const value = type.toObject(message, {
    longs: String,
    enums: String,
    bytes: String,
    defaults,
    arrays: defaults,
    objects: defaults,
    json: true,
  });
  const ordered = inFieldOrder(type, value, options.sortingMapKeys === true);
  return JSON.stringify(ordered, null, options.omittingInsignificantWhitespace ? undefined : 2);
}

/** The message's members in field order (as Protobuf's printer), map keys sorted on request. */
function inFieldOrder(
  type: protobuf.Type,
  value: Record<string, unknown>,
  sortKeys: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    if (!Object.hasOwn(value, field.name)) continue;
    const v = value[field.name];
    const nested = field.resolvedType instanceof protobuf.Type ? field.resolvedType : undefined;
    const shape = (e: unknown) =>
      nested && e !== null && typeof e === "object"
        ? inFieldOrder(nested, e as Record<string, unknown>, sortKeys)
        : e;
    if (field.map && v !== null && typeof v === "object") {
      const entries = Object.entries(v as Record<string, unknown>);
      if (sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      out[field.name] = Object.fromEntries(entries.map(([k, e]) => [k, shape(e)]));
    } else out[field.name] = Array.isArray(v) ? v.map(shape) : shape(v);
  }
  return out;
}

/** JSON text → a Protobuf payload of `type`; fields the type does not have are an error. */
export function jsonToProto(type: protobuf.Type, json: string): Uint8Array {
  const value: unknown = JSON.parse(json);
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new Error("the JSON is not an object");
  const known = new Set(type.fieldsArray.flatMap((f) => [f.name, protobuf.util.camelCase(f.name)]));
  const unknown = Object.keys(value).find((k) => !known.has(k));
  if (unknown !== undefined) throw new Error(`no field \`${unknown}\` in ${type.fullName.slice(1)}`);
  return type.encode(type.fromObject(value as Record<string, unknown>)).finish();
}
