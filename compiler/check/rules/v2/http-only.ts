// docs/contract.md §2 rule 10: a v2 API (ApiDefinition) is an HTTP-to-HTTP proxy. Its endpoints are HTTP
// backends; brokers need a v4 MESSAGE API.
import { defineApiRule } from "../../rule.ts";
import { list, obj, str } from "../../spec-view.ts";

const HTTP_TYPES = ["http", "HTTP", "http1", "http2", "grpc", "GRPC"];

export default defineApiRule({
  code: "v2/http-only",
  severity: "error",
  kinds: ["ApiDefinition"],
  check({ spec }, report) {
    for (const { item: group, index: gi } of list(obj(spec.proxy).groups)) {
      for (const { item, index } of list(group.endpoints)) {
        const type = str(item.type);
        if (type === undefined || HTTP_TYPES.includes(type)) continue;
        report({
          pointer: `/spec/proxy/groups/${gi}/endpoints/${index}/type`,
          message: `a v2 API proxies HTTP only; endpoint type \`${type}\` is not an HTTP backend`,
          hint: "use an ApiV4Definition with `type: MESSAGE` to expose a broker",
        });
      }
    }
  },
});
