/*
 * A rate-limit store for the differential suite's Gravitee gateway. The test kit wires a no-op
 * RateLimitRepository and no RateLimitService (the distribution's comes from a repository plugin),
 * so rate-limit, quota and spike-arrest would never count. This one keeps counters in memory with
 * the semantics of Gravitee's local store: a counter starts from the policy's supplier (which sets
 * the window's reset time), every call adds its weight, and a counter past its reset time starts
 * again.
 */
package io.sluice.differential;

import io.gravitee.repository.ratelimit.api.RateLimitService;
import io.gravitee.repository.ratelimit.model.RateLimit;
import io.reactivex.rxjava3.core.Single;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

final class InMemoryRateLimitService implements RateLimitService {

    private final Map<String, RateLimit> counters = new ConcurrentHashMap<>();

    @Override
    public Single<RateLimit> incrementAndGet(String key, long weight, boolean async, Supplier<RateLimit> supplier) {
        return Single.fromCallable(() ->
            counters.compute(key, (k, current) -> {
                RateLimit next = current == null || current.getResetTime() <= System.currentTimeMillis()
                    ? supplier.get()
                    : new RateLimit(current);
                next.setCounter(next.getCounter() + weight);
                return next;
            })
        );
    }
}
