package dev.instructgen.teacher;

/**
 * The one port through which the engine talks to a teacher model.
 *
 * <p>Adapters (OpenAI-compatible, Ollama) implement it over LangChain4j; decorators (retry, rate limit,
 * circuit breaker, metrics, budget) implement it by wrapping another {@code TeacherClient}, so they stack.
 * The stack is assembled in one place: {@link TeacherStack}.
 *
 * <p>Implementations are thread-safe: the engine calls {@link #complete} from many threads at once.
 */
public interface TeacherClient extends AutoCloseable {

    /**
     * Sends one request and blocks until the reply.
     *
     * @throws RetriableTeacherException for failures worth another attempt (429, 5xx, timeouts, broken bodies)
     * @throws FatalTeacherException for failures no retry can fix (400, 401, 403, 404)
     */
    TeacherReply complete(TeacherRequest request);

    /** Describes the endpoint for provenance and logs; never contains secrets. */
    TeacherIdentity identity();

    /**
     * The run is stopping: end every call that is only waiting (between retries, for an open breaker, for a rate
     * limit) at once with a {@code CancellationException}, now and from now on. Calls on the wire may finish.
     * Decorators that do not wait need not implement it; the stack's outermost layer does.
     */
    default void stopWaiting() {
    }

    /**
     * Reports every backoff between two attempts of a request to {@code observer} from now on, if this client
     * bounds its own requests on the wire (the stack's adaptive limiter does): the engine may then run other jobs
     * while one waits, and the limiter still keeps the requests actually sent within {@code --concurrency}.
     *
     * @return false (the default) when this client reports nothing: the engine then runs one job per slot
     */
    default boolean observeBackoffs(BackoffObserver observer) {
        return false;
    }

    @Override
    default void close() {
    }
}
