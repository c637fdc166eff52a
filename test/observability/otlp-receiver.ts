// A real OTLP/HTTP traces receiver for the tracing tests: an HTTP server that records every export
// (POST /v1/traces) and decodes the JSON ones into spans.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface OtlpAttribute {
  key: string;
  value: {
    stringValue?: string;
    intValue?: string | number;
    arrayValue?: { values: Array<{ stringValue?: string }> };
  };
}
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: OtlpAttribute[];
  status?: { code?: number };
  links?: Array<{ traceId: string; spanId: string }>;
}
interface Export {
  contentType: string;
  authorization: string | undefined;
  body: Buffer;
}

export interface Receiver {
  url: string;
  exports: Export[];
  spans(): OtlpSpan[];
  resources(): OtlpAttribute[][];
  close(): Promise<void>;
}

/** An OTLP/HTTP traces receiver: records every export, answers 200 with an empty response. */
export async function startReceiver(): Promise<Receiver> {
  const exports: Export[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method === "POST" && req.url === "/v1/traces")
        exports.push({
          contentType: String(req.headers["content-type"]),
          authorization: req.headers.authorization,
          body: Buffer.concat(chunks),
        });
      const json = String(req.headers["content-type"]).includes("json");
      res.setHeader("content-type", json ? "application/json" : "application/x-protobuf");
      res.end(json ? "{}" : "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const decoded = () =>
    exports
      .filter((e) => e.contentType.includes("json"))
      .map(
        (e) =>
          JSON.parse(e.body.toString("utf8")) as {
            resourceSpans: Array<{
              resource: { attributes: OtlpAttribute[] };
              scopeSpans: Array<{ spans: OtlpSpan[] }>;
            }>;
          },
      );
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exports,
    spans: () =>
      decoded().flatMap((d) => d.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans))),
    resources: () => decoded().flatMap((d) => d.resourceSpans.map((r) => r.resource.attributes)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const attr = (span: OtlpSpan, key: string): unknown => {
  const v = span.attributes.find((a) => a.key === key)?.value;
  if (!v) return undefined;
  if (v.arrayValue) return v.arrayValue.values.map((x) => x.stringValue);
  return v.stringValue ?? (v.intValue === undefined ? undefined : Number(v.intValue));
};

export async function until<T>(read: () => T | undefined, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}
