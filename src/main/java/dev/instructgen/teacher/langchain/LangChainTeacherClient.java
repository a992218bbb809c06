package dev.instructgen.teacher.langchain;

import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;

import java.time.Clock;

/**
 * The adapter every LangChain4j-backed backend returns: a configured {@link ChatModel} behind our port. What
 * differs between wire formats (how the model is built, how sampling is expressed) stays in the backend; the
 * call, the reply translation and the failure mapping are the shared {@link ChatModelInvoker}, and the
 * transport the model was built on is closed with this client.
 */
public final class LangChainTeacherClient implements TeacherClient {

    private final TeacherIdentity identity;
    private final ChatModelInvoker invoker;
    private final HttpClientBuilder http;

    /**
     * @param apiKeyEnv  name of the key's variable, for messages
     * @param apiKey     the key in use or null, only to blank it out of quoted server text
     * @param parameters how this wire format expresses our sampling and the request's extras
     * @param features   which extras (thinking switch, response schema) to send, and which the server refused
     */
    public LangChainTeacherClient(TeacherIdentity identity, ChatModel model, WireParameters parameters,
                                  WireFeatures features, String apiKeyEnv, String apiKey, HttpClientBuilder http,
                                  Clock clock) {
        this.identity = identity;
        this.http = http;
        TeacherFailureMapper failures = new TeacherFailureMapper(identity, apiKeyEnv, apiKey, clock);
        this.invoker = new ChatModelInvoker(model, parameters, features, failures, identity.host());
    }

    @Override
    public TeacherReply complete(TeacherRequest request) {
        return invoker.invoke(request);
    }

    @Override
    public TeacherIdentity identity() {
        return identity;
    }

    /** Closes the transport (its dispatcher threads and pooled connections) when this adapter owns it. */
    @Override
    public void close() {
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the HTTP transport failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "TeacherClient[" + identity.api().wireName() + " " + identity.model() + " at " + identity.host() + "]";
    }
}
