package dev.instructgen.teacher.http;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * LangChain4j's {@link HttpClient} over OkHttp. Non-2xx statuses become {@link RetryAfterHttpException} (status,
 * body and the Retry-After header); I/O failures become {@link UncheckedIOException} with the original
 * {@code IOException} (SocketTimeoutException, ConnectException, ...) as cause, so the failure mapper can tell a
 * timeout from a refused connection.
 */
final class OkHttpTransport implements HttpClient {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;

    OkHttpTransport(OkHttpClient client) {
        this.client = client;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) throws HttpException {
        try (Response response = client.newCall(toOkHttp(request)).execute()) {
            String body = bodyOf(response);
            if (!response.isSuccessful()) {
                throw new RetryAfterHttpException(response.code(), body, response.header("Retry-After"));
            }
            return SuccessfulHttpResponse.builder()
                    .statusCode(response.code())
                    .headers(headersOf(response.headers()))
                    .body(body)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Server-sent events for streaming models; the parser runs on OkHttp's dispatcher thread. */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        client.newCall(toOkHttp(request)).enqueue(new Callback() {
            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    if (!response.isSuccessful()) {
                        listener.onError(new RetryAfterHttpException(response.code(), bodyOf(response),
                                response.header("Retry-After")));
                        return;
                    }
                    listener.onOpen(SuccessfulHttpResponse.builder()
                            .statusCode(response.code())
                            .headers(headersOf(response.headers()))
                            .build());
                    parser.parse(response.body().byteStream(), listener);
                    listener.onClose();
                } catch (IOException | RuntimeException e) {
                    listener.onError(e);
                }
            }

            @Override
            public void onFailure(Call call, IOException e) {
                listener.onError(new UncheckedIOException(e));
            }
        });
    }

    private static Request toOkHttp(HttpRequest request) {
        if (!request.formDataFiles().isEmpty() || !request.formDataFields().isEmpty()) {
            throw new UnsupportedOperationException("multipart requests are not used by chat models");
        }
        Request.Builder builder = new Request.Builder().url(request.url());
        request.headers().forEach((name, values) -> values.forEach(value -> builder.addHeader(name, value)));
        RequestBody body = request.body() == null ? null : RequestBody.create(request.body(), JSON);
        if (request.method() == HttpMethod.POST) {
            builder.post(body == null ? RequestBody.create(new byte[0]) : body);
        } else if (request.method() == HttpMethod.DELETE) {
            builder.delete(body);
        } else {
            builder.get();
        }
        return builder.build();
    }

    private static String bodyOf(Response response) throws IOException {
        ResponseBody body = response.body();
        return body == null ? "" : body.string();
    }

    private static Map<String, List<String>> headersOf(Headers headers) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : headers.names()) {
            map.put(name, headers.values(name));
        }
        return map;
    }
}
