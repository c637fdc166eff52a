// ts-morph's printStructure, remembered by structure: API modules mostly share a few import lists,
// and in watch mode most of the gateway's modules (the chunks, the link, main.ts) are the same
// structure as the last compile's — printing a thousand imports again cost more than the change.
import { printStructure, type Structures } from "ts-morph";

const printed = new Map<string, string>();

export function printStructureOnce(structure: Structures): string {
  const key = JSON.stringify(structure);
  let text = printed.get(key);
  if (text === undefined) {
    if (printed.size > 1024) printed.clear();
    text = printStructure(structure, { indentNumberOfSpaces: 2 });
    printed.set(key, text);
  }
  return text;
}
