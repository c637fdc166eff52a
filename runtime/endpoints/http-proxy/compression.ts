// `useCompression` (Gravitee's default): the endpoint advertises `Accept-Encoding: deflate, gzip`
// (http-proxy/headers.ts) and hands the client the decoded body, as Gravitee's endpoint client
// does — `Content-Encoding` and the now wrong `Content-Length` are removed, the body streams
// chunked. Other codings (br, zstd) cannot be asked for this way and pass untouched.
import type { Readable } from "node:stream";
import { createGunzip, createInflate } from "node:zlib";
import type { UpstreamResponse } from "../../contract.ts";

export const DECODERS: Record<string, (() => NodeJS.ReadWriteStream) | undefined> = {
  gzip: createGunzip,
  "x-gzip": createGunzip,
  deflate: createInflate,
};

export function decompressResponse(method: string, response: UpstreamResponse): UpstreamResponse {
  const coding = response.headers["content-encoding"];
  if (typeof coding !== "string") return response;
  const decoder = DECODERS[coding.trim().toLowerCase()];
  // No body to decode: HEAD, 204 and 304 keep their headers as they describe the resource.
  if (!decoder || method === "HEAD" || response.status === 204 || response.status === 304) return response;
  const headers = { ...response.headers };
  delete headers["content-encoding"];
  delete headers["content-length"];
  const decoded = response.body.pipe(decoder()) as unknown as Readable;
  // A backend that breaks off mid-body, or a corrupt body, ends the client's response the same way.
  response.body.once("error", (error) => decoded.destroy(error));
  return { ...response, headers, body: decoded };
}
