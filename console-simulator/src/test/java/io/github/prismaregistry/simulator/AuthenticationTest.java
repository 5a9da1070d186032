package io.github.prismaregistry.simulator;

import static io.github.prismaregistry.simulator.Http.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthenticationTest {

    private static final String REGISTRY = "/api/v1/settings/registry";
    private final MutableClock clock = new MutableClock();

    @RegisterExtension
    final ConsoleSimulatorExtension console = new ConsoleSimulatorExtension(ConsoleSimulator.builder()
            .seed(2)
            .user("ci-user", "ci-secret")
            .userWithoutPermission("viewer", "viewer-password")
            .apiToken("static-token")
            .tokenLifetime(Duration.ofMinutes(30))
            .clock(clock));

    private static String err(HttpResponse<String> response) throws Exception {
        return ConsoleSimulator.MAPPER.readTree(response.body()).get("err").asText();
    }

    @Test
    void authenticateReturnsATokenThatWorksAsBearer() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);
        String token = http.login("ci-user", "ci-secret");

        HttpResponse<String> response = http.get(REGISTRY, Http.bearer(token));

        assertThat(token.split("\\.")).hasSize(3);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sim.loginCount()).isEqualTo(1);
        RecordedRequest get = sim.requests("GET", "settings/registry").get(0);
        assertThat(get.authScheme()).isEqualTo("Bearer");
        assertThat(get.user()).isEqualTo("ci-user");
    }

    @Test
    void configuringUsersReplacesTheDefaultAdmin() throws Exception {
        HttpResponse<String> response = Http.to(console.get()).get(REGISTRY, ADMIN);
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void defaultUserIsAdminWithPasswordAdmin() throws Exception {
        try (ConsoleSimulator sim = ConsoleSimulator.builder().start()) {
            assertThat(Http.to(sim).get(REGISTRY, ADMIN).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void wrongPasswordOnAuthenticateIs401WithErr() throws Exception {
        ConsoleSimulator sim = console.get();
        HttpResponse<String> response = Http.to(sim).post("/api/v1/authenticate",
                "{\"username\":\"ci-user\",\"password\":\"wrong\"}", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(err(response)).isNotBlank().doesNotContain("wrong");
        assertThat(sim.loginCount()).isZero();
    }

    @Test
    void malformedAuthenticateBodyIs400() throws Exception {
        HttpResponse<String> response = Http.to(console.get()).post("/api/v1/authenticate", "not json", null);
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void basicAuthenticationWorksOnEveryCall() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);
        String basic = Http.basic("ci-user", "ci-secret");

        assertThat(http.get(REGISTRY, basic).statusCode()).isEqualTo(200);
        assertThat(http.post(REGISTRY, "{\"version\":\"2\",\"repository\":\"x\"}", basic).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/version", basic).statusCode()).isEqualTo(200);
        assertThat(sim.requests()).allSatisfy(request -> {
            assertThat(request.authScheme()).isEqualTo("Basic");
            assertThat(request.user()).isEqualTo("ci-user");
            assertThat(request.header("Authorization")).isNull();
        });
        assertThat(sim.loginCount()).isZero();
    }

    @Test
    void badOrMissingCredentialsAre401() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);

        HttpResponse<String> wrongBasic = http.get(REGISTRY, Http.basic("ci-user", "nope"));
        HttpResponse<String> unknownToken = http.get(REGISTRY, Http.bearer("made-up"));
        HttpResponse<String> none = http.get(REGISTRY, null);
        HttpResponse<String> garbage = http.get(REGISTRY, "Basic %%%");

        for (HttpResponse<String> response : List.of(wrongBasic, unknownToken, none, garbage)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(err(response)).isNotBlank();
        }
        assertThat(http.post(REGISTRY, "{\"version\":\"2\"}", null).statusCode()).isEqualTo(401);
        assertThat(sim.entryCount()).isEqualTo(2);
    }

    @Test
    void tokensExpireAfterTheirLifetime() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);
        String token = http.login("ci-user", "ci-secret");

        clock.advance(Duration.ofMinutes(29));
        int beforeExpiry = http.get(REGISTRY, Http.bearer(token)).statusCode();
        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> afterExpiry = http.get(REGISTRY, Http.bearer(token));
        String renewed = http.login("ci-user", "ci-secret");

        assertThat(beforeExpiry).isEqualTo(200);
        assertThat(afterExpiry.statusCode()).isEqualTo(401);
        assertThat(err(afterExpiry)).contains("token");
        assertThat(http.get(REGISTRY, Http.bearer(renewed)).statusCode()).isEqualTo(200);
    }

    @Test
    void expireTokensInvalidatesIssuedTokensButNotTheStaticToken() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);
        String token = http.login("ci-user", "ci-secret");

        sim.expireTokens();

        assertThat(http.get(REGISTRY, Http.bearer(token)).statusCode()).isEqualTo(401);
        assertThat(http.get(REGISTRY, Http.bearer("static-token")).statusCode()).isEqualTo(200);
        assertThat(http.get(REGISTRY, Http.bearer(http.login("ci-user", "ci-secret"))).statusCode()).isEqualTo(200);
        assertThat(sim.loginCount()).isEqualTo(2);
    }

    @Test
    void staticApiTokenIsAcceptedAsBearer() throws Exception {
        ConsoleSimulator sim = console.get();
        HttpResponse<String> response = Http.to(sim).post(REGISTRY, "{\"version\":\"2\",\"repository\":\"t\"}",
                Http.bearer("static-token"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sim.requests().get(0).user()).isEqualTo(ConsoleSimulator.API_TOKEN_USER);
    }

    @Test
    void userWithoutPermissionGets403OnRegistrySettingsAndCredentials() throws Exception {
        ConsoleSimulator sim = console.get();
        Http http = Http.to(sim);
        String token = http.login("viewer", "viewer-password");

        HttpResponse<String> get = http.get(REGISTRY, Http.bearer(token));
        HttpResponse<String> post = http.post(REGISTRY, "{\"version\":\"2\"}", Http.basic("viewer", "viewer-password"));
        HttpResponse<String> put = http.put(REGISTRY, "{\"specifications\":[]}", Http.bearer(token));
        HttpResponse<String> credentials = http.get("/api/v1/credentials", Http.bearer(token));
        HttpResponse<String> version = http.get("/api/v1/version", Http.bearer(token));

        assertThat(get.statusCode()).isEqualTo(403);
        assertThat(err(get)).contains("policyContainers");
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(credentials.statusCode()).isEqualTo(403);
        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(sim.entryCount()).isEqualTo(2);
    }

    @Test
    void credentialsListsObjectsWithUnderscoreId() throws Exception {
        HttpResponse<String> response = Http.to(console.get()).get("/api/v34.04/credentials",
                Http.basic("ci-user", "ci-secret"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ConsoleSimulator.MAPPER.readTree(response.body()))
                .isNotEmpty()
                .allSatisfy(credential -> assertThat(credential.get("_id").asText()).isNotBlank());
    }

    @Test
    void recordedRequestsNeverKeepThePasswordHeader() throws Exception {
        ConsoleSimulator sim = console.get();
        Http.to(sim).get(REGISTRY, Http.basic("ci-user", "ci-secret"));

        RecordedRequest request = sim.requests().get(0);
        assertThat(request.headers().keySet()).doesNotContain("authorization");
        assertThat(request.headers().toString()).doesNotContain(Http.basic("ci-user", "ci-secret").substring(6));
    }
}
