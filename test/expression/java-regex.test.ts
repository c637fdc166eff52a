// Java regex → JavaScript RegExp translation: what is copied, what is rewritten, what is refused, and
// that the translated pattern matches like Java's whole-string Matcher.matches().
import { describe, expect, test } from "vitest";
import { translateJavaRegex } from "../../compiler/expression/java-regex.ts";

function translate(pattern: string): { source: string; flags: string } {
  const result = translateJavaRegex(pattern);
  if (!result.ok) throw new Error(`${pattern}: ${result.message}`);
  return result.regex;
}

describe("translateJavaRegex", () => {
  test.each([
    ["\\d+", "^(?:\\d+)$", "u"],
    ["a|b", "^(?:a|b)$", "u"],
    ["(?i)get", "^(?:get)$", "iu"],
    ["(?is)a.b", "^(?:a.b)$", "isu"],
    ["(?m)^a$", "(?<![\\s\\S])(?:^a$)(?![\\s\\S])", "mu"],
    ["a+?b*?", "^(?:a+?b*?)$", "u"],
    ["\\p{Lower}+", "^(?:[a-z]+)$", "u"],
    ["[\\p{Alpha}_]", "^(?:[a-zA-Z_])$", "u"],
    ["\\P{Digit}", "^(?:[^0-9])$", "u"],
    ["\\p{L}\\pL", "^(?:\\p{L}\\p{L})$", "u"],
    ["\\p{IsLatin}", "^(?:\\p{Script=Latin})$", "u"],
    ["\\Qa.b*\\E", "^(?:a\\.b\\*)$", "u"],
    ["\\-\\/\\:\\'", "^(?:-\\/:')$", "u"],
    ["[a\\-z]", "^(?:[a\\-z])$", "u"],
    ["\\x{1F600}\\u00e9\\x41", "^(?:\\u{1F600}\\u00e9\\x41)$", "u"],
    ["\\Aab\\z", "^(?:(?<![\\s\\S])ab(?![\\s\\S]))$", "u"],
    ["(?<year>\\d{4})-\\k<year>", "^(?:(?<year>\\d{4})-\\k<year>)$", "u"],
    ["(?i:a)b", "^(?:(?i:a)b)$", "u"],
    ["(?<=a)b(?!c)", "^(?:(?<=a)b(?!c))$", "u"],
  ])("%s → /%s/%s", (pattern, source, flags) => {
    expect(translate(pattern)).toEqual({ source, flags });
  });

  test.each([
    ["/v1/orders/\\d+", "/v1/orders/42", true],
    ["/v1/orders/\\d+", "/v1/orders/42/items", false],
    ["orders", "/v1/orders", false],
    ["(?i)GET|HEAD", "head", true],
    ["\\p{Lower}+", "été", false],
    ["\\p{L}+", "été", true],
    ["(?m)a$", "a\nb", false],
    ["a\\Z", "a", true],
    // matches() must consume the whole input, so a final line break still fails, as in Java.
    ["a\\Z", "a\n", false],
  ])("%s matches %j: %s", (pattern, input, expected) => {
    const { source, flags } = translate(pattern);
    expect(new RegExp(source, flags).test(input)).toBe(expected);
  });

  test.each([
    ["a++", 2, 1, "Possessive quantifiers are not supported by JavaScript."],
    ["a?+", 2, 1, "Possessive quantifiers are not supported by JavaScript."],
    ["a{2,3}+", 6, 1, "Possessive quantifiers are not supported by JavaScript."],
    ["(?>a)", 0, 3, "Atomic groups (?>…) are not supported by JavaScript."],
    ["[a-z&&[^e]]", 4, 2, "Character class intersection (&&) is Java-only."],
    ["[a[bc]]", 2, 1, "Nested character classes (union) are Java-only."],
    ["a\\Rb", 1, 2, "Java's the linebreak matcher \\R has no JavaScript equivalent."],
    [
      "\\v",
      0,
      2,
      "Java's vertical whitespace \\v (JavaScript reads it as the VT character) has no JavaScript equivalent.",
    ],
    ["\\012", 0, 2, "Octal escapes (\\0…) are not supported."],
    ["\\p{javaLowerCase}", 0, 17, "Java's \\p{javaLowerCase} has no JavaScript equivalent."],
    ["(?x)a b", 0, 4, "The inline flag 'x' has no JavaScript equivalent."],
    ["a(?i)b", 1, 4, "Inline flags are only supported at the start of the pattern."],
    ["a\\", 1, 1, "The pattern ends with a lone backslash."],
    ["a{", 0, 2, "The regular expression is not valid: Incomplete quantifier."],
  ])("refuses %s at %i (+%i)", (pattern, index, length, message) => {
    expect(translateJavaRegex(pattern)).toMatchObject({ ok: false, index, length, message });
  });
});
