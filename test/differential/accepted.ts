// The differences between Sluice and the real Gravitee gateway that are intended: each one is an
// entry of docs/gravitee-differences.md (the `id` is its heading's anchor) with the reason. The
// differential suite fails on every difference not matched here.
import type { Difference } from "./compare.ts";

export interface AcceptedDifference {
  /** The anchor of the entry in docs/gravitee-differences.md. */
  readonly id: string;
  /** Matches Difference.field. */
  readonly field: RegExp;
  /** Matches the request's name; every request when absent. */
  readonly requests?: RegExp;
  /** Matches the Gravitee side's value, when only some values are accepted. */
  readonly gravitee?: RegExp;
  /** Matches the Sluice side's value. */
  readonly sluice?: RegExp;
}

export const ACCEPTED: readonly AcceptedDifference[] = [];

export function acceptedBy(request: string, difference: Difference): AcceptedDifference | undefined {
  return ACCEPTED.find(
    (a) =>
      a.field.test(difference.field) &&
      (a.requests?.test(request) ?? true) &&
      (a.gravitee?.test(difference.gravitee) ?? true) &&
      (a.sluice?.test(difference.sluice) ?? true),
  );
}
