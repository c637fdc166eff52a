// The runtime helpers compiled expressions call: pure functions with the loose-but-documented
// semantics of docs/expression-language.md.
import { describe, expect, test } from "vitest";
import {
  ElEvaluationError,
  elAdd,
  elBase64,
  elBool,
  elCmp,
  elCondition,
  elContains,
  elDouble,
  elElvis,
  elEq,
  elGet,
  elHas,
  elIntDiv,
  elListHas,
  elMatches,
  elMultiMap,
  elNum,
  elOwn,
  elParseDouble,
  elParseInt,
  elReplace,
  elSize,
  elSplit,
  elStr,
  elUrlDecode,
  elUrlEncode,
} from "../../runtime/el.ts";

describe("conversions", () => {
  test.each([
    ["text", "text"],
    [undefined, ""],
    [null, ""],
    [42, "42"],
    [1.5, "1.5"],
    [true, "true"],
    [["a", "b"], "a,b"],
    [{ a: 1 }, '{"a":1}'],
  ])("elStr(%j) is %j", (value, text) => {
    expect(elStr(value)).toBe(text);
  });

  test.each([
    [7, 7],
    [" 7 ", 7],
    ["0x1F", 31],
    ["1e3", 1000],
    ["", Number.NaN],
    ["seven", Number.NaN],
    [undefined, Number.NaN],
    [true, Number.NaN],
  ])("elNum(%j) is %d", (value, number) => {
    expect(elNum(value)).toBe(number);
  });

  test.each([
    [true, true],
    [false, false],
    ["true", true],
    [" Yes ", true],
    ["on", true],
    ["1", true],
    ["false", false],
    ["OFF", false],
  ])("elBool(%j) is %j", (value, bool) => {
    expect(elBool(value)).toBe(bool);
  });

  test.each([["maybe"], [""], [undefined], [1]])("elBool(%j) fails, as SpEL's conversion does", (value) => {
    expect(() => elBool(value)).toThrow(ElEvaluationError);
  });

  test("a whole condition that is null or empty text is false", () => {
    expect(elCondition(undefined)).toBe(false);
    expect(elCondition(" ")).toBe(false);
    expect(elCondition("yes")).toBe(true);
    expect(() => elCondition("maybe")).toThrow(ElEvaluationError);
  });
});

describe("comparison", () => {
  test.each([
    ["a", "a", true],
    ["a", "b", false],
    [undefined, null, true],
    [undefined, "", false],
    // SpEL's equality check never converts: text is not equal to a number or a boolean.
    [7, "7", false],
    ["7.0", 7, false],
    ["x", Number.NaN, false],
    [true, "true", false],
    ["false", false, false],
    [7, 7.0, true],
    [true, 1, false],
    [["a", "b"], ["a", "b"], true],
    [["a"], ["a", "b"], false],
    [{}, {}, false],
  ])("elEq(%j, %j) is %j", (left, right, equal) => {
    expect(elEq(left, right)).toBe(equal);
    expect(elEq(right, left)).toBe(equal);
  });

  test.each([
    [1, 2, -1],
    [2, 2, 0],
    ["b", "a", 1],
    ["B", "a", -1],
    // StandardTypeComparator: null sorts first, booleans order false < true.
    [undefined, 1, -1],
    [1, null, 1],
    [null, undefined, 0],
    [true, false, 1],
  ])("elCmp(%j, %j) is %d", (left, right, order) => {
    expect(elCmp(left, right)).toBe(order);
  });

  test.each([
    ["10", 9],
    ["x", true],
    [{}, {}],
  ])("elCmp(%j, %j) fails, as SpEL cannot compare them", (left, right) => {
    expect(() => elCmp(left, right)).toThrow(ElEvaluationError);
  });
});

describe("operators and accessors", () => {
  test("elAdd joins text when either side is a string (null as 'null'), adds numbers, else fails", () => {
    expect(elAdd("a", 1)).toBe("a1");
    expect(elAdd(undefined, "b")).toBe("nullb");
    expect(elAdd("a", null)).toBe("anull");
    expect(elAdd(2, 3)).toBe(5);
    expect(() => elAdd(undefined, 1)).toThrow(ElEvaluationError);
    expect(() => elAdd(true, 1)).toThrow(ElEvaluationError);
  });

  test.each([
    [2, "2.0"],
    [0.5, "0.5"],
    [-1.25, "-1.25"],
    [1e7, "1.0E7"],
    [1.5e10, "1.5E10"],
    [1e-4, "1.0E-4"],
    [0, "0.0"],
    [Number.NaN, "NaN"],
  ])("elDouble(%d) prints %j, as Java's Double.toString", (value, text) => {
    expect(elDouble(value)).toBe(text);
  });

  test.each([
    ["/v1/orders/42", "/", ["", "v1", "orders", "42"]],
    ["/", "/", []],
    ["", "/", [""]],
    ["a,b,,", ",", ["a", "b"]],
    ["abc", "", ["a", "b", "c"]],
    ["a1b22c", "[0-9]+", ["a", "b", "c"]],
  ])("elSplit(%j, /%s/) is %j, as Java's String.split", (text, pattern, parts) => {
    expect(elSplit(text, new RegExp(pattern, "u"))).toEqual(parts);
  });

  test("integer division truncates and fails on zero; parsing follows Java", () => {
    expect(elIntDiv(7, 2)).toBe(3);
    expect(elIntDiv(-7, 2)).toBe(-3);
    expect(() => elIntDiv(1, 0)).toThrow(ElEvaluationError);
    expect(elParseInt("-42")).toBe(-42);
    expect(() => elParseInt("4.2")).toThrow(ElEvaluationError);
    expect(() => elParseInt("2147483648")).toThrow(ElEvaluationError);
    expect(elParseInt("2147483648", 64)).toBe(2147483648);
    expect(elParseDouble(" 1.5d ")).toBe(1.5);
    expect(() => elParseDouble("x")).toThrow(ElEvaluationError);
  });

  test("URL and Base64 encoding as Java's URLEncoder and Base64", () => {
    expect(elUrlEncode("a b&c=d/é*~")).toBe("a+b%26c%3Dd%2F%C3%A9*%7E");
    expect(elUrlDecode("a+b%26c")).toBe("a b&c");
    expect(elBase64("hello")).toBe("aGVsbG8=");
    expect(elBase64("é?>", "base64url")).toBe("w6k_Pg==");
  });

  test("elMatches never matches an absent value", () => {
    expect(elMatches("abc", /^(?:a.c)$/u)).toBe(true);
    expect(elMatches(42, /^(?:\d+)$/u)).toBe(true);
    expect(elMatches(undefined, /^(?:.*)$/u)).toBe(false);
  });

  test("elElvis falls back on null, undefined and the empty string only", () => {
    expect(elElvis("x", "d")).toBe("x");
    expect(elElvis("", "d")).toBe("d");
    expect(elElvis(undefined, "d")).toBe("d");
    expect(elElvis(0, 1)).toBe(0);
    expect(elElvis(false, true)).toBe(false);
  });

  test("elGet reads own properties, list indexes and Map entries only", () => {
    const user = { email: "a@b", roles: ["admin"] };
    expect(elGet(user, "email")).toBe("a@b");
    expect(elGet(user, "constructor")).toBeUndefined();
    expect(elGet(user, "__proto__")).toBeUndefined();
    expect(elGet(["a", "b"], 1)).toBe("b");
    expect(elGet(["a", "b"], "1")).toBe("b");
    expect(elGet(["a", "b"], 0.5)).toBeUndefined();
    expect(elGet(new Map([["k", 1]]), "k")).toBe(1);
    expect(elGet("abc", 0)).toBeUndefined();
    expect(elGet(undefined, "x")).toBeUndefined();
  });

  test("elOwn and elHas ignore Object.prototype", () => {
    const record: Record<string, string> = { region: "eu" };
    expect(elOwn(record, "region")).toBe("eu");
    expect(elOwn(record, "toString")).toBeUndefined();
    expect(elOwn(undefined, "region")).toBeUndefined();
    expect(elHas(record, "region")).toBe(true);
    expect(elHas(record, "constructor")).toBe(false);
  });

  test("list and run-time collection helpers", () => {
    expect(elListHas(["a", "b"], "b")).toBe(true);
    expect(elListHas(undefined, "b")).toBe(false);
    expect(elListHas([""], undefined)).toBe(false);
    expect(elContains(["admin", 1], 1)).toBe(true);
    expect(elContains("t0k", "0k")).toBe(true);
    expect(elContains(undefined, "x")).toBe(false);
    expect(elSize(["a"])).toBe(1);
    expect(elSize({ a: 1, b: 2 })).toBe(2);
    expect(elSize(new Map())).toBe(0);
    expect(elSize("abc")).toBe(3);
    expect(elSize(undefined)).toBe(0);
  });

  test("elReplace replaces every occurrence literally, like Java's String.replace", () => {
    expect(elReplace("/a/b", "/", "_")).toBe("_a_b");
    expect(elReplace("a.b", ".", "$&$&")).toBe("a$&$&b");
    expect(elReplace("ab", "", "-")).toBe("-a-b-");
  });

  test("elMultiMap merges values and folds keys when asked", () => {
    const headers = elMultiMap({ Accept: "a", accept: ["b", "c"], "X-None": undefined }, true);
    expect(headers("accept")).toEqual(["a", "b", "c"]);
    expect(headers("x-none")).toBeUndefined();
    const params = elMultiMap({ Page: "1" });
    expect(params("Page")).toEqual(["1"]);
    expect(params("page")).toBeUndefined();
  });
});
