// Real backends for the policy tests: a GraphQL server (graphql-js over node:http, GraphQL over
// HTTP), a SOAP 1.1 service (envelopes parsed with fast-xml-parser), and a raw echo server that
// answers with the body and content type it received.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { XMLParser } from "fast-xml-parser";
import { buildSchema, graphql } from "graphql";

export interface Backend {
  url: string;
  /** Requests as received: method, url, headers and body. */
  received: Array<{ method: string; url: string; headers: IncomingMessage["headers"]; body: string }>;
  close(): Promise<void>;
}

async function serve(
  handler: (req: IncomingMessage, body: string, res: ServerResponse) => Promise<void> | void,
): Promise<Backend> {
  const received: Backend["received"] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      Promise.resolve(handler(req, body, res)).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers with the request's body and content type, status 200. */
export function startRawEcho(): Promise<Backend> {
  return serve((req, body, res) => {
    res.setHeader("content-type", req.headers["content-type"] ?? "application/octet-stream");
    res.setHeader("x-backend", "echo");
    res.end(body);
  });
}

const schema = buildSchema(`
  type Query {
    user(id: ID!): User
    users(first: Int): [User!]!
  }
  type User {
    id: ID!
    name: String!
    friends(first: Int): [User!]!
  }
`);

const people = ["ada", "grace", "alan", "edsger"].map((name, i) => ({ id: String(i + 1), name }));
const user = (p: { id: string; name: string }) => ({
  ...p,
  friends: ({ first }: { first?: number }) =>
    people
      .filter((o) => o.id !== p.id)
      .slice(0, first ?? 2)
      .map(user),
});
const root = {
  user: ({ id }: { id: string }) => {
    const p = people.find((o) => o.id === id);
    return p ? user(p) : null;
  },
  users: ({ first }: { first?: number }) => people.slice(0, first ?? people.length).map(user),
};

/** GraphQL over HTTP: POST application/json `{query, operationName, variables}` or GET `?query=`. */
export function startGraphqlServer(): Promise<Backend> {
  return serve(async (req, body, res) => {
    const url = new URL(req.url ?? "/", "http://backend");
    const params =
      req.method === "GET"
        ? {
            query: url.searchParams.get("query") ?? "",
            operationName: url.searchParams.get("operationName") ?? undefined,
            variables: JSON.parse(url.searchParams.get("variables") ?? "{}") as Record<string, unknown>,
          }
        : (JSON.parse(body) as {
            query: string;
            operationName?: string;
            variables?: Record<string, unknown>;
          });
    const result = await graphql({
      schema,
      source: params.query,
      rootValue: root,
      variableValues: params.variables ?? null,
      operationName: params.operationName ?? null,
    });
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(result));
  });
}

const SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
const envelope = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP_NS}"><soap:Body>${body}</soap:Body></soap:Envelope>`;

const PRICES: Record<string, number> = { apple: 1.9, pear: 2.25 };

/**
 * A SOAP 1.1 service with one operation, `GetPrice` (SOAPAction `urn:prices#GetPrice`): answers the
 * price of `<m:Item>`, or a Fault (500) for an unknown item, a wrong SOAPAction or a non-SOAP body.
 */
export function startSoapService(): Promise<Backend> {
  const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false });
  return serve((req, body, res) => {
    res.setHeader("content-type", "text/xml; charset=utf-8");
    const fault = (code: string, text: string) => {
      res.statusCode = 500;
      res.end(
        envelope(
          `<soap:Fault><faultcode>soap:${code}</faultcode><faultstring>${text}</faultstring></soap:Fault>`,
        ),
      );
    };
    if (req.method !== "POST" || !String(req.headers["content-type"]).startsWith("text/xml")) {
      return fault("Client", "SOAP 1.1 needs a POST with text/xml");
    }
    if (
      req.headers.soapaction !== "urn:prices#GetPrice" &&
      req.headers.soapaction !== '"urn:prices#GetPrice"'
    ) {
      return fault("Client", `Unknown SOAPAction ${String(req.headers.soapaction)}`);
    }
    let doc: { Envelope?: { Body?: { GetPrice?: { Item?: string } } } };
    try {
      doc = parser.parse(body, true) as typeof doc;
    } catch {
      return fault("Client", "Malformed envelope");
    }
    const item = doc.Envelope?.Body?.GetPrice?.Item;
    const price = item === undefined ? undefined : PRICES[item];
    if (price === undefined) return fault("Client", `Unknown item ${String(item)}`);
    res.end(
      envelope(
        `<m:GetPriceResponse xmlns:m="urn:prices"><m:Item>${item}</m:Item><m:Price currency="EUR">${price}</m:Price></m:GetPriceResponse>`,
      ),
    );
  });
}
