// `protobuf-json` (Gravitee's gravitee-policy-protobuf-json): Protobuf ↔ JSON on bodies (request,
// response) and messages (publish, subscribe). The schema is a .proto file inline
// (`protobufIn.inlineIn.schemaDefinition`, `protobufOut.inlineOut…`) or, in Sluice, a file of the
// repository (`schemaFile`, inlined by the compiler, which parses it); `schema-registry` is a compile
// error. The message type is `messageType`, else the one Confluent's message indexes name, else the
// file's first message. https://documentation.gravitee.io/apim/policies/protobuf-to-json
import { definePolicy } from "../../define.ts";
import type { ProtobufJsonPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { readConfluentFrame, writeConfluentFrame } from "../lib/confluent.ts";
import { conversionPolicy } from "../lib/content-conversion.ts";
import {
  indexesOf,
  jsonToProto,
  messageByIndexes,
  messageByName,
  parseProtoSchema,
  protoToJson,
} from "./proto.ts";

export const JSON_CONTENT_TYPE = "application/json";
export const PROTOBUF_CONTENT_TYPE = "application/x-protobuf";
export const INVALID_PROTOBUF_TRANSFORMATION = "INVALID_PROTOBUF_TRANSFORMATION";

export const connector = definePolicy<ProtobufJsonPolicyConfiguration>({
  id: "protobuf-json",
  create(config, ctx) {
    const toJson = (config.conversion ?? "protobuf-to-json") === "protobuf-to-json";
    const json = config.json ?? {};
    const inline = (toJson ? config.protobufIn?.inlineIn : config.protobufOut?.inlineOut) ?? {};
    const schema = parseProtoSchema(inline.schemaDefinition ?? "", json.preservingProtoFieldNames === true);
    const named = inline.messageType ? messageByName(schema, inline.messageType) : undefined;
    const confluent = (inline.serializationFormat ?? "confluent") === "confluent";
    const failure = {
      key: INVALID_PROTOBUF_TRANSFORMATION,
      message: toJson
        ? "Unable to transform Protobuf content to JSON"
        : "Unable to transform JSON content to Protobuf",
    };
    if (toJson)
      return conversionPolicy(
        {
          contentType: JSON_CONTENT_TYPE,
          convert(content) {
            const frame = confluent
              ? readConfluentFrame(content, true)
              : { payload: content, indexes: undefined };
            const type = named ?? messageByIndexes(schema, frame.indexes ?? [0]);
            return Buffer.from(protoToJson(type, frame.payload, json), "utf8");
          },
        },
        failure,
        ctx.log,
      );
    const type = named ?? schema.messages[0]!;
    const indexes = indexesOf(schema, type);
    const schemaId = (inline as { schemaId?: number }).schemaId ?? 0;
    return conversionPolicy(
      {
        contentType: PROTOBUF_CONTENT_TYPE,
        convert(content) {
          const payload = jsonToProto(type, content.toString("utf8"));
          return confluent ? writeConfluentFrame(schemaId, payload, indexes) : Buffer.from(payload);
        },
      },
      failure,
      ctx.log,
    );
  },
});
