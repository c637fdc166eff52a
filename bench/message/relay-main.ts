// A reference server of the message bench in its own process (started by bench/message.ts), kept
// apart from the bench so that its memory is the server's alone, not the compiler's the bench loads.
import { parseArgs } from "node:util";
import { brokerList, kafkaBootstrap, mqttUrl } from "../../test/setup/env.ts";
import { idleServer, kafkaSseRelay, mqttWsRelay } from "./relays.ts";

const { values: args } = parseArgs({
  options: { role: { type: "string" }, port: { type: "string" }, topic: { type: "string" } },
});
const server =
  args.role === "kafka-relay"
    ? kafkaSseRelay(brokerList(kafkaBootstrap()), args.topic!)
    : args.role === "idle"
      ? idleServer()
      : mqttWsRelay(mqttUrl(), args.topic!);
server.listen(Number(args.port), "127.0.0.1");
