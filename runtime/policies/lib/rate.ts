// The part of rate-limit, quota and spike-arrest configurations they share (Gravitee's
// KeyConfiguration): a counter key (EL), a static or dynamic (EL) limit, and a period.
import type { Exchange } from "../../contract.ts";
import type { ElContext } from "../../el.ts";
import { counterKey, endOfPeriod, integerOf, type PeriodUnit } from "./counters.ts";
import type { Templated } from "./el.ts";

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
  /** When a window opened at `now` resets. */
  end: (now: number) => number;
}

/**
 * Compiles a policy's rate once; the function it returns evaluates it for one request: `limit`
 * when > 0, else `dynamicLimit`, else 0 (blocks everything). What holds for every request (a static
 * limit and period) is resolved here, and the EL context (not free to build) is asked for only by a
 * field that is an expression: `el()` when given (a message's context), else `exchange.el()` — so
 * the request phase passes no closure of its own per request.
 */
export function compileRate<U extends PeriodUnit>(
  rate: Rate<U>,
  type: string,
  defaultUnit: U,
): (exchange: Exchange, el?: () => ElContext) => ResolvedRate<U> {
  const unit = rate.periodTimeUnit ?? defaultUnit;
  const { key, dynamicLimit, dynamicPeriodTime } = rate;
  const staticLimit =
    rate.limit !== undefined && rate.limit > 0 ? rate.limit : dynamicLimit === undefined ? 0 : undefined;
  const staticPeriod = rate.periodTime ?? 1;
  const staticEnd = (now: number) => endOfPeriod(now, staticPeriod, unit);
  const text = (value: Templated, exchange: Exchange, el: (() => ElContext) | undefined) =>
    typeof value === "string" ? value : value(el ? el() : exchange.el());
  return (exchange, el) => {
    const customKey = key === undefined ? undefined : text(key, exchange, el);
    const limit = staticLimit ?? integerOf(text(dynamicLimit!, exchange, el));
    // As in Gravitee, a dynamic period is counted in `periodTimeUnit`; a bad value falls back to 1.
    const dynamicPeriod =
      dynamicPeriodTime === undefined ? 0 : integerOf(text(dynamicPeriodTime, exchange, el));
    return {
      key: counterKey(exchange, type, customKey, rate.useKeyOnly),
      limit,
      periodTime: dynamicPeriod > 0 ? dynamicPeriod : staticPeriod,
      unit,
      end: dynamicPeriod > 0 ? (now) => endOfPeriod(now, dynamicPeriod, unit) : staticEnd,
    };
  };
}
