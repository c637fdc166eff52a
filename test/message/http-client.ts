// A bare HTTP/1.1 client for the message tests: unlike fetch it sends no Accept header unless told,
// which the http-get entrypoint's negotiation depends on.
import { request as httpRequest } from "node:http";

export interface BareResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function bare(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<BareResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? "GET", headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/**
 * Reads a streaming response (server-sent events) until `until(text)` holds, the server ends it or
 * `timeoutMs` passes, then closes the connection.
 */
export function readStream(
  url: string,
  headers: Record<string, string>,
  until: (text: string) => boolean = () => false,
  timeoutMs = 5000,
): Promise<BareResponse & { ended: boolean }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      let text = "";
      let done = false;
      const finish = (ended: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, ended });
        req.destroy();
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
        if (until(text)) finish(false);
      });
      res.on("end", () => finish(true));
      res.on("error", () => finish(false));
    });
    req.on("error", reject);
    req.end();
  });
}
