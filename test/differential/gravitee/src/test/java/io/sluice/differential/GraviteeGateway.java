/*
 * The real Gravitee APIM gateway for Sluice's differential suite: the gateway test kit starts the
 * gateway in-process; this "test" deploys every gateway-format definition in $DIFF_FIXTURES_DIR,
 * writes the HTTP port to $DIFF_PORT_FILE and keeps the gateway serving until $DIFF_STOP_FILE
 * exists (or $DIFF_MAX_SECONDS pass), so the TypeScript runner can send it the same requests it
 * sends Sluice. See test/differential/README.md.
 *
 * What the kit stubs, and how the same facts reach it as reach Sluice:
 * - `${NAME}` / `${NAME:-default}` in a definition are resolved from the environment, as Sluice
 *   resolves them at start-up (one fixture source for both gateways).
 * - API keys: the kit's ApiKeyService and SubscriptionService are Mockito mocks. They answer from
 *   SLUICE_API_KEYS_<API_ID> (comma-separated), the variable Sluice's API_KEY plans read.
 * - Rate limits: the kit has no RateLimitService (the distribution's comes from a plugin); an
 *   in-memory one is registered (InMemoryRateLimitService).
 */
package io.sluice.differential;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.gravitee.apim.gateway.tests.sdk.AbstractGatewayTest;
import io.gravitee.apim.gateway.tests.sdk.annotations.GatewayTest;
import io.gravitee.apim.gateway.tests.sdk.configuration.GatewayConfigurationBuilder;
import io.gravitee.apim.gateway.tests.sdk.connector.EndpointBuilder;
import io.gravitee.apim.gateway.tests.sdk.connector.EntrypointBuilder;
import io.gravitee.apim.gateway.tests.sdk.converters.LegacyApiDeploymentPreparer;
import io.gravitee.apim.gateway.tests.sdk.converters.V4ApiDeploymentPreparer;
import io.gravitee.apim.gateway.tests.sdk.parameters.GatewayDynamicConfig;
import io.gravitee.apim.gateway.tests.sdk.policy.PolicyBuilder;
import io.gravitee.definition.jackson.datatype.GraviteeMapper;
import io.gravitee.definition.model.Api;
import io.gravitee.gateway.api.service.ApiKey;
import io.gravitee.gateway.api.service.ApiKeyService;
import io.gravitee.gateway.api.service.Subscription;
import io.gravitee.gateway.api.service.SubscriptionService;
import io.gravitee.gateway.reactor.ReactableApi;
import io.gravitee.plugin.endpoint.EndpointConnectorPlugin;
import io.gravitee.plugin.endpoint.http.proxy.HttpProxyEndpointConnectorFactory;
import io.gravitee.plugin.entrypoint.EntrypointConnectorPlugin;
import io.gravitee.plugin.entrypoint.http.proxy.HttpProxyEntrypointConnectorFactory;
import io.gravitee.plugin.policy.PolicyPlugin;
import io.gravitee.policy.apikey.ApiKeyPolicy;
import io.gravitee.policy.apikey.ApiKeyPolicyInitializer;
import io.gravitee.policy.apikey.configuration.ApiKeyPolicyConfiguration;
import io.gravitee.policy.assignattributes.AssignAttributesPolicy;
import io.gravitee.policy.assignattributes.configuration.AssignAttributesPolicyConfiguration;
import io.gravitee.policy.assigncontent.AssignContentPolicy;
import io.gravitee.policy.assigncontent.configuration.AssignContentPolicyConfiguration;
import io.gravitee.policy.json2xml.JsonToXmlTransformationPolicy;
import io.gravitee.policy.json2xml.configuration.JsonToXmlTransformationPolicyConfiguration;
import io.gravitee.policy.quota.QuotaPolicy;
import io.gravitee.policy.quota.configuration.QuotaPolicyConfiguration;
import io.gravitee.policy.ratelimit.RateLimitPolicy;
import io.gravitee.policy.ratelimit.configuration.RateLimitPolicyConfiguration;
import io.gravitee.policy.spike.SpikeArrestPolicy;
import io.gravitee.policy.spike.configuration.SpikeArrestPolicyConfiguration;
import io.gravitee.policy.transformheaders.TransformHeadersPolicy;
import io.gravitee.policy.transformheaders.configuration.TransformHeadersPolicyConfiguration;
import io.gravitee.policy.xml2json.XmlToJsonTransformationPolicy;
import io.gravitee.policy.xml2json.configuration.XmlToJsonTransformationPolicyConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

@GatewayTest
class GraviteeGateway extends AbstractGatewayTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final GraviteeMapper MAPPER = new GraviteeMapper();

    /** A fixed port for benchmarks (DIFF_HTTP_PORT); the suite lets the kit pick a free one. */
    @Override
    protected void configureGateway(GatewayConfigurationBuilder gateway) {
        String port = System.getenv("DIFF_HTTP_PORT");
        if (port != null && !port.isEmpty()) gateway.set("http.port", port);
    }

    @Override
    public void configureEntrypoints(Map<String, EntrypointConnectorPlugin<?, ?>> entrypoints) {
        entrypoints.putIfAbsent("http-proxy", EntrypointBuilder.build("http-proxy", HttpProxyEntrypointConnectorFactory.class));
    }

    @Override
    public void configureEndpoints(Map<String, EndpointConnectorPlugin<?, ?>> endpoints) {
        endpoints.putIfAbsent("http-proxy", EndpointBuilder.build("http-proxy", HttpProxyEndpointConnectorFactory.class));
    }

    @Override
    public void configurePolicies(Map<String, PolicyPlugin> policies) {
        policies.put("transform-headers", PolicyBuilder.build("transform-headers", TransformHeadersPolicy.class, TransformHeadersPolicyConfiguration.class));
        policies.put("rate-limit", PolicyBuilder.build("rate-limit", RateLimitPolicy.class, RateLimitPolicyConfiguration.class));
        policies.put("quota", PolicyBuilder.build("quota", QuotaPolicy.class, QuotaPolicyConfiguration.class));
        policies.put("spike-arrest", PolicyBuilder.build("spike-arrest", SpikeArrestPolicy.class, SpikeArrestPolicyConfiguration.class));
        policies.put(
            "policy-assign-attributes",
            PolicyBuilder.build("policy-assign-attributes", AssignAttributesPolicy.class, AssignAttributesPolicyConfiguration.class)
        );
        policies.put("assign-content", PolicyBuilder.build("assign-content", AssignContentPolicy.class, AssignContentPolicyConfiguration.class));
        policies.put(
            "json-xml",
            PolicyBuilder.build("json-xml", JsonToXmlTransformationPolicy.class, JsonToXmlTransformationPolicyConfiguration.class)
        );
        policies.put(
            "xml-json",
            PolicyBuilder.build("xml-json", XmlToJsonTransformationPolicy.class, XmlToJsonTransformationPolicyConfiguration.class)
        );
        policies.put(
            "api-key",
            PolicyBuilder.build("api-key", ApiKeyPolicy.class, ApiKeyPolicyConfiguration.class, ApiKeyPolicyInitializer.class)
        );
    }

    @Test
    void serve(GatewayDynamicConfig.HttpConfig http) throws Exception {
        if (System.getenv("DIFF_WARM_ONLY") != null) return;
        Path fixtures = Path.of(required("DIFF_FIXTURES_DIR"));
        Path portFile = Path.of(required("DIFF_PORT_FILE"));
        Path stopFile = Path.of(required("DIFF_STOP_FILE"));
        long maxMillis = Long.parseLong(System.getenv().getOrDefault("DIFF_MAX_SECONDS", "600")) * 1000;

        ((ConfigurableApplicationContext) applicationContext).getBeanFactory()
            .registerSingleton("sluiceDifferentialRateLimitService", new InMemoryRateLimitService());

        List<Path> files;
        try (Stream<Path> listing = Files.list(fixtures)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<String> apiKeyPlans = new ArrayList<>();
        for (Path file : files) {
            JsonNode json = MAPPER.readTree(resolvePlaceholders(Files.readString(file), file));
            ReactableApi<?> api = toReactable(json);
            deploy(api);
            apiKeyPlans.addAll(apiKeyPlanIds(json));
        }
        stubApiKeys(apiKeyPlans);

        Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(http.httpPort()));
        Files.move(tmp, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("Gravitee gateway: %d APIs on port %d%n", files.size(), http.httpPort());

        long deadline = System.currentTimeMillis() + maxMillis;
        while (!Files.exists(stopFile) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
    }

    private static ReactableApi<?> toReactable(JsonNode json) throws IOException {
        String version = json.path("definitionVersion").asText(json.path("gravitee").asText(""));
        if (version.startsWith("4")) {
            var definition = MAPPER.treeToValue(json, io.gravitee.definition.model.v4.Api.class);
            return new V4ApiDeploymentPreparer().toReactable(definition, DEFAULT_ID);
        }
        return new LegacyApiDeploymentPreparer().toReactable(MAPPER.treeToValue(json, Api.class), DEFAULT_ID);
    }

    /** "apiId/planId" of every API_KEY plan (v4 `api-key`, v2 `API_KEY`). */
    private static List<String> apiKeyPlanIds(JsonNode json) {
        List<String> out = new ArrayList<>();
        for (JsonNode plan : json.path("plans")) {
            JsonNode security = plan.path("security");
            String type = security.isTextual() ? security.asText() : security.path("type").asText();
            if (type.equalsIgnoreCase("api-key") || type.equalsIgnoreCase("API_KEY")) {
                out.add(json.path("id").asText() + "/" + plan.path("id").asText());
            }
        }
        return out;
    }

    /** The kit's subscription stand-ins, answering from SLUICE_API_KEYS_<API_ID> as Sluice does. */
    private void stubApiKeys(List<String> apiKeyPlans) {
        when(getBean(ApiKeyService.class).getByApiAndKey(any(), any())).thenAnswer(call -> {
            String apiId = call.getArgument(0);
            String key = call.getArgument(1);
            Optional<String> plan = apiKeyPlans.stream().filter(p -> p.startsWith(apiId + "/")).findFirst();
            if (plan.isEmpty() || !keysOf(apiId).contains(key)) return Optional.empty();
            ApiKey apiKey = new ApiKey();
            apiKey.setApi(apiId);
            apiKey.setKey(key);
            apiKey.setPlan(plan.get().substring(apiId.length() + 1));
            apiKey.setApplication("application-" + apiId);
            apiKey.setSubscription("subscription-" + apiId);
            return Optional.of(apiKey);
        });
        when(getBean(SubscriptionService.class).getByApiAndSecurityToken(any(), any(), any())).thenAnswer(call -> {
            String apiId = call.getArgument(0);
            String planId = call.getArgument(2);
            Subscription subscription = new Subscription();
            subscription.setId("subscription-" + apiId);
            subscription.setApi(apiId);
            subscription.setPlan(planId);
            subscription.setApplication("application-" + apiId);
            subscription.setApplicationName("Differential suite");
            return Optional.of(subscription);
        });
    }

    private static List<String> keysOf(String apiId) {
        String variable = "SLUICE_API_KEYS_" + apiId.toUpperCase().replaceAll("[^A-Z0-9]", "_");
        String value = System.getenv().getOrDefault(variable, "");
        return Stream.of(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static String resolvePlaceholders(String text, Path file) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = System.getenv(m.group(1));
            if (value == null) value = m.group(2);
            if (value == null) throw new IllegalStateException(file + ": environment variable " + m.group(1) + " is not set");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) throw new IllegalStateException(name + " is not set");
        return value;
    }
}
