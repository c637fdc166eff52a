// Topics made on the shared Kafka broker before a test reads or writes them.
import { Admin } from "@platformatic/kafka";
import { brokerList, kafkaBootstrap } from "../setup/env.ts";

/** Creates `topics` (each with `partitions`, one replica) on the test broker. */
export async function createKafkaTopics(topics: string[], partitions = 1): Promise<void> {
  const admin = new Admin({ clientId: "sluice-test-admin", bootstrapBrokers: brokerList(kafkaBootstrap()) });
  try {
    await admin.createTopics({ topics, partitions, replicas: 1 });
  } finally {
    await admin.close();
  }
}
