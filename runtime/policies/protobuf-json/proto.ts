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
  const sorted = options.sortingMapKeys ? sortMaps(type, value) : value;
  return JSON.stringify(sorted, null, options.omittingInsignificantWhitespace ? undefined : 2);
}

function sortMaps(type: protobuf.Type, value: Record<string, unknown>): Record<string, unknown> {
  for (const field of type.fieldsArray) {
    const v = value[field.name];
    if (v === null || typeof v !== "object") continue;
    if (field.map) {
      const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
        a < b ? -1 : a > b ? 1 : 0,
      );
      value[field.name] = Object.fromEntries(
        field.resolvedType instanceof protobuf.Type
          ? entries.map(([k, e]) => [
              k,
              sortMaps(field.resolvedType as protobuf.Type, e as Record<string, unknown>),
            ])
          : entries,
      );
    } else if (field.resolvedType instanceof protobuf.Type) {
      const nested = field.resolvedType;
      value[field.name] = Array.isArray(v)
        ? v.map((e) => sortMaps(nested, e as Record<string, unknown>))
        : sortMaps(nested, v as Record<string, unknown>);
    }
  }
  return value;
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
