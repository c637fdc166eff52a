// Gravitee's dynamic configuration of the Kafka endpoint (gravitee-endpoint-kafka's generated
// ConfigurationEvaluator), per subscription and per published message:
// - an attribute `gravitee.attributes.endpoint.kafka.<property>` (set by assign-attributes)
//   overrides the property: `consumer.topics` / `producer.topics` from a list or from text split on
//   `,` (ExecutionContext.getAttributeAsList), `consumer.autoOffsetReset` and `consumer.topicPattern`
//   from text;
// - EL in the string properties `consumer.autoOffsetReset` and `consumer.topicPattern`, compiled
//   ahead of time into `(el) => string`, is rendered with the request's EL context. (Gravitee does
//   not evaluate EL in `topics`, a Set; the compiler reports EL anywhere else in a Kafka endpoint.)
// An endpoint without expressions, and a request without such attributes, keeps its configuration
// object as it is: nothing is copied.
import type { Exchange } from "../../contract.ts";
import type { ElContext } from "../../el.ts";
import type { KafkaSharedConfiguration } from "../../spec-types/api-v4-definition.ts";

/** The attribute prefix of the Kafka endpoint's overrides. */
export const KAFKA_ATTRIBUTE_PREFIX = "gravitee.attributes.endpoint.kafka";

/** The string properties whose EL is evaluated (paths below the shared configuration). */
export const KAFKA_EL_FIELDS = ["consumer.autoOffsetReset", "consumer.topicPattern"] as const;

type Consumer = NonNullable<KafkaSharedConfiguration["consumer"]>;
type Templated = string | ((el: ElContext) => string);

/** The shared configuration as compiled: the EL fields may be template functions. */
export type KafkaDynamicShared = Omit<KafkaSharedConfiguration, "consumer"> & {
  consumer?: Omit<Consumer, "autoOffsetReset" | "topicPattern"> & {
    autoOffsetReset?: Templated;
    topicPattern?: Templated;
  };
};

/** What the endpoint reads: every property resolved. */
export type KafkaResolvedShared = Omit<KafkaSharedConfiguration, "consumer"> & {
  consumer?: Omit<Consumer, "autoOffsetReset"> & { autoOffsetReset?: string };
};

const attribute = (exchange: Exchange | undefined, property: string): unknown =>
  exchange?.attributes[`${KAFKA_ATTRIBUTE_PREFIX}.${property}`];

/** Gravitee's getAttributeAsList: a list as it is, text split on `,` (trimmed, empties dropped). */
function asList(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "string")
    return value
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
  return undefined;
}

function render(value: Templated | undefined, exchange: Exchange | undefined): string | undefined {
  if (typeof value !== "function") return value;
  if (exchange === undefined) return undefined;
  const text = value(exchange.el());
  return text === "" ? undefined : text;
}

/** The consumer properties in effect for one subscription. */
export function consumerFor(shared: KafkaDynamicShared, exchange: Exchange | undefined): KafkaResolvedShared {
  const consumer = shared.consumer;
  const topics = asList(attribute(exchange, "consumer.topics"));
  const reset = attribute(exchange, "consumer.autoOffsetReset");
  const pattern = attribute(exchange, "consumer.topicPattern");
  const dynamic =
    typeof consumer?.autoOffsetReset === "function" || typeof consumer?.topicPattern === "function";
  if (!dynamic && topics === undefined && reset === undefined && pattern === undefined)
    return shared as KafkaResolvedShared;
  const autoOffsetReset = typeof reset === "string" ? reset : render(consumer?.autoOffsetReset, exchange);
  const topicPattern = typeof pattern === "string" ? pattern : render(consumer?.topicPattern, exchange);
  const { autoOffsetReset: _reset, topicPattern: _pattern, ...rest } = consumer ?? {};
  return {
    ...shared,
    consumer: {
      ...rest,
      ...(topics !== undefined ? { topics } : {}),
      ...(autoOffsetReset !== undefined ? { autoOffsetReset } : {}),
      ...(topicPattern !== undefined ? { topicPattern } : {}),
    },
  };
}

/** The topics one published message goes to: the `producer.topics` attribute, else the configuration's. */
export function producerTopics(shared: KafkaDynamicShared, exchange: Exchange | undefined): string[] {
  return asList(attribute(exchange, "producer.topics")) ?? shared.producer?.topics ?? [];
}
