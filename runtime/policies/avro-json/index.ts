// `avro-json` (Gravitee's gravitee-policy-avro-json): Avro ↔ JSON on messages (publish, subscribe)
// and on bodies (request, response), with the schema inline (`schemaDefinition`) or, in Sluice, from a file of the
// repository (`schemaFile`, inlined by the compiler). The compiler parses the schema, so a bad one
// never reaches the gateway; `schema-registry` is a compile error (docs/message-apis.md).
// https://documentation.gravitee.io/apim/policies/avro-to-json
import { definePolicy } from "../../define.ts";
import type { AvroJsonPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { readConfluentFrame, writeConfluentFrame } from "../lib/confluent.ts";
import { conversionPolicy } from "../lib/content-conversion.ts";
import { avroToJson, jsonToAvro, parseAvroSchema } from "./avro.ts";

export const JSON_CONTENT_TYPE = "application/json";
/** The Avro specification's media type for binary-encoded data. */
export const AVRO_CONTENT_TYPE = "avro/binary";
export const INVALID_AVRO_TRANSFORMATION = "INVALID_AVRO_TRANSFORMATION";

export const connector = definePolicy<AvroJsonPolicyConfiguration>({
  id: "avro-json",
  create(config, ctx) {
    const type = parseAvroSchema(config.schemaDefinition ?? "");
    const confluent = (config.serializationFormat ?? "confluent") === "confluent";
    const toJson = (config.conversion ?? "avro-to-json") === "avro-to-json";
    const schemaId = config.schemaId ?? 0;
    return conversionPolicy(
      toJson
        ? {
            contentType: JSON_CONTENT_TYPE,
            convert: (content) =>
              Buffer.from(
                avroToJson(type, confluent ? readConfluentFrame(content, false).payload : content),
                "utf8",
              ),
          }
        : {
            contentType: AVRO_CONTENT_TYPE,
            convert: (content) => {
              const avro = jsonToAvro(type, content.toString("utf8"));
              return confluent ? writeConfluentFrame(schemaId, avro) : avro;
            },
          },
      {
        key: INVALID_AVRO_TRANSFORMATION,
        message: toJson
          ? "Unable to transform Avro content to JSON"
          : "Unable to transform JSON content to Avro",
      },
      ctx.log,
    );
  },
});
