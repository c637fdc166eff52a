// Real GKO manifests from the Gravitee corpus — MESSAGE APIs with http-get or sse (and webhook, not
// served yet) over the mock endpoint, one with a CHANNEL flow — compile unchanged except for the
// corpus's `messagesCount` typo (Gravitee ignores it; our strict schema rejects it, see
// test/validate/corpus.test.ts), and serve the mock's single message.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { bare, readStream } from "./http-client.ts";
import { waitReady } from "./message-api.ts";

const CORPUS = join(PROJECT_DIR, "test/validate/fixtures/gravitee-corpus/v4");
const MANIFEST = join(CORPUS, "gko-e2e_apiv4definition_message_channel-flow-publish-policy.yaml");
const SSE_MANIFEST = join(CORPUS, "gko-e2e_apiv4definition_message_sse-webhook_mock.yaml");

describe("GKO corpus: message API over the mock endpoint", () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    const text = (await readFile(MANIFEST, "utf8")).replace("messagesCount: 1", "messageCount: 1");
    expect(text).toContain("messageCount: 1");
    gateway = await startTestGateway({ "message-api.yaml": text });
    await waitReady(gateway);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it("serves the mock's one message (messageCount: 1) over http-get, then nothing after it", async () => {
    const started = Date.now();
    const res = await bare(`${gateway.url}/e2e-v4-msg-policy`, { headers: { accept: "application/json" } });
    expect(res.status).toBe(200);
    expect(res.body).toBe(
      '{"items":[{"id":"0","content":"{\\"message\\": \\"hello from mock\\"}"}],"pagination":{"nextCursor":"0"}}',
    );
    // messageInterval 1000: the message comes after a second and the mock then ends the poll.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(5000);
    const after = await bare(`${gateway.url}/e2e-v4-msg-policy?cursor=0`, {
      headers: { accept: "application/json" },
    });
    expect(after.body).toBe('{"items":[]}');
  });
});

describe("GKO corpus: sse (and webhook) over the mock endpoint", () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    const text = (await readFile(SSE_MANIFEST, "utf8")).replace("messagesCount: 1", "messageCount: 1");
    gateway = await startTestGateway({ "message-api.yaml": text });
    await waitReady(gateway);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it("streams the mock's one message as an event, then ends", async () => {
    const res = await readStream(`${gateway.url}/message-api`, { accept: "text/event-stream" });
    expect(res.status).toBe(200);
    expect(res.ended).toBe(true);
    expect(res.body).toMatch(
      /^retry: \d+\n\nid: 0\nevent: message\ndata: \{"message": "hello from mock"\}\n\n$/,
    );
  });
});
