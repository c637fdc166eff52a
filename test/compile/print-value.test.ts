// The printer of generated data: what it prints evaluates to the value it was given, also for
// keys JavaScript treats specially in object literals.
import { describe, expect, it } from "vitest";
import { ValuePrinter } from "../../compiler/emit/print-value.ts";

const roundTrip = (value: unknown): unknown =>
  new Function(`return (${new ValuePrinter().write(value as never).text()});`)();

describe("printed values", () => {
  it("prints a `__proto__` key as a property, not as the object's prototype", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a-b": 1, "plain": "x"}');
    const text = new ValuePrinter().write(value).text();
    expect(text).toContain('["__proto__"]: {');
    const back = roundTrip(value) as Record<string, unknown>;
    expect(Object.hasOwn(back, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect((back as { polluted?: boolean }).polluted).toBeUndefined();
    expect(back["a-b"]).toBe(1);
  });

  it("round-trips strings that need escaping and nested lists", () => {
    const value = { s: 'quote " backslash \\ newline \n </script>', list: [1, [true, null], { k: "v" }] };
    expect(roundTrip(value)).toEqual(value);
  });
});
