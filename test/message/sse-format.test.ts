// The SSE wire format of one message (runtime/message/sse.ts), table-driven: the usual event (built
// in one string) and the general one (comments, multi-line content, an id with a line break) must
// read the same to an EventSource.
import { describe, expect, it } from "vitest";
import type { Message } from "../../runtime/contract.ts";
import { formatSseMessage } from "../../runtime/message/sse.ts";

const plain = { headersAsComment: false, metadataAsComment: false };
const message = (content: string, id?: string, extra: Partial<Message> = {}): Message => ({
  content: Buffer.from(content, "utf8"),
  headers: {},
  metadata: {},
  ...(id === undefined ? {} : { id }),
  ...extra,
});

const cases: Array<{ name: string; message: Message; options?: typeof plain; wire: string }> = [
  {
    name: "id and content",
    message: message("hello", "t@0#1"),
    wire: "id: t@0#1\nevent: message\ndata: hello\n\n",
  },
  { name: "no id", message: message("hello"), wire: "event: message\ndata: hello\n\n" },
  { name: "empty content", message: message("", "7"), wire: "id: 7\nevent: message\ndata: \n\n" },
  {
    name: "UTF-8 content",
    message: message("héllo ✓", "1"),
    wire: "id: 1\nevent: message\ndata: héllo ✓\n\n",
  },
  {
    name: "content with line breaks: one data line each",
    message: message("a\nb\r\nc\rd", "2"),
    wire: "id: 2\nevent: message\ndata: a\ndata: b\ndata: c\ndata: d\n\n",
  },
  {
    name: "an id with a line break is one line",
    message: message("x", "a\nb"),
    wire: "id: a b\nevent: message\ndata: x\n\n",
  },
  {
    name: "headers and metadata as comments",
    message: message("x", "3", { headers: { "X-A": ["1", "2"] }, metadata: { topic: "t" } }),
    options: { headersAsComment: true, metadataAsComment: true },
    wire: "id: 3\nevent: message\ndata: x\n:X-A: 1,2\n:topic: t\n\n",
  },
];

describe("formatSseMessage", () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(formatSseMessage(c.message, c.options ?? plain)).toBe(c.wire);
    });
  }
});
