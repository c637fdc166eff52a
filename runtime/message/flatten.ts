// Strings held for as long as a message session lasts — the request id, the consumer name — are
// built by concatenation, which V8 keeps as a tree of one node per piece (a UUID from
// crypto.randomUUID() is about 20 of them, ~480 bytes) until something reads the string's
// characters. Reading one makes V8 flatten it in place (one sequential string, ~60 bytes for a
// UUID) and the tree becomes garbage.

/** The same string, flattened in place (see above). */
export function flatten(text: string): string {
  // The comparison uses the character read, so the read cannot be optimised away.
  return text.length > 0 && text.charCodeAt(0) < 0 ? "" : text;
}
