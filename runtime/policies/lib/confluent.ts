// Confluent's Schema Registry wire format, as its Kafka serializers write it and Gravitee's avro-json
// and protobuf-json policies read it: a magic byte 0, the schema id (4 bytes, big-endian), for
// Protobuf the message indexes (which message of the .proto file: a zig-zag varint count, then each
// index; `[0]` is written as the single byte 0), then the serialized payload.
// https://docs.confluent.io/platform/current/schema-registry/fundamentals/serdes-develop/index.html#wire-format
import protobuf from "protobufjs/minimal.js";

export const CONFLUENT_MAGIC_BYTE = 0;

export class WireFormatError extends Error {}

export interface ConfluentFrame {
  schemaId: number;
  /** Protobuf only: the path of message indexes into the schema (`[0]`: its first message). */
  indexes?: number[];
  payload: Buffer;
}

/** Reads a framed payload; `protobuf` reads the message indexes after the schema id. */
export function readConfluentFrame(bytes: Buffer, protobufIndexes: boolean): ConfluentFrame {
  if (bytes.length < 5 || bytes[0] !== CONFLUENT_MAGIC_BYTE)
    throw new WireFormatError("not in Confluent's wire format (no magic byte 0 and schema id)");
  const schemaId = bytes.readUInt32BE(1);
  if (!protobufIndexes) return { schemaId, payload: bytes.subarray(5) };
  const reader = protobuf.Reader.create(bytes.subarray(5));
  const count = reader.sint32();
  if (count < 0 || count > 64) throw new WireFormatError("invalid Confluent message indexes");
  const indexes = count === 0 ? [0] : Array.from({ length: count }, () => reader.sint32());
  return { schemaId, indexes, payload: bytes.subarray(5 + reader.pos) };
}

/** Frames `payload` with the schema id (and, for Protobuf, the message indexes). */
export function writeConfluentFrame(
  schemaId: number,
  payload: Uint8Array,
  indexes?: readonly number[],
): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt8(CONFLUENT_MAGIC_BYTE, 0);
  head.writeUInt32BE(schemaId >>> 0, 1);
  if (!indexes) return Buffer.concat([head, payload]);
  const writer = protobuf.Writer.create();
  if (indexes.length === 1 && indexes[0] === 0) writer.sint32(0);
  else {
    writer.sint32(indexes.length);
    for (const index of indexes) writer.sint32(index);
  }
  return Buffer.concat([head, writer.finish(), payload]);
}
