// The client's request body, streamed to the endpoint and to a shadow at once (Gravitee's
// ShadowInvoker subscribes both to the same chunks): the endpoint's half sets the pace — the client
// is read only as fast as the endpoint takes it — and the shadow's half is fed without waiting. A
// shadow that falls more than `bound` bytes behind is abandoned (its half destroyed, `onAbandon`
// called), so a slow shadow never slows the client and never makes the gateway hold the body.
import { PassThrough, type Readable } from "node:stream";

export interface RequestTee {
  /** What the endpoint sends. */
  readonly main: Readable;
  /** What the shadow sends; destroyed when abandoned. */
  readonly shadow: Readable;
}

export function teeRequestBody(source: Readable, bound: number, onAbandon: () => void): RequestTee {
  const main = new PassThrough();
  // The shadow's readable side holds at most one chunk before its writable side starts counting.
  const shadow = new PassThrough({ readableHighWaterMark: 1, writableHighWaterMark: bound });
  let abandoned = false;
  const abandon = () => {
    if (abandoned) return;
    abandoned = true;
    shadow.destroy(new ShadowAbandoned());
    onAbandon();
  };
  const resume = () => source.resume();
  source.on("data", (chunk: Buffer | string) => {
    if (!abandoned && !shadow.destroyed) {
      if (shadow.writableLength + chunk.length > bound) abandon();
      else shadow.write(chunk);
    }
    if (main.destroyed) return;
    if (!main.write(chunk)) {
      source.pause();
      main.once("drain", resume);
    }
  });
  source.once("end", () => {
    main.end();
    if (!shadow.destroyed) shadow.end();
  });
  const broken = (error?: Error) => {
    const cause = error ?? new Error("The request body ended before it was complete.");
    if (!main.writableFinished) main.destroy(cause);
    if (!shadow.writableFinished && !shadow.destroyed) shadow.destroy(cause);
  };
  source.once("error", broken);
  source.once("close", () => {
    if (!source.readableEnded) broken();
  });
  // The endpoint gave up on its half (a timeout, an error): stop reading for it.
  main.once("close", () => {
    if (!source.readableEnded) source.resume();
  });
  return { main, shadow };
}

/** The shadow fell more than its bound behind the endpoint: not a failure of the shadow endpoint. */
export class ShadowAbandoned extends Error {
  constructor() {
    super("the shadow copy fell behind the endpoint and was abandoned");
    this.name = "ShadowAbandoned";
  }
}
