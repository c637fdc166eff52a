// Kafka message ids and resume cursors, in Gravitee's format: a message's id is
// `<topic>@<partition>#<offset>`; a cursor may name several positions,
// `<topic1>@<p>#<o>,<p>#<o>;<topic2>@<p>#<o>` (Gravitee's "last event id"). Resuming from a cursor
// starts *after* each offset it names. With `encodeMessageId` ids are base64url-encoded; decoding
// accepts both forms. https://documentation.gravitee.io/apim/create-apis/endpoints (Kafka, offset selection)

/** topic → partition → offset of the last message seen. */
export type CursorPositions = Map<string, Map<number, bigint>>;

export function messageId(topic: string, partition: number, offset: bigint, encode: boolean): string {
  const id = `${topic}@${partition}#${offset}`;
  return encode ? Buffer.from(id, "utf8").toString("base64url") : id;
}

const POSITION = /^(\d+)#(\d+)$/;

function parsePlain(text: string): CursorPositions | undefined {
  const positions: CursorPositions = new Map();
  for (const part of text.split(";")) {
    if (part === "") continue;
    const at = part.lastIndexOf("@");
    if (at <= 0) return undefined;
    const topic = part.slice(0, at);
    const partitions = positions.get(topic) ?? new Map<number, bigint>();
    for (const p of part.slice(at + 1).split(",")) {
      const m = POSITION.exec(p);
      if (!m) return undefined;
      partitions.set(Number(m[1]), BigInt(m[2]!));
    }
    positions.set(topic, partitions);
  }
  return positions.size > 0 ? positions : undefined;
}

/** The positions a cursor names, or undefined when it is not a Kafka cursor (it is then ignored). */
export function parseCursor(cursor: string): CursorPositions | undefined {
  const plain = parsePlain(cursor);
  if (plain) return plain;
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(cursor)) return undefined;
  return parsePlain(Buffer.from(cursor, "base64url").toString("utf8"));
}

/** Formats positions as a (plain) cursor. */
export function formatCursor(positions: CursorPositions): string {
  return [...positions]
    .map(([topic, ps]) => `${topic}@${[...ps].map(([p, o]) => `${p}#${o}`).join(",")}`)
    .join(";");
}
