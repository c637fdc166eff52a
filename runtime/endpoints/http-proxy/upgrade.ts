// The WebSocket handshake to the backend (RFC 6455 §4): the client's Upgrade request is replayed
// with its Sec-WebSocket-* headers (key, version, protocols, extensions), and the backend's answer
// comes back either switched — a raw socket the entrypoint splices to the client's, so frames,
// close codes and compression pass through untouched — or refused, as an ordinary response.
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { ConnectionOptions } from "node:tls";
import type { UpstreamUpgrade } from "../../contract.ts";
import { stripResponseHeaders, toObject } from "./headers.ts";

export function upgradeUpstream(options: {
  secure: boolean;
  hostname: string;
  port: number;
  path: string;
  /** Flat list from forwardHeaders (hop-by-hop removed): Connection/Upgrade are re-added here. */
  headers: string[];
  upgrade: string;
  tls: ConnectionOptions;
  connectTimeout: number;
  signal: AbortSignal;
}): Promise<UpstreamUpgrade> {
  return new Promise((resolve, reject) => {
    const headers = toObject(options.headers);
    headers.connection = "Upgrade";
    headers.upgrade = options.upgrade;
    const send = options.secure ? httpsRequest : httpRequest;
    const req = send({
      ...(options.secure ? options.tls : {}),
      hostname: options.hostname,
      port: options.port,
      path: options.path,
      method: "GET",
      headers,
      agent: false,
      timeout: options.connectTimeout,
      signal: options.signal,
    });
    req.once("timeout", () =>
      req.destroy(Object.assign(new Error("connect timeout"), { code: "ETIMEDOUT" })),
    );
    req.once("upgrade", (res, socket, head) => {
      socket.setTimeout(0);
      resolve({
        upgraded: true,
        headers: stripResponseHeaders({ ...res.headers }),
        socket,
        head,
      });
    });
    req.once("response", (res) => {
      resolve({
        upgraded: false,
        response: {
          status: res.statusCode ?? 502,
          headers: stripResponseHeaders({ ...res.headers }),
          body: res,
        },
      });
    });
    req.once("error", reject);
    req.end();
  });
}
