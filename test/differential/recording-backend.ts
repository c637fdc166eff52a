// The backend behind each gateway in the differential suite (one per gateway, so their records
// never mix). It records exactly what arrived — method, target, raw headers, body bytes and how
// the body was framed — and answers by the last path segment, so a fixture's target decides
// nothing and the request list decides everything:
//   …/status/NNN   answers NNN          …/slow?ms=N    answers after N ms
//   …/gzip         gzip body if asked   …/headers-out  repeated, hop-by-hop and named headers
//   …/close        drops the connection …/chunked      a chunked body without Content-Length
//   …/large        256 KiB              …/xml          a small XML document
//   anything else  a small JSON document
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";

export interface Recorded {
  method: string;
  url: string;
  rawHeaders: string[];
  body: Buffer;
  /** `content-length`, `chunked` or `none`: how the gateway framed the body it sent. */
  framing: string;
}

export interface RecordingBackend {
  url: string;
  port: number;
  received: Recorded[];
  close(): Promise<void>;
}

export async function startRecordingBackend(): Promise<RecordingBackend> {
  const received: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const record: Recorded = {
      method: req.method ?? "",
      url: req.url ?? "",
      rawHeaders: req.rawHeaders,
      body: Buffer.alloc(0),
      framing:
        req.headers["transfer-encoding"] !== undefined
          ? "chunked"
          : req.headers["content-length"] !== undefined
            ? "content-length"
            : "none",
    };
    received.push(record);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      record.body = Buffer.concat(chunks);
      answer(req, res);
    });
    req.on("error", () => {});
  });
  // Keep-alive longer than the gateways' pools so neither sees a connection closed under it.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://backend");
  const segments = url.pathname.split("/").filter(Boolean);
  const last = segments.at(-1) ?? "";
  const previous = segments.at(-2) ?? "";
  res.setHeader("x-backend-name", "recording");
  if (previous === "status") {
    const status = Number(last);
    res.statusCode = status;
    if (status === 204 || status === 304) return void res.end();
    res.setHeader("content-type", "text/plain");
    return void res.end(`backend status ${status}`);
  }
  switch (last) {
    case "slow":
      setTimeout(() => json(res, { slow: true }), Number(url.searchParams.get("ms") ?? 0));
      return;
    case "gzip": {
      const body = JSON.stringify({ compressed: "a".repeat(200) });
      if (String(req.headers["accept-encoding"] ?? "").includes("gzip")) {
        const zipped = gzipSync(body);
        res.writeHead(200, {
          "content-type": "application/json",
          "content-encoding": "gzip",
          "content-length": zipped.length,
        });
        return void res.end(zipped);
      }
      json(res, JSON.parse(body));
      return;
    }
    case "headers-out":
      res.setHeader("set-cookie", ["a=1; Path=/", "b=2; Path=/"]);
      res.setHeader("cache-control", "no-store");
      res.setHeader("x-multi", ["one", "two"]);
      res.setHeader("x-hop", "listed in Connection");
      res.setHeader("connection", "x-hop");
      json(res, { headers: "out" });
      return;
    case "close":
      req.socket.destroy();
      return;
    case "chunked":
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("first chunk\n");
      setTimeout(() => res.end("second chunk\n"), 20);
      return;
    case "xml":
      res.writeHead(200, { "content-type": "application/xml" });
      res.end('<shipment id="7"><item qty="2">bolt</item><item qty="1">nut</item><note/></shipment>');
      return;
    case "large":
      res.writeHead(200, { "content-type": "application/octet-stream" });
      return void res.end(Buffer.alloc(256 * 1024, "x"));
    default:
      json(res, { ok: true, path: url.pathname });
  }
}

function json(res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}
