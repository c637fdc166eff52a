// MESSAGE flows end to end: CHANNEL selectors (channel below the context path, STARTS_WITH/EQUALS,
// operations, entrypoints), message steps per phase, and messageCondition evaluated per message with
// #message — observed through the transform-headers policy on http-get (subscribe) and http-post
// (publish) over the mock endpoint.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { bare } from "./http-client.ts";
import { messageApi, mockOf, waitReady } from "./message-api.ts";

const addHeader = (name: string, value: string, messageCondition?: string) => `        - name: add ${name}
          policy: transform-headers
${messageCondition ? `          messageCondition: "${messageCondition}"\n` : ""}          configuration:
            addHeaders:
              - name: ${name}
                value: ${value}`;

const flows = `  flows:
    - name: subscribe-all
      selectors:
        - type: CHANNEL
          channel: /
          channelOperator: STARTS_WITH
          operations: [SUBSCRIBE]
      subscribe:
${addHeader("X-Phase", "subscribe")}
${addHeader("X-Second", "only-id-1", "{#message.id == '1'}")}
    - name: publish-only
      selectors:
        - type: CHANNEL
          channel: /
          operations: [PUBLISH]
      publish:
${addHeader("X-Published", "yes")}
      subscribe:
${addHeader("X-Wrong", "publish-flow-on-subscribe")}
    - name: other-channel
      selectors:
        - type: CHANNEL
          channel: /other
          channelOperator: EQUALS
      subscribe:
${addHeader("X-Other", "yes")}
    - name: post-entrypoint-only
      selectors:
        - type: CHANNEL
          channel: /
          entrypoints: [http-post]
      subscribe:
${addHeader("X-Post-Only", "yes")}
      publish:
${addHeader("X-Via-Post", "yes")}
`;

describe("MESSAGE flows", () => {
  let gateway: TestGateway;
  let filtering: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({
      "flows.yaml": messageApi({
        name: "flows",
        path: "/flows",
        entrypoints: `        - type: http-get
          configuration:
            messagesLimitCount: 3
            messagesLimitDurationMs: 2000
            headersInPayload: true
        - type: http-post`,
        mock: `            messageInterval: 5
            messageContent: hi`,
        extra: flows,
      }),
    });
    await waitReady(gateway);
    filtering = await startTestGateway({
      "filtered.yaml": messageApi({
        name: "filtered",
        path: "/filtered",
        entrypoints: `        - type: http-get
          qos: AT_LEAST_ONCE
          configuration:
            messagesLimitCount: 3
            messagesLimitDurationMs: 2000`,
        mock: `            messageInterval: 5
            messageContent: hi`,
        extra: `  flows:
    - name: drop-odd
      selectors:
        - type: CHANNEL
          channel: /
      subscribe:
        - name: keep even ids
          policy: message-filtering
          configuration:
            filter: "{#message.id != '1' && #message.id != '3'}"
            ackFilteredMessage: false
`,
      }),
    });
    await waitReady(filtering);
  });

  afterAll(async () => {
    await gateway?.close();
    await filtering?.close();
  });

  const items = async (path: string) => {
    const res = await bare(`${gateway.url}${path}`, { headers: { accept: "application/json" } });
    expect(res.status).toBe(200);
    return (JSON.parse(res.body) as { items: Array<{ id: string; headers: Record<string, string[]> }> })
      .items;
  };

  it("runs subscribe steps of the flows the channel, operation and entrypoint select", async () => {
    const got = await items("/flows");
    expect(got.map((m) => m.headers)).toEqual([
      { "X-Phase": ["subscribe"] },
      { "X-Phase": ["subscribe"], "X-Second": ["only-id-1"] },
      { "X-Phase": ["subscribe"] },
    ]);
  });

  it("selects an EQUALS channel flow only on that channel", async () => {
    const other = await items("/flows/other");
    expect(other[0]?.headers).toEqual({ "X-Phase": ["subscribe"], "X-Other": ["yes"] });
    const deeper = await items("/flows/other/deeper");
    expect(deeper[0]?.headers).toEqual({ "X-Phase": ["subscribe"] });
  });

  it("runs publish steps of PUBLISH flows and of flows limited to the http-post entrypoint", async () => {
    const res = await bare(`${gateway.url}/flows`, { method: "POST", body: "payload" });
    expect(res.status).toBe(202);
    const published = mockOf(gateway, "flows").published.at(-1);
    expect(published?.content.toString()).toBe("payload");
    expect(published?.headers).toEqual({ "X-Published": ["yes"], "X-Via-Post": ["yes"] });
  });

  it("drops messages with message-filtering; limit counts delivered ones; dropped ones are the policy's to ack", async () => {
    const res = await bare(`${filtering.url}/filtered`, { headers: { accept: "application/json" } });
    expect(JSON.parse(res.body)).toEqual({
      items: [
        { id: "0", content: "hi" },
        { id: "2", content: "hi" },
        { id: "4", content: "hi" },
      ],
      pagination: { nextCursor: "4" },
    });
    // AT_LEAST_ONCE acks what was delivered; ackFilteredMessage: false leaves 1 and 3 unacked.
    await expect.poll(() => [...mockOf(filtering, "filtered").acknowledged]).toEqual(["0", "2", "4"]);
  });
});
