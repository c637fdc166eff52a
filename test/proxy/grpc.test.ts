// gRPC through a compiled gateway (@grpc/grpc-js client and server): h2c from the client on the
// gateway's port, h2c to the backend (`grpc://` target), all four call types, status and message
// carried in trailers, metadata both ways, deadlines and cancellation reaching the backend.
import { fileURLToPath } from "node:url";
import * as grpc from "@grpc/grpc-js";
import * as loader from "@grpc/proto-loader";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { group, v4Proxy } from "./specs.ts";

interface Msg {
  text: string;
  n: number;
}
type EchoClient = grpc.Client & {
  Unary(
    m: Msg,
    md: grpc.Metadata,
    o: grpc.CallOptions,
    cb: (e: grpc.ServiceError | null, r?: Msg) => void,
  ): grpc.ClientUnaryCall;
  ServerStream(m: Msg, o?: grpc.CallOptions): grpc.ClientReadableStream<Msg>;
  ClientStream(cb: (e: grpc.ServiceError | null, r?: Msg) => void): grpc.ClientWritableStream<Msg>;
  Bidi(): grpc.ClientDuplexStream<Msg, Msg>;
};

const definition = loader.loadSync(fileURLToPath(new URL("./fixtures/echo.proto", import.meta.url)), {
  keepCase: true,
  defaults: true,
});
const proto = grpc.loadPackageDefinition(definition) as unknown as {
  sluice: { test: { Echo: grpc.ServiceClientConstructor } };
};

describe("gRPC proxying", () => {
  let server: grpc.Server;
  let gateway: TestGateway;
  let client: EchoClient;
  const cancelled: string[] = [];
  const seenMetadata: string[] = [];

  beforeAll(async () => {
    server = new grpc.Server();
    server.addService(proto.sluice.test.Echo.service, {
      Unary(call: grpc.ServerUnaryCall<Msg, Msg>, cb: grpc.sendUnaryData<Msg>) {
        seenMetadata.push(String(call.metadata.get("x-tenant")[0] ?? ""));
        call.on("cancelled", () => cancelled.push("unary"));
        if (call.request.text === "fail") {
          cb({ code: grpc.status.NOT_FOUND, details: "no such thing" });
          return;
        }
        const answer = () => {
          const md = new grpc.Metadata();
          md.set("x-served-by", "backend");
          call.sendMetadata(md);
          cb(null, { text: call.request.text.toUpperCase(), n: call.request.n + 1 });
        };
        if (call.request.text === "slow") setTimeout(answer, 1500);
        else answer();
      },
      ServerStream(call: grpc.ServerWritableStream<Msg, Msg>) {
        let i = 0;
        call.on("cancelled", () => cancelled.push("server-stream"));
        const timer = setInterval(() => {
          if (call.cancelled) return clearInterval(timer);
          call.write({ text: `${call.request.text}-${i}`, n: i });
          i++;
          if (call.request.n >= 0 && i >= call.request.n) {
            clearInterval(timer);
            call.end();
          }
        }, 5);
      },
      ClientStream(call: grpc.ServerReadableStream<Msg, Msg>, cb: grpc.sendUnaryData<Msg>) {
        const parts: string[] = [];
        call.on("data", (m: Msg) => parts.push(m.text));
        call.on("end", () => cb(null, { text: parts.join("+"), n: parts.length }));
      },
      Bidi(call: grpc.ServerDuplexStream<Msg, Msg>) {
        call.on("data", (m: Msg) => call.write({ text: `echo:${m.text}`, n: m.n }));
        call.on("end", () => call.end());
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) =>
        e ? reject(e) : resolve(p),
      ),
    );
    gateway = await startTestGateway({
      "echo.yaml": v4Proxy("echo", "/sluice.test.Echo", [
        group({ endpoints: [{ name: "grpc", target: `grpc://127.0.0.1:${port}/sluice.test.Echo` }] }),
      ]),
    });
    client = new proto.sluice.test.Echo(
      `127.0.0.1:${gateway.httpPort}`,
      grpc.credentials.createInsecure(),
    ) as unknown as EchoClient;
  });

  afterAll(async () => {
    client?.close();
    await gateway?.close();
    server?.forceShutdown();
  });

  const unary = (m: Msg, md = new grpc.Metadata(), options: grpc.CallOptions = {}) =>
    new Promise<{ error: grpc.ServiceError | null; reply?: Msg; headers?: grpc.Metadata }>((resolve) => {
      let headers: grpc.Metadata | undefined;
      const call = client.Unary(m, md, options, (error, reply) => resolve({ error, reply, headers }));
      call.on("metadata", (h) => (headers = h));
    });

  it("unary: request, reply and metadata both ways", async () => {
    const md = new grpc.Metadata();
    md.set("x-tenant", "acme");
    const { error, reply, headers } = await unary({ text: "hello", n: 41 }, md);
    expect(error).toBeNull();
    expect(reply).toEqual({ text: "HELLO", n: 42 });
    expect(headers?.get("x-served-by")).toEqual(["backend"]);
    expect(seenMetadata.at(-1)).toBe("acme");
  });

  it("unary: the backend's status and message arrive (trailers)", async () => {
    const { error } = await unary({ text: "fail", n: 0 });
    expect(error?.code).toBe(grpc.status.NOT_FOUND);
    expect(error?.details).toBe("no such thing");
  });

  it("server streaming", async () => {
    const got: Msg[] = [];
    const call = client.ServerStream({ text: "tick", n: 5 });
    await new Promise<void>((resolve, reject) => {
      call.on("data", (m: Msg) => got.push(m));
      call.on("end", resolve);
      call.on("error", reject);
    });
    expect(got.map((m) => m.text)).toEqual(["tick-0", "tick-1", "tick-2", "tick-3", "tick-4"]);
  });

  it("client streaming", async () => {
    const reply = await new Promise<Msg | undefined>((resolve, reject) => {
      const call = client.ClientStream((e, r) => (e ? reject(e) : resolve(r)));
      for (const text of ["a", "b", "c"]) call.write({ text, n: 0 });
      call.end();
    });
    expect(reply).toEqual({ text: "a+b+c", n: 3 });
  });

  it("bidirectional streaming, message by message", async () => {
    const call = client.Bidi();
    const replies: string[] = [];
    for (const text of ["one", "two", "three"]) {
      const reply = new Promise<Msg>((r) => call.once("data", r));
      call.write({ text, n: 0 });
      replies.push((await reply).text);
    }
    const ended = new Promise((r) => call.on("end", r));
    call.end();
    await ended;
    expect(replies).toEqual(["echo:one", "echo:two", "echo:three"]);
  });

  it("deadlines: DEADLINE_EXCEEDED for the client, the backend call is cancelled", async () => {
    const { error } = await unary({ text: "slow", n: 0 }, new grpc.Metadata(), {
      deadline: Date.now() + 300,
    });
    expect(error?.code).toBe(grpc.status.DEADLINE_EXCEEDED);
    await new Promise((r) => setTimeout(r, 100));
    expect(cancelled).toContain("unary");
  });

  it("cancellation: a client cancel reaches the backend stream", async () => {
    const call = client.ServerStream({ text: "endless", n: -1 });
    await new Promise<void>((resolve) => {
      let n = 0;
      call.on("data", () => {
        if (++n === 3) resolve();
      });
    });
    call.on("error", () => {});
    call.cancel();
    await new Promise((r) => setTimeout(r, 200));
    expect(cancelled).toContain("server-stream");
  });
});
