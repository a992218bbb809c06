package dev.instructgen.teacher.http;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OkHttpTransportBuilderTest {

    WireMockServer server;
    OkHttpTransportBuilder builder;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        builder = new OkHttpTransportBuilder(48, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        builder.close();
        server.stop();
    }

    HttpRequest post(String body) {
        return HttpRequest.builder().method(HttpMethod.POST).url(server.baseUrl() + "/x")
                .addHeader("Content-Type", "application/json").addHeader("X-Test", "1").body(body).build();
    }

    @Test
    void theDispatcherIsSizedForTheConcurrencyNotOkHttpsDefaultOfFive() {
        assertThat(builder.maxRequestsPerHost()).isEqualTo(48);
    }

    @Test
    void sendsMethodHeadersAndBodyAndReturnsTheSuccessfulResponse() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/x")
                .willReturn(aResponse().withStatus(200).withHeader("X-Reply", "yes").withBody("{\"ok\":true}")));

        SuccessfulHttpResponse response = builder.build().execute(post("{\"a\":1}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(response.headers().get("x-reply")).containsExactly("yes");
        server.verify(postRequestedFor(urlEqualTo("/x")).withHeader("X-Test", equalTo("1"))
                .withRequestBody(equalToJson("{\"a\":1}")));
    }

    @Test
    void anErrorStatusKeepsBodyAndRetryAfter() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/x").willReturn(aResponse()
                .withStatus(429).withHeader("Retry-After", "12").withBody("{\"error\":\"slow down\"}")));

        RetryAfterHttpException e = catchThrowableOfType(RetryAfterHttpException.class,
                () -> builder.build().execute(post("{}")));

        assertThat(e.statusCode()).isEqualTo(429);
        assertThat(e.getMessage()).isEqualTo("{\"error\":\"slow down\"}");
        assertThat(e.retryAfter()).contains("12");
    }

    @Test
    void theTimeoutSetByTheModelApplies() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/x")
                .willReturn(aResponse().withStatus(200).withFixedDelay(1000).withBody("{}")));
        HttpClient client = builder.connectTimeout(Duration.ofMillis(200)).readTimeout(Duration.ofMillis(200)).build();

        UncheckedIOException e = catchThrowableOfType(UncheckedIOException.class, () -> client.execute(post("{}")));

        // SocketTimeoutException (read) or InterruptedIOException (whole call): both mean timeout
        assertThat(e.getCause()).isInstanceOf(java.io.InterruptedIOException.class);
        assertThat(builder.readTimeout()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void streamsServerSentEventsToTheListener() throws Exception {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/x").willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody("data: {\"n\":1}\n\ndata: {\"n\":2}\n\ndata: [DONE]\n\n")));
        java.util.List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

        builder.build().execute(post("{}"), new dev.langchain4j.http.client.sse.DefaultServerSentEventParser(),
                new dev.langchain4j.http.client.sse.ServerSentEventListener() {
                    @Override
                    public void onEvent(dev.langchain4j.http.client.sse.ServerSentEvent event) {
                        events.add(event.data());
                    }

                    @Override
                    public void onError(Throwable error) {
                        events.add("error: " + error);
                        closed.countDown();
                    }

                    @Override
                    public void onClose() {
                        closed.countDown();
                    }
                });

        assertThat(closed.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactly("{\"n\":1}", "{\"n\":2}", "[DONE]");
    }
}
