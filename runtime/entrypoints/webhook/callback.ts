// One webhook subscription's callback: POSTs a message to `callbackUrl` (docs/contract.md §5 webhook) with
// the message headers, then the subscription's headers, then its authentication (GKO's
// `consumerConfiguration.entrypointConfiguration.auth`: none, basic, token, or oauth2 client
// credentials — RFC 6749 §4.4, the client authenticated with HTTP Basic, the token cached until
// shortly before it expires and fetched again after a 401), over the subscription's TLS settings.
// Beyond Gravitee, when a signing secret is set, `X-Sluice-Signature: t=<unix seconds>,v1=<hex>`
// carries HMAC-SHA256(secret, `<t>.<body>`) so a receiver can check the sender and reject replays
// (docs/message-apis.md shows how to verify it).
//
// Credentials written as `[[ secret `name/key` ]]` are read from the secrets directory on each
// call (a rotated Secret applies at once); a missing one fails the call like no answer would, so the
// message is retried, never sent without them.
//
// The result is classified, never thrown: delivered (2xx), rejected (a 4xx other than 408 and 429:
// sending it again cannot help), server error (5xx, 408, 429) or exception (no answer).
import { createHmac } from "node:crypto";
import { Agent, request } from "undici";
import type { Message, SecretValue } from "../../contract.ts";
import { brokerTls } from "../../endpoints/broker/tls.ts";
import { interimTolerantConnector } from "../../endpoints/http-proxy/interim.ts";
import type { SecretText, WebhookAuth, WebhookSubscriptionConfiguration } from "./types.ts";

export const SIGNATURE_HEADER = "x-sluice-signature";

export type CallbackResult =
  | { outcome: "delivered"; status: number }
  | { outcome: "rejected" | "server-error"; status: number }
  | { outcome: "exception"; error: string };

/** Headers a message may not set on the callback request (hop-by-hop, framing, routing). */
const RESERVED = new Set([
  "connection",
  "content-length",
  "host",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

export interface CallbackOptions {
  connectTimeoutMs: number;
  readTimeoutMs: number;
  idleTimeoutMs: number;
  maxConnections: number;
  signingSecret?: SecretText | undefined;
  /** Reads a `[[ secret ]]` reference now (the gateway's secrets directory); undefined when missing. */
  readSecret?: ((ref: SecretValue["$secret"]) => string | undefined) | undefined;
}

/** The callback URL as logs and the admin port may show it: no credentials, no query. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}

export class Callback {
  private readonly url: URL;
  private readonly config: WebhookSubscriptionConfiguration;
  private readonly options: CallbackOptions;
  private readonly agent: Agent;
  private token: { value: string; expiresAt: number } | undefined;

  /** Throws on a configuration that can never work (a URL that is not http(s), an unreadable store). */
  constructor(config: WebhookSubscriptionConfiguration, options: CallbackOptions) {
    this.config = config;
    this.options = options;
    this.url = new URL(config.callbackUrl);
    if (this.url.protocol !== "http:" && this.url.protocol !== "https:") {
      throw new Error(`callbackUrl must be http:// or https://, not ${this.url.protocol}`);
    }
    const ssl = config.ssl;
    const tls = ssl
      ? {
          ...brokerTls({
            ...(ssl.hostnameVerifier !== undefined ? { hostnameVerifier: ssl.hostnameVerifier } : {}),
            ...(ssl.trustStore ? { trustStore: ssl.trustStore } : {}),
            ...(ssl.keyStore ? { keyStore: ssl.keyStore } : {}),
          }),
          rejectUnauthorized: ssl.trustAll !== true,
        }
      : {};
    this.agent = new Agent({
      connect: interimTolerantConnector({ timeout: options.connectTimeoutMs, ...tls }),
      connections: options.maxConnections,
      headersTimeout: options.readTimeoutMs,
      bodyTimeout: options.readTimeoutMs,
      keepAliveTimeout: options.idleTimeoutMs,
    });
  }

  async post(message: Message, signal: AbortSignal): Promise<CallbackResult> {
    let result = await this.attempt(message, signal);
    // An OAuth2 token the receiver no longer takes: fetch a new one, once.
    if (result.outcome === "rejected" && result.status === 401 && this.config.auth?.type === "oauth2") {
      this.token = undefined;
      result = await this.attempt(message, signal);
    }
    return result;
  }

  private async attempt(message: Message, signal: AbortSignal): Promise<CallbackResult> {
    try {
      const headers = await this.headers(message, signal);
      const response = await request(this.url, {
        method: "POST",
        headers,
        body: message.content,
        dispatcher: this.agent,
        signal,
      });
      await response.body.dump();
      const status = response.statusCode;
      if (status >= 200 && status < 300) return { outcome: "delivered", status };
      if (status >= 400 && status < 500 && status !== 408 && status !== 429)
        return { outcome: "rejected", status };
      return { outcome: "server-error", status };
    } catch (error) {
      return { outcome: "exception", error: error instanceof Error ? error.message : String(error) };
    }
  }

  private async headers(message: Message, signal: AbortSignal): Promise<Record<string, string | string[]>> {
    const headers: Record<string, string | string[]> = {};
    for (const [name, values] of Object.entries(message.headers)) {
      const lower = name.toLowerCase();
      if (RESERVED.has(lower) || values.length === 0) continue;
      headers[lower] = values.length === 1 ? values[0]! : values;
    }
    for (const { name, value } of this.config.headers ?? []) {
      const lower = name.toLowerCase();
      if (!RESERVED.has(lower)) headers[lower] = this.text(value);
    }
    const authorization = await this.authorization(this.config.auth, signal);
    if (authorization) headers.authorization = authorization;
    const signingSecret =
      this.options.signingSecret === undefined ? undefined : this.text(this.options.signingSecret);
    if (signingSecret) {
      const t = Math.floor(Date.now() / 1000);
      const mac = createHmac("sha256", signingSecret).update(`${t}.`).update(message.content).digest("hex");
      headers[SIGNATURE_HEADER] = `t=${t},v1=${mac}`;
    }
    return headers;
  }

  private async authorization(
    auth: WebhookAuth | undefined,
    signal: AbortSignal,
  ): Promise<string | undefined> {
    switch (auth?.type) {
      case "basic":
        return `Basic ${Buffer.from(`${auth.basic?.username ?? ""}:${this.text(auth.basic?.password ?? "")}`).toString("base64")}`;
      case "token":
        return `Bearer ${this.text(auth.token?.value ?? "")}`;
      case "oauth2":
        return `Bearer ${await this.accessToken(auth, signal)}`;
      default:
        return undefined;
    }
  }

  /** RFC 6749 §4.4 client credentials; throws (an exception outcome) when the server says no. */
  private async accessToken(auth: WebhookAuth, signal: AbortSignal): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now()) return this.token.value;
    const o = auth.oauth2;
    if (!o?.endpoint) throw new Error("oauth2: no token endpoint");
    const form = new URLSearchParams({ grant_type: "client_credentials" });
    if (o.scopes && o.scopes.length > 0) form.set("scope", o.scopes.join(" "));
    const basic = Buffer.from(
      `${encodeURIComponent(o.clientId ?? "")}:${encodeURIComponent(this.text(o.clientSecret ?? ""))}`,
    ).toString("base64");
    const response = await request(o.endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
        authorization: `Basic ${basic}`,
      },
      body: form.toString(),
      dispatcher: this.agent,
      signal,
    });
    const text = await response.body.text();
    if (response.statusCode !== 200)
      throw new Error(`oauth2: the token endpoint answered ${response.statusCode}`);
    let body: { access_token?: unknown; expires_in?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error("oauth2: the token endpoint answered no JSON");
    }
    if (typeof body.access_token !== "string") throw new Error("oauth2: no access_token in the answer");
    const lifetime = typeof body.expires_in === "number" ? body.expires_in : 300;
    // Renew a little early: a token that expires in flight is a 401 for nothing.
    this.token = { value: body.access_token, expiresAt: Date.now() + Math.max(0, lifetime - 10) * 1000 };
    return body.access_token;
  }

  /** A credential's text: as given, or the secret's content (trimmed) read now; throws when missing. */
  private text(value: SecretText): string {
    if (typeof value === "string") return value;
    const { name, key } = value.$secret;
    const read = this.options.readSecret?.(value.$secret);
    if (read === undefined) throw new Error(`secret ${name}/${key} not found in the secrets directory`);
    return read.trim();
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => undefined);
  }
}
