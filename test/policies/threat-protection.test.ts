// json-threat-protection and regex-threat-protection through a compiled gateway: each limit and
// each place checked refuses with 400 `Bad Request` and Gravitee's key (read back through response
// templates, which select on it), what passes reaches the endpoint unchanged, and the JSON limits
// on published messages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";
import { messageApi, mockOf, waitReady } from "../message/message-api.ts";

// A response template per key answers the key itself, so a test can see which one was raised.
const templates = (keys: string[]) =>
  keys.length === 0
    ? ""
    : `  responseTemplates:\n${keys
        .map((k) => `    ${k}:\n      text/plain:\n        status: 400\n        body: ${k}\n`)
        .join("")}`;

const JSON_KEYS = [
  "JSON_THREAT_DETECTED",
  "JSON_THREAT_MAX_DEPTH",
  "JSON_THREAT_MAX_ENTRIES",
  "JSON_THREAT_MAX_NAME_LENGTH",
  "JSON_THREAT_MAX_VALUE_LENGTH",
  "JSON_MAX_ARRAY_SIZE",
];
const REGEX_KEYS = [
  "REGEX_THREAT_HEADER_DETECTED",
  "REGEX_THREAT_PATH_DETECTED",
  "REGEX_THREAT_BODY_DETECTED",
];

const withStep = (name: string, step: string, keys: string[]) =>
  proxyApi(
    name,
    `/${name}`,
    "${ECHO}",
    `  flows:
    - name: protect
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      request:
${step}
${templates(keys)}`,
  );

let echo: EchoBackend;
let gateway: TestGateway;

beforeAll(async () => {
  echo = await startEchoBackend();
  gateway = await startTestGateway(
    {
      "json.yaml": withStep(
        "json",
        `        - policy: json-threat-protection
          configuration:
            maxEntries: 3
            maxArraySize: 2
            maxDepth: 3
            maxNameLength: 5
            maxValueLength: 6`,
        JSON_KEYS,
      ),
      "plain.yaml": withStep(
        "plain",
        "        - policy: json-threat-protection\n          configuration: {}",
        [],
      ),
      "regex.yaml": withStep(
        "regex",
        `        - policy: regex-threat-protection
          configuration:
            regex: ".*(drop\\\\s+table|<script).*"
            checkHeaders: true
            checkPath: true
            checkBody: true
            caseSensitive: false`,
        REGEX_KEYS,
      ),
      "headers-only.yaml": withStep(
        "headers-only",
        `        - policy: regex-threat-protection
          configuration:
            regex: evil
            checkPath: false
            checkBody: false
            caseSensitive: true`,
        REGEX_KEYS,
      ),
      "events.yaml": messageApi({
        name: "events",
        path: "/events",
        entrypoints: "        - type: http-post",
        mock: "            messageContent: x",
        extra: `  flows:
    - name: protect
      selectors:
        - type: CHANNEL
          channel: /
      publish:
        - policy: json-threat-protection
          configuration:
            maxDepth: 1
`,
      }),
    },
    { ECHO: echo.url },
  );
});
afterAll(async () => {
  await gateway?.close();
  await echo?.close();
});

const send = async (path: string, body?: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${gateway.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { accept: "text/plain", ...headers },
    ...(body === undefined ? {} : { body }),
  });
  return { status: res.status, body: await res.text() };
};

describe("json-threat-protection", () => {
  it.each([
    ["not JSON", "{", "JSON_THREAT_DETECTED"],
    ["too deep", '{"a":{"b":{"c":{}}}}', "JSON_THREAT_MAX_DEPTH"],
    ["too deep in arrays", "[[[[1]]]]", "JSON_THREAT_MAX_DEPTH"],
    ["too many entries", '{"a":1,"b":2,"c":3,"d":4}', "JSON_THREAT_MAX_ENTRIES"],
    ["a long name", '{"abcdef":1}', "JSON_THREAT_MAX_NAME_LENGTH"],
    ["a long value", '{"a":"1234567"}', "JSON_THREAT_MAX_VALUE_LENGTH"],
    ["a long value in an array", '{"a":["1234567"]}', "JSON_THREAT_MAX_VALUE_LENGTH"],
    ["a large array", '{"a":[1,2,3]}', "JSON_MAX_ARRAY_SIZE"],
  ])("refuses %s with its key", async (_what, body, key) => {
    expect(await send("/json", body)).toEqual({ status: 400, body: key });
  });

  it("passes a body within the limits unchanged, and the defaults set no limit", async () => {
    const body = '{"a":{"b":[1,"123456"]},"c":"x"}';
    const res = await send("/json", body, { accept: "application/json" });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).body).toBe(body);
    const deep = `${"[".repeat(200)}${"]".repeat(200)}`;
    expect((await send("/plain", deep)).status).toBe(200);
    const refused = await fetch(`${gateway.url}/plain`, { method: "POST", body: "nope" });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ message: "Bad Request", http_status_code: 400 });
  });

  it("refuses a published message beyond the limits", async () => {
    await waitReady(gateway);
    expect((await send("/events", '{"a":1}')).status).toBe(202);
    expect((await send("/events", '{"a":{"b":1}}')).status).toBe(400);
    expect(mockOf(gateway, "events").published.map((m) => m.content.toString())).toEqual(['{"a":1}']);
  });
});

describe("regex-threat-protection", () => {
  it.each([
    [
      "a header value",
      "/regex/ok",
      undefined,
      { "x-q": "1; DROP  TABLE users" },
      "REGEX_THREAT_HEADER_DETECTED",
    ],
    ["a header name", "/headers-only/ok", undefined, { evil: "1" }, "REGEX_THREAT_HEADER_DETECTED"],
    ["the decoded path", "/regex/%3Cscript%3E", undefined, {}, "REGEX_THREAT_PATH_DETECTED"],
    ["a query value", "/regex/ok?q=drop%20table%20x", undefined, {}, "REGEX_THREAT_PATH_DETECTED"],
    [
      "the body, across lines",
      "/regex/ok",
      "hello\n<SCRIPT>alert(1)</script>\n",
      {},
      "REGEX_THREAT_BODY_DETECTED",
    ],
  ])("refuses %s", async (_what, path, body, headers, key) => {
    const hits = echo.received.length;
    expect(await send(path, body, headers)).toEqual({ status: 400, body: key });
    expect(echo.received.length).toBe(hits);
  });

  it("passes what does not match, and checks only what it is told to, case-sensitively if asked", async () => {
    expect((await send("/regex/fine?q=tables", "drop the table")).status).toBe(200);
    expect(await send("/headers-only/x", undefined, { "x-a": "evil" })).toEqual({
      status: 400,
      body: "REGEX_THREAT_HEADER_DETECTED",
    });
    expect((await send("/headers-only/x", undefined, { "x-a": "EVIL" })).status).toBe(200);
    expect((await send("/headers-only/evil?evil=evil", "evil")).status).toBe(200);
  });
});
