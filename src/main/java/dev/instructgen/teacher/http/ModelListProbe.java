package dev.instructgen.teacher.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instructgen.teacher.BackendContext;
import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.TeacherUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The check before a run: one {@code GET} of the server's model list. Only two outcomes stop the run: nothing
 * answers at the address (refused, unknown host, no route, no connection within {@link #CONNECT_TIMEOUT}),
 * which would otherwise cost the whole {@code --patience} in retries; or the backend finds the model missing
 * from a list it can trust. Every other answer (401, 404, a slow or odd reply) is left to the first request,
 * which already ends the run clearly on a fatal status.
 */
public final class ModelListProbe {

    /** Long enough for a remote API over a slow link, short enough that "no server" shows in about a second. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** A busy server may be slow to list models; that proves it is there, so we stop waiting and go on. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 5;

    private ModelListProbe() {
    }

    /**
     * @param path      appended to the base URL, e.g. "/models" or "/api/tags"
     * @param noServer  what to start, for the message when nothing answers
     * @return the list's JSON when the server answered 200 with JSON; empty when the answer proves only that a
     *         server is there
     * @throws FatalTeacherException when nothing answers at the base URL
     */
    public static Optional<JsonNode> list(BackendContext context, String path, String noServer) {
        URI base = context.settings().baseUrl();
        String url = base.toString().replaceAll("/+$", "") + path;
        OkHttpClient client = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(CONNECT_TIMEOUT.plus(READ_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .build();
        Request.Builder request = new Request.Builder().url(url).get();
        String key = context.apiKey();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try (Response response = client.newCall(request.build()).execute()) {
            ResponseBody body = response.body();
            if (response.code() != 200 || body == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(JSON.readTree(body.string()));
            } catch (IOException notJson) {
                return Optional.empty();
            }
        } catch (IOException e) {
            if (nothingAnswers(e)) {
                throw new FatalTeacherException(0, "no server at " + TeacherUrl.display(base) + ": " + noServer,
                        null);
            }
            return Optional.empty();
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private static boolean nothingAnswers(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return true;
            }
            if (t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).contains("connect")) {
                return true;
            }
        }
        return false;
    }

    /** The first few names of a list, for a message. */
    public static String some(List<String> names) {
        List<String> shown = names.stream().filter(n -> !n.isBlank()).limit(SHOWN).toList();
        return String.join(", ", shown) + (names.size() > SHOWN ? ", ..." : "");
    }
}
