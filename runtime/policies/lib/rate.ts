// The part of rate-limit, quota and spike-arrest configurations they share (Gravitee's
// KeyConfiguration): a counter key (EL), a static or dynamic (EL) limit, and a period.
import type { Exchange } from "../../contract.ts";
import type { ElContext } from "../../el.ts";
import { counterKey, integerOf, type PeriodUnit } from "./counters.ts";
import { render, type Templated } from "./el.ts";

/** A rate as generated code passes it: the EL fields may be compiled templates. */
export interface Rate<U extends PeriodUnit> {
  key?: Templated;
  useKeyOnly?: boolean;
  limit?: number;
  dynamicLimit?: Templated;
  periodTime?: number;
  periodTimeUnit?: U;
  dynamicPeriodTime?: Templated;
}

export interface ResolvedRate<U extends PeriodUnit> {
  key: string;
  limit: number;
  periodTime: number;
  unit: U;
}

/** Evaluates a rate for one request: `limit` when > 0, else `dynamicLimit`, else 0 (blocks everything). */
export function resolveRate<U extends PeriodUnit>(
  rate: Rate<U>,
  exchange: Exchange,
  el: ElContext,
  type: string,
  defaultUnit: U,
): ResolvedRate<U> {
  const customKey = rate.key === undefined ? undefined : render(rate.key, el);
  const limit =
    rate.limit !== undefined && rate.limit > 0
      ? rate.limit
      : rate.dynamicLimit !== undefined
        ? integerOf(render(rate.dynamicLimit, el))
        : 0;
  // As in Gravitee, a dynamic period is counted in `periodTimeUnit`; a bad value falls back to 1.
  const dynamicPeriod =
    rate.dynamicPeriodTime === undefined ? 0 : integerOf(render(rate.dynamicPeriodTime, el));
  return {
    key: counterKey(exchange, type, customKey, rate.useKeyOnly),
    limit,
    periodTime: dynamicPeriod > 0 ? dynamicPeriod : (rate.periodTime ?? 1),
    unit: rate.periodTimeUnit ?? defaultUnit,
  };
}
