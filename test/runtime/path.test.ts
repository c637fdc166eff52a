// Request-target normalisation (runtime/server/path.ts): one row a case, each mode.
import { describe, expect, it } from "vitest";
import { BadTarget, normalisePath, pathHandlingFrom, resolveTarget } from "../../runtime/server/path.ts";

const BAD = "400";

/** [request target, NORMALIZE, REJECT, RAW] — BAD where the mode answers 400. */
const CASES: ReadonlyArray<readonly [string, string, string, string]> = [
  ["/", "/", "/", "/"],
  ["/orders", "/orders", "/orders", "/orders"],
  ["/orders/", "/orders/", "/orders/", "/orders/"],
  ["/orders/1?x=1", "/orders/1?x=1", "/orders/1?x=1", "/orders/1?x=1"],
  ["/public/../sec/admin", "/sec/admin", BAD, "/public/../sec/admin"],
  ["/public/%2e%2e/sec/admin", "/sec/admin", BAD, "/public/%2e%2e/sec/admin"],
  ["/public/.%2E/sec/admin", "/sec/admin", BAD, "/public/.%2E/sec/admin"],
  ["/public/%2E./sec", "/sec", BAD, "/public/%2E./sec"],
  ["/a/./b", "/a/b", BAD, "/a/./b"],
  ["/a/%2e/b", "/a/b", BAD, "/a/%2e/b"],
  ["/a/b/..", "/a/", BAD, "/a/b/.."],
  ["/a/b/.", "/a/b/", BAD, "/a/b/."],
  ["/../../etc/passwd", "/etc/passwd", BAD, "/../../etc/passwd"],
  ["/..", "/", BAD, "/.."],
  ["//admin", "/admin", "//admin", "//admin"],
  ["/pub//x///y", "/pub/x/y", "/pub//x///y", "/pub//x///y"],
  ["/pub/x//", "/pub/x/", "/pub/x//", "/pub/x//"],
  ["/%61dmin", "/admin", "/%61dmin", "/%61dmin"],
  ["/%41%7e%2D%5f", "/A~-_", "/%41%7e%2D%5f", "/%41%7e%2D%5f"],
  ["/a%2Fb", "/a%2Fb", "/a%2Fb", "/a%2Fb"],
  ["/a%2fb", "/a%2Fb", "/a%2fb", "/a%2fb"],
  ["/..%2Fadmin", BAD, BAD, "/..%2Fadmin"],
  ["/a/%2e%2e%2fadmin", BAD, BAD, "/a/%2e%2e%2fadmin"],
  ["/a/x%2F.%2Fy", BAD, BAD, "/a/x%2F.%2Fy"],
  ["/a/..%5cb", BAD, BAD, "/a/..%5cb"],
  ["/a/x%2F..y", "/a/x%2F..y", "/a/x%2F..y", "/a/x%2F..y"],
  ["/a/%252e%252e/b", BAD, BAD, "/a/%252e%252e/b"],
  ["/a/x%252f..%252fb", BAD, BAD, "/a/x%252f..%252fb"],
  ["/a/x%ef%bc%8f..%ef%bc%8fb", BAD, BAD, "/a/x%ef%bc%8f..%ef%bc%8fb"],
  ["/a/%25252e%25252e/b", BAD, BAD, "/a/%25252e%25252e/b"],
  ["/a/50%25off", "/a/50%25off", "/a/50%25off", "/a/50%25off"],
  ["/a/%2561dmin", BAD, BAD, "/a/%2561dmin"],
  ["/a/%25%32%65", BAD, BAD, "/a/%25%32%65"],
  ["/a/%25%2F", "/a/%25%2F", "/a/%25%2F", "/a/%25%2F"],
  ["/a/100%25", "/a/100%25", "/a/100%25", "/a/100%25"],
  ["/a%20b", "/a%20b", "/a%20b", "/a%20b"],
  // Encoded control characters and overlong UTF-8 (`%C0%AE` is `.` to a lax decoder) are refused.
  ["/a%00b", BAD, BAD, "/a%00b"],
  ["/a/..%0d%0a/b", BAD, BAD, "/a/..%0d%0a/b"],
  ["/a/%7F", BAD, BAD, "/a/%7F"],
  ["/a/%c0%ae%c0%ae/b", BAD, BAD, "/a/%c0%ae%c0%ae/b"],
  ["/a/%e0%80%ae/b", BAD, BAD, "/a/%e0%80%ae/b"],
  ["/a/%f0%80%80%ae/b", BAD, BAD, "/a/%f0%80%80%ae/b"],
  // Not overlong: a latin-1 `À` alone, and the shortest forms of `é` and `€`.
  ["/a/%C0", "/a/%C0", "/a/%C0", "/a/%C0"],
  ["/a/caf%C3%A9/%E2%82%AC", "/a/caf%C3%A9/%E2%82%AC", "/a/caf%C3%A9/%E2%82%AC", "/a/caf%C3%A9/%E2%82%AC"],
  ["/%zz", BAD, BAD, "/%zz"],
  ["/a%4", BAD, BAD, "/a%4"],
  ["/a%", BAD, BAD, "/a%"],
  ["/public/..;/admin", BAD, BAD, "/public/..;/admin"],
  ["/public/.;x/admin", BAD, BAD, "/public/.;x/admin"],
  ["/a;v=1/b", "/a;v=1/b", "/a;v=1/b", "/a;v=1/b"],
  ["/.well-known/x", "/.well-known/x", "/.well-known/x", "/.well-known/x"],
  ["/a/...", "/a/...", "/a/...", "/a/..."],
  ["/a b", BAD, BAD, BAD],
  ["/public/..\\sec", BAD, BAD, "/public/..\\sec"],
  ["/a#frag", BAD, BAD, "/a#frag"],
  ["/a%5Cb", "/a%5Cb", "/a%5Cb", "/a%5Cb"],
  ["/a\tb", BAD, BAD, BAD],
  ["/caf\u00e9", "/caf%E9", "/caf\u00e9", "/caf\u00e9"],
  ["/a?x=/../y", "/a?x=/../y", "/a?x=/../y", "/a?x=/../y"],
  ["/x/../a?q=%zz", "/a?q=%zz", BAD, "/x/../a?q=%zz"],
  ["http://gw.example/pub/x?y=1", "/pub/x?y=1", "/pub/x?y=1", "/pub/x?y=1"],
  ["HTTP://gw.example:8082/pub/../sec", "/sec", BAD, "/pub/../sec"],
  ["http://gw.example", "/", "/", "/"],
  ["http://user@gw.example/pub", BAD, BAD, BAD],
  ["http:///pub", BAD, BAD, BAD],
  ["*", BAD, BAD, BAD],
  ["pub/x", BAD, BAD, BAD],
  ["ftp://gw.example/pub", BAD, BAD, BAD],
];

describe("resolveTarget", () => {
  const modes = ["NORMALIZE", "REJECT", "RAW"] as const;
  for (const [target, ...expected] of CASES) {
    modes.forEach((mode, i) => {
      it(`${mode} ${JSON.stringify(target)} → ${expected[i]}`, () => {
        const r = resolveTarget(target, mode);
        if (expected[i] === BAD) expect(r).toBeInstanceOf(BadTarget);
        else {
          expect(r).not.toBeInstanceOf(BadTarget);
          expect((r as { url: string }).url).toBe(expected[i]);
        }
      });
    });
  }

  it("takes the authority of an absolute-form target", () => {
    expect(resolveTarget("http://gw.example:8082/pub/x", "NORMALIZE")).toEqual({
      path: "/pub/x",
      url: "/pub/x",
      authority: "gw.example:8082",
    });
  });

  it("returns the very same string when nothing changes (the fast path)", () => {
    const path = "/orders/123/items";
    expect(normalisePath(path)).toBe(path);
    const url = "/orders/1?x=%zz";
    expect((resolveTarget(url, "NORMALIZE") as { url: string }).url).toBe(url);
  });

  it("is idempotent", () => {
    for (const [target, normalised] of CASES) {
      if (normalised === BAD || !target.startsWith("/")) continue;
      const again = resolveTarget(normalised, "NORMALIZE") as { url: string };
      expect(again.url, target).toBe(normalised);
    }
  });
});

describe("pathHandlingFrom", () => {
  it.each([
    [undefined, "NORMALIZE", undefined],
    ["raw", "RAW", undefined],
    ["REJECT", "REJECT", undefined],
    ["NORMALISE", "NORMALIZE", "NORMALISE"],
  ])("%s → %s", (value, mode, unknown) => {
    const r = pathHandlingFrom(value);
    expect(r.mode).toBe(mode);
    expect(r.unknown).toBe(unknown);
  });
});
