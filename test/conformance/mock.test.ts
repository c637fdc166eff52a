// The mock endpoint (runtime/endpoints/mock/index.ts, owned by the entrypoints work) runs the suite too,
// when it exists: it has no broker and generates its messages, so only the behaviours that apply
// run (connect, health, subscription end, generated ids resuming after a cursor).
import { existsSync } from "node:fs";
import { describe, it } from "vitest";
import type { EndpointConnector, MessageEndpoint } from "../../runtime/contract.ts";
import { describeMessageEndpointConformance, testContext } from "./message-endpoint.ts";

const path = new URL("../../runtime/endpoints/mock/index.ts", import.meta.url);
if (existsSync(path)) {
  const { connector } = (await import(path.href)) as {
    connector: EndpointConnector<Record<string, unknown>, Record<string, unknown>, MessageEndpoint>;
  };
  describeMessageEndpointConformance("mock", {
    channel: () => "mock",
    endpoint: () =>
      connector.create(
        { messageInterval: 20, messageContent: "mock message" },
        {},
        { name: "default", group: "default-group" },
        testContext().ctx,
      ),
    features: {
      roundTrip: false,
      durableGroups: false,
      deliversEarlierMessages: false,
      generatedContent: "mock message",
    },
  });
} else {
  describe("mock endpoint conformance", () => {
    it.skip("runtime/endpoints/mock/index.ts does not exist yet", () => {});
  });
}
