// Renders every line of standard input with Gravitee's own template engine (gravitee-expression-language
// from Maven Central, whitelist loaded as the gateway loads it), over objects shaped like the ones
// test/expression/gravitee-values.ts describes, one "index<TAB>value" line each. Used by check.sh to
// confirm the table's expected values; never part of the product.
import io.gravitee.el.TemplateEngine;
import io.gravitee.gateway.api.http.HttpHeaders;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.*;

public class GraviteeValues {
    public static class Req {
        private final HttpHeaders headers = HttpHeaders.create();
        public Req() {
            headers.add("X-A", "a1"); headers.add("X-A", "a2");
            headers.add("X-Csv", "x, y"); headers.add("X-Count", "7"); headers.add("X-Tenant", "acme"); headers.add("X-Empty", "");
        }
        public HttpHeaders getHeaders() { return headers; }
        public String getMethod() { return "POST"; }
        public String getPath() { return "/el/all"; }
        public String[] getPaths() { return "/el/all".split("/"); }
        public String getContent() { return "{\"user\":{\"name\":\"ann\",\"roles\":[\"admin\",\"dev\"]},\"n\":5,\"price\":2.5}"; }
        private final io.gravitee.common.util.LinkedMultiValueMap<String, String> params = new io.gravitee.common.util.LinkedMultiValueMap<>();
        { params.add("tag", "a"); params.add("tag", "b"); params.add("n", "7"); params.add("q", "hello world"); }
        public io.gravitee.common.util.MultiValueMap<String, String> getParams() { return params; }
        public String getScheme() { return "http"; }
        public String getUri() { return "/el/all?tag=a&tag=b&n=7&q=hello%20world"; }
        public String getVersion() { return "HTTP_1_1"; }
        public long getTimestamp() { return System.currentTimeMillis(); }
        public String getRemoteAddress() { return "127.0.0.1"; }
        public String getLocalAddress() { return "127.0.0.1"; }
        private final String id = java.util.UUID.randomUUID().toString();
        public String getId() { return id; }
        public String getTransactionId() { return id; }
    }
    public static class Res {
        private final HttpHeaders headers = HttpHeaders.create();
        public Res() { headers.add("X-R", "r1"); headers.add("X-R", "r2"); headers.add("Content-Type", "application/json"); }
        public int getStatus() { return 201; }
        public HttpHeaders getHeaders() { return headers; }
        public String getContent() { return "{\"items\":[1,2,3],\"name\":\"widget\"}"; }
    }
    public static class Api {
        public String getName() { return "EL values"; }
        public String getVersion() { return "1.2"; }
        public Map<String, String> getProperties() { return Map.of("region", "eu"); }
    }
    public static class Ctx {
        private final Map<String, Object> attributes = new HashMap<>();
        public Ctx() {
            attributes.put("count", "5"); attributes.put("flag", "true"); attributes.put("empty", "");
            attributes.put("api", "el-values"); attributes.put("api.name", "EL values"); attributes.put("plan", "free");
            attributes.put("application", "1"); attributes.put("user-id", "127.0.0.1");
        }
        public Map<String, Object> getAttributes() { return attributes; }
    }
    public static void main(String[] args) throws Exception {
        io.gravitee.el.spel.context.SecuredResolver.initialize(null);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line; int i = 0;
        while ((line = in.readLine()) != null) {
            TemplateEngine engine = TemplateEngine.templateEngine();
            engine.getTemplateContext().setVariable("request", new Req());
            engine.getTemplateContext().setVariable("context", new Ctx());
            engine.getTemplateContext().setVariable("response", new Res());
            engine.getTemplateContext().setVariable("api", new Api());
            String out;
            try { out = String.valueOf(engine.getValue(line, String.class)); }
            catch (Throwable t) { Throwable c = t; while (c.getCause() != null) c = c.getCause(); out = "<FAILS: " + t.getClass().getSimpleName() + ": " + c.getMessage() + ">"; }
            System.out.println(i + "\t" + out.replace("\n", "\\n"));
            i++;
        }
    }
}
