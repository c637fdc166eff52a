// The Avro side of `avro-json`: a schema parsed with avsc (also by the compiler, which reports a bad
// schema on its line), values decoded to JSON the way Avro's GenericData prints them (records as
// objects, unions unwrapped, enums as their symbol, bytes as text) and JSON encoded back.
import avsc from "avsc";

export class AvroSchemaError extends Error {}

export type AvroType = ReturnType<typeof avsc.Type.forSchema>;

/** Parses an Avro schema given as JSON text (a primitive's name, `"string"`, is JSON too). */
export function parseAvroSchema(text: string): AvroType {
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (error) {
    throw new AvroSchemaError(`the Avro schema is not JSON: ${(error as Error).message}`);
  }
  try {
    return avsc.Type.forSchema(schema as Parameters<typeof avsc.Type.forSchema>[0]);
  } catch (error) {
    throw new AvroSchemaError(`invalid Avro schema: ${(error as Error).message}`);
  }
}

const jsonValue = (_key: string, value: unknown): unknown => {
  if (value !== null && typeof value === "object" && (value as { type?: unknown }).type === "Buffer")
    return Buffer.from((value as { data: number[] }).data).toString("latin1");
  return value;
};

/** Avro binary (the whole buffer, nothing after it) → JSON text. */
export function avroToJson(type: AvroType, bytes: Buffer): string {
  return JSON.stringify(type.fromBuffer(bytes), jsonValue);
}

/** JSON text → Avro binary; throws naming the first path that does not fit the schema. */
export function jsonToAvro(type: AvroType, json: string): Buffer {
  const value: unknown = JSON.parse(json);
  const paths: string[] = [];
  if (!type.isValid(value, { errorHook: (path: string[]) => paths.push(path.join(".") || "(root)") }))
    throw new Error(`the JSON does not match the Avro schema at ${paths[0] ?? "(root)"}`);
  return type.toBuffer(value);
}
