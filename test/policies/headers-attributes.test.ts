// transform-headers, assign-attributes and assign-content against real exchanges and messages. EL
// values are given as the functions the compiler emits for `{#…}` templates.
import { afterEach, describe, expect, it } from "vitest";
import type { ElContext } from "../../runtime/el.ts";
import { connector as assignAttributes } from "../../runtime/policies/assign-attributes/index.ts";
import { connector as assignContent } from "../../runtime/policies/assign-content/index.ts";
import { connector as transformHeaders } from "../../runtime/policies/transform-headers/index.ts";
import {
  contextOf,
  message,
  type PolicyHarness,
  policyHarness,
  runtimeApi,
  withMessageExchange,
} from "./harness.ts";

const header = (name: string) => (el: ElContext) => el.request.headers(name)?.[0] ?? "";

let harness: PolicyHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("transform-headers", () => {
  it.each([
    {
      name: "adds a header, templated from the request",
      config: { addHeaders: [{ name: "X-Tenant-Copy", value: header("x-tenant") }] },
      expected: { "x-tenant-copy": "acme" },
    },
    {
      name: "overwrites an existing header",
      config: { addHeaders: [{ name: "x-tenant", value: "other" }] },
      expected: { "x-tenant": "other" },
    },
    {
      name: "removes after adding (removal wins), case-insensitively",
      config: { addHeaders: [{ name: "X-Added", value: "1" }], removeHeaders: ["X-ADDED", "X-Secret"] },
      expected: { "x-added": null, "x-secret": null },
    },
    {
      name: "whitelist removes every other header but keeps host",
      config: { whitelistHeaders: ["X-Tenant"] },
      expected: { "x-secret": null, accept: null },
      absent: ["x-tenant", "host"],
    },
    {
      name: "ignores headers without a name",
      config: { addHeaders: [{ name: " ", value: "x" }] },
      expected: {},
    },
  ])("request: $name", async ({ config, expected, absent }) => {
    harness = await policyHarness(transformHeaders, config);
    const result = await harness.call({ headers: { "x-tenant": "acme", "x-secret": "s3", accept: "*/*" } });
    expect(result.status).toBe(200);
    expect(result.upstream.headers).toMatchObject(expected);
    for (const name of absent ?? []) expect(result.upstream.headers).not.toHaveProperty(name);
    if (Object.keys(expected).length === 0) expect(result.upstream.headers).toEqual({});
  });

  it("a header set by an earlier policy is what later expressions read", async () => {
    const api = runtimeApi();
    const first = transformHeaders.create({ addHeaders: [{ name: "x-step", value: "one" }] }, contextOf(api));
    const second = transformHeaders.create(
      { addHeaders: [{ name: "x-echo", value: header("x-step") }] },
      contextOf(api),
    );
    const both = {
      id: "both",
      create: () => ({
        async onRequest(exchange: Parameters<NonNullable<typeof first.onRequest>>[0]) {
          await first.onRequest?.(exchange);
          await second.onRequest?.(exchange);
        },
      }),
    };
    harness = await policyHarness(both, {}, api);
    const result = await harness.call({});
    expect(result.upstream.headers).toEqual({ "x-step": "one", "x-echo": "one" });
  });

  it("response: sets, removes and whitelists the client response's headers", async () => {
    harness = await policyHarness(transformHeaders, {
      addHeaders: [{ name: "X-Served-By", value: "sluice" }],
      removeHeaders: ["server-timing"],
    });
    const result = await harness.call(
      {},
      { headers: { "server-timing": "db;dur=53", "x-backend": "b1" }, body: "ok" },
    );
    expect(result.headers.get("x-served-by")).toBe("sluice");
    expect(result.headers.get("server-timing")).toBeNull();
    expect(result.headers.get("x-backend")).toBe("b1");
    expect(result.body).toBe("ok");
  });

  it("message: transforms message headers with #message in scope", async () => {
    const policy = transformHeaders.create(
      {
        addHeaders: [{ name: "X-Len", value: (el) => String(el.message?.content.length ?? -1) }],
        removeHeaders: ["x-drop"],
        whitelistHeaders: ["x-len", "X-Keep"],
      },
      contextOf(runtimeApi()),
    );
    const out = await withMessageExchange(async (exchange) =>
      policy.onMessage?.(
        message("hello", { "X-Keep": ["1"], "x-drop": ["2"], other: ["3"], "x-len": ["old"] }),
        exchange,
      ),
    );
    expect(out?.headers).toEqual({ "X-Keep": ["1"], "X-Len": ["5"] });
  });
});

describe("assign-attributes", () => {
  it("sets attributes on the exchange, readable by later expressions", async () => {
    harness = await policyHarness(assignAttributes, {
      attributes: [
        { name: "tenant", value: header("x-tenant") },
        { name: "echo", value: (el: ElContext) => `seen:${String(el.context.attributes.tenant)}` },
      ],
    });
    const result = await harness.call({ headers: { "x-tenant": "acme" } });
    // `api` is Gravitee's built-in attribute, set by the gateway.
    expect(result.attributes).toEqual({ api: "test-api", tenant: "acme", echo: "seen:acme" });
  });

  it("REQUEST_CONTENT buffers the body so values may use #request.content", async () => {
    harness = await policyHarness(assignAttributes, {
      scope: "REQUEST_CONTENT",
      attributes: [{ name: "body", value: (el: ElContext) => el.request.content ?? "<none>" }],
    });
    const result = await harness.call({ body: '{"a":1}' });
    expect(result.attributes).toEqual({ api: "test-api", body: '{"a":1}' });
    expect(result.upstream.body).toBe('{"a":1}');
  });

  it("message: sets message attributes", async () => {
    const policy = assignAttributes.create(
      { attributes: [{ name: "size", value: (el) => String(el.message?.content.length) }] },
      contextOf(runtimeApi()),
    );
    const out = await withMessageExchange(async (exchange) => policy.onMessage?.(message("abc"), exchange));
    expect(out?.attributes).toEqual({ size: "3" });
  });
});

describe("assign-content", () => {
  it.each([
    { name: "plain text", body: "fixed", input: "x", expected: "fixed" },
    {
      name: "templated over the original body and headers",
      body: (el: ElContext) =>
        `{"wrapped":${el.request.content},"tenant":"${el.request.headers("x-tenant")?.[0]}"}`,
      input: '{"a":1}',
      expected: '{"wrapped":{"a":1},"tenant":"acme"}',
    },
  ])("request: $name", async ({ body, input, expected }) => {
    harness = await policyHarness(assignContent, { body });
    const result = await harness.call({ body: input, headers: { "x-tenant": "acme" } });
    expect(result.upstream.body).toBe(expected);
  });

  it("response: replaces the body, with #response.content and status in scope", async () => {
    harness = await policyHarness(assignContent, {
      body: (el: ElContext) => `${el.response?.status}:${el.response?.content?.toUpperCase()}`,
    });
    const result = await harness.call({}, { status: 201, body: "created" });
    expect(result.status).toBe(201);
    expect(result.body).toBe("201:CREATED");
  });

  it("message: replaces the content", async () => {
    const policy = assignContent.create(
      { body: (el) => `<${el.message?.content}>` },
      contextOf(runtimeApi()),
    );
    const out = await withMessageExchange(async (exchange) => policy.onMessage?.(message("m"), exchange));
    expect(out?.content.toString()).toBe("<m>");
  });

  it("a template that throws is a 500", async () => {
    harness = await policyHarness(assignContent, {
      body: () => {
        throw new Error("boom");
      },
    });
    const result = await harness.call({ body: "x", headers: { accept: "application/json" } });
    expect(result.status).toBe(500);
    expect(JSON.parse(result.body)).toEqual({
      message: "Unable to assign body content",
      http_status_code: 500,
    });
  });
});
