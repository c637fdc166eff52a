// Confluent's wire format (magic byte, schema id, Protobuf message indexes) and the Protobuf side of
// protobuf-json: which message the indexes name in a file with nested messages, and the JSON
// printer's options (Protobuf's JsonFormat: default values, field names, map key order, whitespace).
import { describe, expect, it } from "vitest";
import {
  readConfluentFrame,
  WireFormatError,
  writeConfluentFrame,
} from "../../runtime/policies/lib/confluent.ts";
import {
  indexesOf,
  messageByIndexes,
  parseProtoSchema,
  protoToJson,
} from "../../runtime/policies/protobuf-json/proto.ts";

const PROTO = `syntax = "proto3";
package shop;
message Order {
  message Line { string sku = 1; message Tax { double rate = 1; } }
  string order_id = 1;
  repeated Line lines = 2;
  map<string, int32> counts = 3;
  int64 total_cents = 4;
}
message Refund { string reason = 1; }
`;

describe("Confluent wire format", () => {
  it.each([
    { indexes: undefined, head: [0, 0, 0, 1, 44] },
    { indexes: [0], head: [0, 0, 0, 1, 44, 0] },
    { indexes: [1], head: [0, 0, 0, 1, 44, 2, 2] },
    { indexes: [0, 0, 0], head: [0, 0, 0, 1, 44, 6, 0, 0, 0] },
  ])("indexes $indexes: header $head, read back", ({ indexes, head }) => {
    const framed = writeConfluentFrame(300, Buffer.from("xy"), indexes);
    expect([...framed]).toEqual([...head, 120, 121]);
    const read = readConfluentFrame(framed, indexes !== undefined);
    expect(read.schemaId).toBe(300);
    expect(read.indexes).toEqual(indexes);
    expect(read.payload.toString()).toBe("xy");
  });

  it.each([Buffer.from("plain"), Buffer.from([1, 0, 0, 0, 1, 0]), Buffer.from([0, 0, 0])])(
    "refuses %s without the magic byte and schema id",
    (bytes) => {
      expect(() => readConfluentFrame(bytes, false)).toThrow(WireFormatError);
    },
  );
});

describe("Protobuf message indexes", () => {
  const schema = parseProtoSchema(PROTO, false);
  it.each([
    { indexes: [0], name: "shop.Order" },
    { indexes: [1], name: "shop.Refund" },
    { indexes: [0, 0], name: "shop.Order.Line" },
    { indexes: [0, 0, 0], name: "shop.Order.Line.Tax" },
  ])("$indexes names $name, and back", ({ indexes, name }) => {
    const type = messageByIndexes(schema, indexes);
    expect(type.fullName).toBe(`.${name}`);
    expect(indexesOf(schema, type)).toEqual(indexes);
  });

  it("an index past the file's messages is an error", () => {
    expect(() => messageByIndexes(schema, [2])).toThrow(/no message at Confluent message indexes \[2\]/);
  });
});

describe("JSON printer options", () => {
  const encode = (keepCase: boolean) => {
    const { messages } = parseProtoSchema(PROTO, keepCase);
    const Order = messages[0]!;
    const value = keepCase
      ? { order_id: "o1", counts: { b: 2, a: 1 }, total_cents: "0" }
      : { orderId: "o1", counts: { b: 2, a: 1 }, totalCents: "0" };
    return { Order, bytes: Order.encode(Order.fromObject(value)).finish() };
  };

  it.each([
    {
      options: {},
      keepCase: false,
      json: '{\n  "orderId": "o1",\n  "counts": {\n    "b": 2,\n    "a": 1\n  }\n}',
    },
    {
      options: { omittingInsignificantWhitespace: true, sortingMapKeys: true },
      keepCase: false,
      json: '{"orderId":"o1","counts":{"a":1,"b":2}}',
    },
    {
      options: { omittingInsignificantWhitespace: true, includingDefaultValueFields: true },
      keepCase: true,
      json: '{"order_id":"o1","lines":[],"counts":{"b":2,"a":1},"total_cents":"0"}',
    },
  ])("$options (field names as written: $keepCase)", ({ options, keepCase, json }) => {
    const { Order, bytes } = encode(keepCase);
    expect(protoToJson(Order, bytes, options)).toBe(json);
  });

  it("a payload that is not the message fails to decode", () => {
    const { Order } = encode(false);
    expect(() => protoToJson(Order, Buffer.from([0x0a, 0xff]), {})).toThrow();
  });
});
