package dev.instructgen.pipeline.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The OpenAI Batch API over OkHttp: {@code POST /files} (multipart, {@code purpose=batch}), {@code POST /batches}
 * ({@code input_file_id}, {@code endpoint=/v1/chat/completions}, {@code completion_window=24h}, the only window the
 * API offers), {@code GET /batches/{id}}, {@code GET /batches} (to find a batch by its input file) and
 * {@code GET /files/{id}/content}, all under the teacher's base URL (e.g. {@code https://api.openai.com/v1}).
 */
public final class OpenAiBatchApi implements BatchApi {

    /** The endpoint every request line of our batches targets. */
    public static final String ENDPOINT = "/v1/chat/completions";
    static final String COMPLETION_WINDOW = "24h";
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final MediaType JSONL_TYPE = MediaType.get("application/jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Pages when looking a batch up by input file; ours is among the newest, so a few pages are enough. */
    private static final int LIST_PAGES = 5;

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String apiKey;

    /** @param apiKey sent as a bearer token; null for servers that need none */
    public OpenAiBatchApi(URI baseUrl, String apiKey, Duration timeout) {
        this.base = HttpUrl.get(baseUrl.toString().replaceAll("/+$", "") + "/");
        this.apiKey = apiKey;
        this.http = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout)
                .retryOnConnectionFailure(false).build();
    }

    @Override
    public String upload(String fileName, byte[] jsonl) throws IOException {
        RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("purpose", "batch")
                .addFormDataPart("file", fileName, RequestBody.create(jsonl, JSONL_TYPE))
                .build();
        JsonNode file = call(request("files").post(body).build(), "upload " + fileName);
        return text(file, "id", "the uploaded file");
    }

    @Override
    public BatchInfo create(String inputFileId) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("input_file_id", inputFileId).put("endpoint", ENDPOINT)
                .put("completion_window", COMPLETION_WINDOW);
        return info(call(request("batches").post(RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE))
                .build(), "create a batch over " + inputFileId));
    }

    @Override
    public BatchInfo retrieve(String batchId) throws IOException {
        return info(call(request("batches/" + batchId).get().build(), "retrieve batch " + batchId));
    }

    @Override
    public Optional<BatchInfo> findByInputFile(String inputFileId) throws IOException {
        String after = null;
        for (int page = 0; page < LIST_PAGES; page++) {
            HttpUrl.Builder url = base.newBuilder().addPathSegment("batches").addQueryParameter("limit", "100");
            if (after != null) {
                url.addQueryParameter("after", after);
            }
            JsonNode list = call(authorized(new Request.Builder().url(url.build())).get().build(), "list batches");
            for (JsonNode batch : list.path("data")) {
                if (inputFileId.equals(batch.path("input_file_id").asText(null))) {
                    return Optional.of(info(batch));
                }
                after = batch.path("id").asText(null);
            }
            if (!list.path("has_more").asBoolean(false) || after == null) {
                break;
            }
        }
        return Optional.empty();
    }

    @Override
    public byte[] download(String fileId) throws IOException {
        try (Response response = http.newCall(request("files/" + fileId + "/content").get().build()).execute()) {
            byte[] bytes = bodyBytes(response);
            check(response, bytes, "download " + fileId);
            return bytes;
        }
    }

    private Request.Builder request(String path) {
        return authorized(new Request.Builder().url(base.resolve(path)));
    }

    private Request.Builder authorized(Request.Builder builder) {
        return apiKey == null ? builder : builder.header("Authorization", "Bearer " + apiKey);
    }

    private JsonNode call(Request request, String what) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            byte[] bytes = bodyBytes(response);
            check(response, bytes, what);
            try {
                return JSON.readTree(bytes);
            } catch (IOException notJson) {
                throw new IOException("could not " + what + ": the answer is not JSON", notJson);
            }
        }
    }

    private static byte[] bodyBytes(Response response) throws IOException {
        ResponseBody body = response.body();
        return body == null ? new byte[0] : body.bytes();
    }

    /** 408, 409, 429 and 5xx may pass (IOException, tried again); other 4xx are a refusal. */
    private static void check(Response response, byte[] body, String what) throws IOException {
        int code = response.code();
        if (code / 100 == 2) {
            return;
        }
        String detail = "could not " + what + ": HTTP " + code + " " + errorMessage(body);
        if (code == 408 || code == 409 || code == 429 || code >= 500) {
            throw new IOException(detail);
        }
        throw new BatchRefusedException(code, detail);
    }

    private static String errorMessage(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            String message = node.path("error").path("message").asText("");
            if (!message.isEmpty()) {
                return message;
            }
        } catch (IOException notJson) {
            // fall through to the raw text
        }
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static String text(JsonNode node, String field, String what) throws IOException {
        String value = node.path(field).asText(null);
        if (value == null || value.isEmpty()) {
            throw new IOException(what + " has no " + field);
        }
        return value;
    }

    static BatchInfo info(JsonNode batch) throws IOException {
        JsonNode counts = batch.path("request_counts");
        JsonNode errors = batch.path("errors").path("data");
        String errorText = null;
        if (errors.isArray() && !errors.isEmpty()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode e : errors) {
                if (!joined.isEmpty()) {
                    joined.append("; ");
                }
                joined.append(e.path("code").asText("")).append(": ").append(e.path("message").asText(""));
            }
            errorText = joined.toString();
        }
        return new BatchInfo(text(batch, "id", "the batch"), BatchState.of(batch.path("status").asText(null)),
                batch.path("input_file_id").asText(null), nonEmpty(batch.path("output_file_id")),
                nonEmpty(batch.path("error_file_id")), counts.path("total").asLong(0),
                counts.path("completed").asLong(0), counts.path("failed").asLong(0), errorText);
    }

    private static String nonEmpty(JsonNode node) {
        String value = node.isTextual() ? node.asText() : null;
        return value == null || value.isEmpty() ? null : value;
    }
}
