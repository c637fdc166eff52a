// The health-check schedule: cron expressions with seconds, next fire times computed field by field.
import { describe, expect, it } from "vitest";
import { parseCron } from "../../runtime/server/cron.ts";

// The expected times are written in UTC; cron fields are read in the process's time zone.
process.env.TZ = "UTC";

const at = (iso: string) => new Date(iso).getTime();
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe("cron schedule", () => {
  it.each([
    ["* * * * * *", "2024-05-01T10:00:00.500Z", "2024-05-01T10:00:01.000Z"],
    ["*/10 * * * * *", "2024-05-01T10:00:03.000Z", "2024-05-01T10:00:10.000Z"],
    ["*/10 * * * * *", "2024-05-01T10:00:50.000Z", "2024-05-01T10:01:00.000Z"],
    ["0 */5 * * * *", "2024-05-01T10:03:00.000Z", "2024-05-01T10:05:00.000Z"],
    ["30 15 10 * * *", "2024-05-01T10:15:30.000Z", "2024-05-02T10:15:30.000Z"],
    ["0 0 0 1 JAN ?", "2024-05-01T00:00:00.000Z", "2025-01-01T00:00:00.000Z"],
    ["0 0 12 * * MON-FRI", "2024-05-03T12:00:00.000Z", "2024-05-06T12:00:00.000Z"],
    ["5,7 * * * * *", "2024-05-01T10:00:05.000Z", "2024-05-01T10:00:07.000Z"],
    ["*/15 * * * *", "2024-05-01T10:00:00.000Z", "2024-05-01T10:15:00.000Z"],
  ])("%s after %s → %s", (expression, from, next) => {
    expect(iso(parseCron(expression).next(at(from)))).toBe(next);
  });

  it.each(["* * * *", "61 * * * * *", "*/0 * * * * *", "a * * * * *"])("rejects %s", (expression) => {
    expect(() => parseCron(expression)).toThrow(/invalid cron/);
  });
});
