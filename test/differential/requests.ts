// The requests the differential suite sends, in order, to both gateways (fixtures in fixtures/).
// Order matters where counters do (rate-limit, quota, spike-arrest): each gateway sees the same
// sequence. The recording backend answers by the last path segment (recording-backend.ts).

export interface DiffRequest {
  /** Unique, shown in the report and matched by accepted.ts. */
  name: string;
  method: string;
  path: string;
  headers?: ReadonlyArray<readonly [string, string]>;
  body?: string;
  /** Send the body with Transfer-Encoding: chunked, in two writes. */
  chunked?: boolean;
  /** Send `Expect: 100-continue` and the body only after the gateway's 100 (or its final answer). */
  expectContinue?: boolean;
  /** Send the target in absolute form (`GET http://host/path`). */
  absoluteForm?: boolean;
}

const ACCEPTS: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, string]>]> = [
  ["no Accept", []],
  ["Accept json", [["accept", "application/json"]]],
  ["Accept */*", [["accept", "*/*"]]],
  ["Accept text/html", [["accept", "text/html"]]],
  ["Accept xml+json q", [["accept", "application/xml;q=0.9, application/json;q=0.8"]]],
];

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"];

function basic(): DiffRequest[] {
  const out: DiffRequest[] = [
    { name: "basic root", method: "GET", path: "/d-basic" },
    { name: "basic root slash", method: "GET", path: "/d-basic/" },
    { name: "basic sub path", method: "GET", path: "/d-basic/a/b/c" },
    { name: "basic trailing slash", method: "GET", path: "/d-basic/a/" },
    { name: "basic query", method: "GET", path: "/d-basic/q?x=1&y=two&x=3" },
    { name: "basic encoded query", method: "GET", path: "/d-basic/q?name=a%20b&plus=a+b&utf=%C3%A9" },
    { name: "basic encoded path", method: "GET", path: "/d-basic/with%20space/%C3%A9" },
    { name: "basic empty query", method: "GET", path: "/d-basic/q?" },
    { name: "basic flag query", method: "GET", path: "/d-basic/q?flag" },
    { name: "basic prefix is not a match", method: "GET", path: "/d-basicx" },
    { name: "basic case matters", method: "GET", path: "/D-BASIC" },
  ];
  for (const method of METHODS) {
    out.push({ name: `basic ${method}`, method, path: "/d-basic/m" });
  }
  for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
    out.push({
      name: `basic ${method} json body`,
      method,
      path: "/d-basic/body",
      headers: [["content-type", "application/json"]],
      body: JSON.stringify({ order: 42, items: ["a", "b"] }),
    });
  }
  out.push(
    { name: "basic empty body POST", method: "POST", path: "/d-basic/empty", body: "" },
    {
      name: "basic chunked body",
      method: "POST",
      path: "/d-basic/chunked-in",
      headers: [["content-type", "text/plain"]],
      body: "hello chunked world",
      chunked: true,
    },
    {
      name: "basic expect 100-continue",
      method: "POST",
      path: "/d-basic/continue",
      headers: [["content-type", "text/plain"]],
      body: "after continue",
      expectContinue: true,
    },
    {
      name: "basic custom headers",
      method: "GET",
      path: "/d-basic/h",
      headers: [
        ["x-custom", "one"],
        ["x-other", "two"],
      ],
    },
    {
      name: "basic repeated header",
      method: "GET",
      path: "/d-basic/h",
      headers: [
        ["x-repeat", "1"],
        ["x-repeat", "2"],
        ["x-repeat", "3"],
      ],
    },
    {
      name: "basic client x-forwarded-for",
      method: "GET",
      path: "/d-basic/h",
      headers: [["x-forwarded-for", "203.0.113.7"]],
    },
    { name: "basic client via", method: "GET", path: "/d-basic/h", headers: [["via", "1.1 edge"]] },
    {
      name: "basic client x-forwarded-proto/host",
      method: "GET",
      path: "/d-basic/h",
      headers: [
        ["x-forwarded-proto", "https"],
        ["x-forwarded-host", "public.example"],
      ],
    },
    {
      name: "basic client accept-encoding gzip",
      method: "GET",
      path: "/d-basic/h",
      headers: [["accept-encoding", "gzip"]],
    },
    {
      name: "basic client accept-encoding br",
      method: "GET",
      path: "/d-basic/h",
      headers: [["accept-encoding", "br"]],
    },
    {
      name: "basic gzip backend, client asks gzip",
      method: "GET",
      path: "/d-basic/gzip",
      headers: [["accept-encoding", "gzip"]],
    },
    { name: "basic gzip backend, client asks nothing", method: "GET", path: "/d-basic/gzip" },
    {
      name: "basic transaction id kept",
      method: "GET",
      path: "/d-basic/h",
      headers: [["x-gravitee-transaction-id", "tx-fixed-1"]],
    },
    {
      name: "basic request id replaced",
      method: "GET",
      path: "/d-basic/h",
      headers: [["x-gravitee-request-id", "client-chosen"]],
    },
    {
      name: "basic client identifier given",
      method: "GET",
      path: "/d-basic/h",
      headers: [["x-gravitee-client-identifier", "my-client"]],
    },
    {
      name: "basic user agent and auth",
      method: "GET",
      path: "/d-basic/h",
      headers: [
        ["user-agent", "diff/1.0"],
        ["authorization", "Basic dXNlcjpwYXNz"],
      ],
    },
    {
      name: "basic cookie",
      method: "GET",
      path: "/d-basic/h",
      headers: [["cookie", "session=abc; theme=dark"]],
    },
    {
      name: "basic hop-by-hop named in Connection",
      method: "GET",
      path: "/d-basic/h",
      headers: [
        ["connection", "x-hop-a"],
        ["x-hop-a", "secret"],
      ],
    },
    {
      name: "basic TE and proxy headers",
      method: "GET",
      path: "/d-basic/h",
      headers: [
        ["te", "trailers"],
        ["proxy-authorization", "Basic eDp5"],
      ],
    },
    { name: "basic response headers", method: "GET", path: "/d-basic/headers-out" },
    { name: "basic chunked response", method: "GET", path: "/d-basic/chunked" },
    { name: "basic large response", method: "GET", path: "/d-basic/large" },
    { name: "basic HEAD large", method: "HEAD", path: "/d-basic/large" },
    { name: "basic absolute-form target", method: "GET", path: "/d-basic/abs?x=1", absoluteForm: true },
  );
  for (const status of [201, 204, 301, 304, 400, 401, 403, 404, 409, 418, 429, 500, 502, 503, 504]) {
    out.push({ name: `basic backend ${status}`, method: "GET", path: `/d-basic/status/${status}` });
  }
  return out;
}

function notFound(): DiffRequest[] {
  return ACCEPTS.map(
    ([label, headers]): DiffRequest => ({
      name: `404 no context path, ${label}`,
      method: "GET",
      path: "/nowhere/at/all",
      headers,
    }),
  ).concat([
    {
      name: "404 POST with body",
      method: "POST",
      path: "/nowhere",
      body: "x",
      headers: [["content-type", "text/plain"]],
    },
    { name: "404 root", method: "GET", path: "/" },
  ]);
}

function compression(): DiffRequest[] {
  const out: DiffRequest[] = [];
  for (const api of ["d-compression-off", "d-compression-propagate"]) {
    out.push(
      { name: `${api} no accept-encoding`, method: "GET", path: `/${api}/h` },
      {
        name: `${api} accept-encoding gzip`,
        method: "GET",
        path: `/${api}/h`,
        headers: [["accept-encoding", "gzip"]],
      },
      {
        name: `${api} gzip backend`,
        method: "GET",
        path: `/${api}/gzip`,
        headers: [["accept-encoding", "gzip"]],
      },
      { name: `${api} host`, method: "GET", path: `/${api}/h`, headers: [["host", "public.example:8443"]] },
    );
  }
  return out;
}

function vhost(): DiffRequest[] {
  return [
    { name: "vhost one", method: "GET", path: "/d-vhost/x", headers: [["host", "api.one.test"]] },
    {
      name: "vhost one with port",
      method: "GET",
      path: "/d-vhost/x",
      headers: [["host", "api.one.test:8082"]],
    },
    { name: "vhost one upper case", method: "GET", path: "/d-vhost/x", headers: [["host", "API.ONE.TEST"]] },
    { name: "vhost two", method: "GET", path: "/d-vhost/two/y", headers: [["host", "api.two.test"]] },
    {
      name: "vhost two on one's host",
      method: "GET",
      path: "/d-vhost/two/y",
      headers: [["host", "api.one.test"]],
    },
    {
      name: "vhost one on two's host",
      method: "GET",
      path: "/d-vhost/x",
      headers: [["host", "api.two.test"]],
    },
    { name: "vhost unknown host", method: "GET", path: "/d-vhost/x", headers: [["host", "other.test"]] },
    {
      name: "vhost no host match, json",
      method: "GET",
      path: "/d-vhost/x",
      headers: [
        ["host", "other.test"],
        ["accept", "application/json"],
      ],
    },
  ];
}

function flows(): DiffRequest[] {
  return [
    { name: "flows root", method: "GET", path: "/d-flows" },
    { name: "flows item GET", method: "GET", path: "/d-flows/items/42" },
    { name: "flows item DELETE", method: "DELETE", path: "/d-flows/items/42" },
    {
      name: "flows item PATCH (method not selected)",
      method: "PATCH",
      path: "/d-flows/items/42",
      body: "{}",
      headers: [["content-type", "application/json"]],
    },
    { name: "flows item EQUALS misses sub path", method: "GET", path: "/d-flows/items/42/more" },
    { name: "flows item trailing slash", method: "GET", path: "/d-flows/items/42/" },
    { name: "flows item encoded id", method: "GET", path: "/d-flows/items/a%20b" },
    { name: "flows parts", method: "GET", path: "/d-flows/items/7/parts/wheel" },
    { name: "flows parts deeper", method: "GET", path: "/d-flows/items/7/parts/wheel/bolt" },
    {
      name: "flows POST items",
      method: "POST",
      path: "/d-flows/items",
      body: "{}",
      headers: [["content-type", "application/json"]],
    },
    {
      name: "flows PUT item",
      method: "PUT",
      path: "/d-flows/items/9",
      body: "{}",
      headers: [["content-type", "application/json"]],
    },
    { name: "flows GET items list", method: "GET", path: "/d-flows/items" },
    { name: "flows itemsx not a prefix match", method: "GET", path: "/d-flows/itemsx" },
    { name: "flows backend 404 keeps flow headers", method: "GET", path: "/d-flows/items/1/status/404" },
  ];
}

function conditions(): DiffRequest[] {
  return [
    { name: "conditions plain", method: "GET", path: "/d-conditions/a" },
    { name: "conditions beta", method: "GET", path: "/d-conditions/a", headers: [["x-channel", "beta"]] },
    {
      name: "conditions other channel",
      method: "GET",
      path: "/d-conditions/a",
      headers: [["x-channel", "stable"]],
    },
    { name: "conditions debug param", method: "GET", path: "/d-conditions/a?debug=verbose" },
    {
      name: "conditions POST",
      method: "POST",
      path: "/d-conditions/a",
      body: "p",
      headers: [["content-type", "text/plain"]],
    },
    {
      name: "conditions beta POST debug",
      method: "POST",
      path: "/d-conditions/a?debug=1",
      body: "p",
      headers: [
        ["x-channel", "beta"],
        ["content-type", "text/plain"],
      ],
    },
    { name: "conditions backend 500", method: "GET", path: "/d-conditions/status/500" },
    { name: "conditions backend 404", method: "GET", path: "/d-conditions/status/404" },
  ];
}

function el(): DiffRequest[] {
  return [
    { name: "el plain", method: "GET", path: "/d-el/some/path" },
    { name: "el query and header", method: "GET", path: "/d-el/p?q=search", headers: [["x-in", "shout"]] },
    { name: "el POST", method: "POST", path: "/d-el", body: "x", headers: [["content-type", "text/plain"]] },
    { name: "el root", method: "GET", path: "/d-el/" },
    { name: "el backend 404", method: "GET", path: "/d-el/status/404" },
    { name: "el encoded path", method: "GET", path: "/d-el/a%2Fb" },
  ];
}

function headers(): DiffRequest[] {
  return [
    {
      name: "headers add/remove",
      method: "GET",
      path: "/d-headers/a",
      headers: [
        ["x-remove-me", "gone"],
        ["x-replaced", "original"],
        ["cookie", "c=1"],
      ],
    },
    { name: "headers plain", method: "GET", path: "/d-headers/a" },
    {
      name: "headers whitelist",
      method: "GET",
      path: "/d-headers/strict",
      headers: [
        ["x-keep", "kept"],
        ["x-drop", "dropped"],
        ["accept", "text/plain"],
      ],
    },
    {
      name: "headers whitelist with body",
      method: "POST",
      path: "/d-headers/strict",
      body: "b",
      headers: [
        ["content-type", "text/plain"],
        ["x-keep", "k"],
      ],
    },
    { name: "headers response side", method: "GET", path: "/d-headers/headers-out" },
  ];
}

function attributes(): DiffRequest[] {
  return [
    { name: "attributes default", method: "GET", path: "/d-attributes/x" },
    { name: "attributes tenant", method: "GET", path: "/d-attributes/x", headers: [["x-tenant", "acme"]] },
    {
      name: "attributes backend 500",
      method: "GET",
      path: "/d-attributes/status/500",
      headers: [["x-tenant", "acme"]],
    },
  ];
}

function limits(): DiffRequest[] {
  const out: DiffRequest[] = [];
  for (let i = 1; i <= 5; i++) {
    const [label, h] = ACCEPTS[i % ACCEPTS.length]!;
    out.push({ name: `ratelimit #${i} ${label}`, method: "GET", path: "/d-ratelimit/r", headers: h });
  }
  for (let i = 1; i <= 4; i++) {
    const [label, h] = ACCEPTS[i % ACCEPTS.length]!;
    out.push({ name: `quota #${i} ${label}`, method: "GET", path: "/d-quota/q", headers: h });
  }
  for (let i = 1; i <= 3; i++) {
    const [label, h] = ACCEPTS[i % ACCEPTS.length]!;
    out.push({ name: `spike #${i} ${label}`, method: "GET", path: "/d-spike/s", headers: h });
  }
  return out;
}

function apiKeys(key: string): DiffRequest[] {
  const out: DiffRequest[] = [];
  for (const [label, h] of ACCEPTS) {
    out.push({ name: `apikey missing, ${label}`, method: "GET", path: "/d-apikey/k", headers: h });
  }
  out.push(
    {
      name: "apikey wrong key, json",
      method: "GET",
      path: "/d-apikey/k",
      headers: [
        ["x-gravitee-api-key", "wrong"],
        ["accept", "application/json"],
      ],
    },
    {
      name: "apikey wrong key, text",
      method: "GET",
      path: "/d-apikey/k",
      headers: [["x-gravitee-api-key", "wrong"]],
    },
    { name: "apikey header", method: "GET", path: "/d-apikey/k", headers: [["x-gravitee-api-key", key]] },
    { name: "apikey query", method: "GET", path: `/d-apikey/k?api-key=${key}&other=1` },
    {
      name: "apikey empty header",
      method: "GET",
      path: "/d-apikey/k",
      headers: [["x-gravitee-api-key", ""]],
    },
    {
      name: "apikey POST with body",
      method: "POST",
      path: "/d-apikey/k",
      body: "{}",
      headers: [
        ["x-gravitee-api-key", key],
        ["content-type", "application/json"],
      ],
    },
    { name: "mixed plans keyless", method: "GET", path: "/d-mixed-plans/m" },
    {
      name: "mixed plans good key",
      method: "GET",
      path: "/d-mixed-plans/m",
      headers: [["x-gravitee-api-key", key]],
    },
    {
      name: "mixed plans wrong key",
      method: "GET",
      path: "/d-mixed-plans/m",
      headers: [["x-gravitee-api-key", "wrong"]],
    },
    {
      name: "mixed plans wrong key, json",
      method: "GET",
      path: "/d-mixed-plans/m",
      headers: [
        ["x-gravitee-api-key", "wrong"],
        ["accept", "application/json"],
      ],
    },
  );
  return out;
}

function failures(): DiffRequest[] {
  const out: DiffRequest[] = [];
  for (const [label, h] of ACCEPTS) {
    out.push({ name: `dead backend, ${label}`, method: "GET", path: "/d-dead/x", headers: h });
  }
  out.push({
    name: "dead backend POST",
    method: "POST",
    path: "/d-dead/x",
    body: "lost",
    headers: [["content-type", "text/plain"]],
  });
  for (const [label, h] of ACCEPTS.slice(0, 3)) {
    out.push({ name: `slow backend 504, ${label}`, method: "GET", path: "/d-slow/slow?ms=1500", headers: h });
  }
  out.push(
    { name: "slow backend in time", method: "GET", path: "/d-slow/slow?ms=10" },
    { name: "backend closes connection", method: "GET", path: "/d-basic/close" },
    {
      name: "backend closes connection, json",
      method: "GET",
      path: "/d-basic/close",
      headers: [["accept", "application/json"]],
    },
  );
  return out;
}

function content(): DiffRequest[] {
  return [
    {
      name: "content request replaced",
      method: "POST",
      path: "/d-content/request",
      body: '{"original":true}',
      headers: [["content-type", "application/json"]],
    },
    { name: "content response replaced", method: "GET", path: "/d-content/response" },
    { name: "content untouched", method: "GET", path: "/d-content/other" },
  ];
}

function transform(): DiffRequest[] {
  const json = (name: string, path: string, body: string): DiffRequest => ({
    name,
    method: "POST",
    path,
    body,
    headers: [["content-type", "application/json"]],
  });
  const xml = (name: string, path: string, body: string): DiffRequest => ({
    name,
    method: "POST",
    path,
    body,
    headers: [["content-type", "application/xml"]],
  });
  return [
    json(
      "json-xml request",
      "/d-transform/json-in",
      '{"id":42,"items":[{"sku":"a","qty":2},{"sku":"b","qty":1}],"note":"x < y"}',
    ),
    json(
      "json-xml request nested",
      "/d-transform/json-in",
      '{"customer":{"name":"Ada","vip":true,"tags":["a","b"]}}',
    ),
    json("json-xml request invalid", "/d-transform/json-in", "{not json"),
    xml(
      "xml-json request",
      "/d-transform/xml-in",
      '<order id="7"><item>bolt</item><item>nut</item><total>12.50</total></order>',
    ),
    xml("xml-json request invalid", "/d-transform/xml-in", "<order><unclosed></order>"),
    { name: "json-xml response", method: "GET", path: "/d-transform/json-out" },
    { name: "xml-json response", method: "GET", path: "/d-transform/xml-out/xml" },
  ];
}

function v2(): DiffRequest[] {
  return [
    { name: "v2 root", method: "GET", path: "/d-v2" },
    { name: "v2 sub path", method: "GET", path: "/d-v2/a/b?c=d" },
    {
      name: "v2 POST",
      method: "POST",
      path: "/d-v2/p",
      body: "v2 body",
      headers: [["content-type", "text/plain"]],
    },
    { name: "v2 backend 503", method: "GET", path: "/d-v2/status/503" },
    {
      name: "v2 client headers",
      method: "GET",
      path: "/d-v2/h",
      headers: [
        ["x-forwarded-for", "198.51.100.1"],
        ["accept-encoding", "gzip"],
      ],
    },
  ];
}

/** Flow paths: STARTS_WITH as a prefix of the path, EQUALS, a trailing `/`, `:param`, regular expressions, plan flows. */
function paths(): DiffRequest[] {
  const get = (sub: string, path = `/d-paths${sub}`): DiffRequest => ({
    name: `paths ${sub || "(context path)"}`,
    method: "GET",
    path,
  });
  return [
    get(""),
    get("/admin"),
    get("/admin/"),
    get("/admin/x"),
    get("/administrator"),
    get("/admin-old"),
    get("/admi"),
    get("/x/admin"),
    get("/Admin"),
    get("/admin//"),
    get("/items/42"),
    get("/items/42/"),
    get("/items/42x/parts"),
    get("/items/42/parts"),
    get("/items/42/parts/"),
    get("/items/42/partsX"),
    get("/items/a%20b/parts"),
    get("/itemsX/42"),
    get("/items/"),
    get("/v1.0/x"),
    get("/v1x0/x"),
    get("/plan"),
    get("/planet"),
    get("/plan/x"),
    // Flow paths are regular expressions (PathPatterns compiles them unescaped).
    get("/shop/products"),
    get("/a/b/products/7"),
    get("/products"),
    get("/orders"),
    get("/carts/"),
    get("/carts/1"),
    get("/x/orders"),
    get("/v2/shop/42"),
    get("/v10/store/a%20b/"),
    get("/vX/shop/42"),
    get("/v2/mall/42"),
    get("/files/a.json"),
    get("/files/aXjson"),
    get("/files/a/b.json"),
    get("/(v2)/a"),
    get("/(v2)/ab"),
    get("/v2/a"),
    get("/plan-42"),
    get("/plan-4"),
    { name: "v2 paths /administrator", method: "GET", path: "/d-v2-paths/administrator" },
    { name: "v2 paths /admin", method: "GET", path: "/d-v2-paths/admin" },
    { name: "v2 paths /adm", method: "GET", path: "/d-v2-paths/adm" },
    { name: "v2 paths /items/7", method: "GET", path: "/d-v2-paths/items/7" },
    { name: "v2 paths /items/7/", method: "GET", path: "/d-v2-paths/items/7/" },
    { name: "v2 paths /items/7/x", method: "GET", path: "/d-v2-paths/items/7/x" },
    { name: "v2 paths /red/7", method: "GET", path: "/d-v2-paths/red/7" },
    { name: "v2 paths /green/7", method: "GET", path: "/d-v2-paths/green/7" },
  ];
}

/** DEFAULT mode: a flow's condition sees what the flows before it did (plan flows first). */
function flowOrder(): DiffRequest[] {
  return [
    { name: "flow order marked", method: "GET", path: "/d-flow-order/x", headers: [["x-mark", "1"]] },
    { name: "flow order unmarked", method: "GET", path: "/d-flow-order/x" },
    { name: "match required /only", method: "GET", path: "/d-match-required/only" },
    { name: "match required /other", method: "GET", path: "/d-match-required/other" },
  ];
}

export function diffRequests(apiKey: string): DiffRequest[] {
  return [
    ...basic(),
    ...notFound(),
    ...compression(),
    ...vhost(),
    ...flows(),
    ...paths(),
    ...flowOrder(),
    ...conditions(),
    ...el(),
    ...headers(),
    ...attributes(),
    ...limits(),
    ...apiKeys(apiKey),
    ...failures(),
    ...content(),
    ...transform(),
    ...v2(),
  ];
}
