package dev.instructgen.review.server;

import dev.instructgen.testing.SyntheticRunDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The review server answers only its own page, and only with the token. */
class ReviewServerRefusalTest {

    @TempDir
    static Path run;

    static ReviewServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        SyntheticRunDirectory.write(run, 60);
        server = ReviewServer.start(run, 0, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void itListensOnTheLoopbackAddressOnly() {
        assertThat(server.url()).startsWith("http://127.0.0.1:" + server.port() + "/?token=");
    }

    @Test
    void theRightTokenOpensThePageAndTheApi() throws Exception {
        assertThat(get(server.url(), null).statusCode()).isEqualTo(200);
        HttpResponse<String> list = get(base() + "/api/records?record=example", token());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"total\":60");
    }

    @Test
    void aRequestWithoutTheTokenIsRefused() throws Exception {
        assertThat(get(base() + "/", null).statusCode()).isEqualTo(403);
        assertThat(get(base() + "/api/records", null).statusCode()).isEqualTo(403);
        assertThat(get(base() + "/api/records?token=wrong", null).statusCode()).isEqualTo(403);
    }

    @Test
    void aRequestFromAnotherOriginIsRefusedEvenWithTheToken() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/reviews"))
                .header("X-Review-Token", token()).header("Origin", "http://evil.example")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"ex-30\",\"decision\":\"accepted\"}"))
                .timeout(Duration.ofSeconds(5)).build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(Files.exists(run.resolve("reviews.jsonl")) ? Files.readString(run.resolve("reviews.jsonl")) : "")
                .doesNotContain("ex-30");
    }

    @Test
    void aDecisionSentAsAFormRatherThanJsonIsRefused() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/reviews"))
                .header("X-Review-Token", token()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"ex-31\",\"decision\":\"accepted\"}"))
                .timeout(Duration.ofSeconds(5)).build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(415);
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static String token() {
        return server.url().substring(server.url().indexOf("token=") + "token=".length());
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        if (token != null) {
            request.header("X-Review-Token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
