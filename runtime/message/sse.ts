// Server-sent events as the `sse` entrypoint writes them (docs/contract.md §5, Gravitee's SseEvent): fields in
// the order retry, id, event, data, then comment lines `:key: value`, and a blank line. A content
// with line breaks becomes several `data:` lines, so the client's EventSource rebuilds it exactly.
// https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
import type { Message } from "../contract.ts";

export interface SseEventFields {
  retry?: number;
  id?: string | undefined;
  event?: string;
  data?: string;
  comments?: ReadonlyArray<readonly [string, string]>;
}

/** A line field may not contain a line break (it would end the field early). */
function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, " ");
}

export function formatSseEvent(fields: SseEventFields): string {
  const lines: string[] = [];
  if (fields.retry !== undefined) lines.push(`retry: ${fields.retry}`);
  if (fields.id !== undefined) lines.push(`id: ${oneLine(fields.id)}`);
  if (fields.event !== undefined) lines.push(`event: ${oneLine(fields.event)}`);
  if (fields.data !== undefined)
    for (const line of fields.data.split(/\r\n|\r|\n/)) lines.push(`data: ${line}`);
  for (const [key, value] of fields.comments ?? []) lines.push(`:${oneLine(key)}: ${oneLine(value)}`);
  return `${lines.join("\n")}\n\n`;
}

/** The idle heartbeat: an empty comment. */
export const SSE_HEARTBEAT = ":\n\n";

const LINE_BREAK = /[\r\n]/;

export function formatSseMessage(
  message: Message,
  options: { headersAsComment: boolean; metadataAsComment: boolean },
): string {
  // The usual event — no comments, an id and a content on one line each — in one string, without
  // the field list formatSseEvent builds (this runs once per message).
  const content = message.content;
  if (
    !options.headersAsComment &&
    !options.metadataAsComment &&
    content.indexOf(10) === -1 &&
    content.indexOf(13) === -1 &&
    (message.id === undefined || !LINE_BREAK.test(message.id))
  ) {
    const data = content.toString("utf8");
    return message.id === undefined
      ? `event: message\ndata: ${data}\n\n`
      : `id: ${message.id}\nevent: message\ndata: ${data}\n\n`;
  }
  const comments: Array<readonly [string, string]> = [];
  if (options.headersAsComment) {
    for (const [name, values] of Object.entries(message.headers)) comments.push([name, values.join(",")]);
  }
  if (options.metadataAsComment) {
    for (const [key, value] of Object.entries(message.metadata)) comments.push([key, String(value)]);
  }
  return formatSseEvent({
    id: message.id,
    event: "message",
    data: message.content.toString("utf8"),
    comments,
  });
}
