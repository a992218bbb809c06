package dev.instructgen.teacher;

/**
 * A failure that ends one request but not the run, with the {@link FaultKind} counted in stats.json. Two kinds
 * of it, told apart by type so no layer has to ask: {@link RetriableTeacherException} (another attempt may
 * work) and {@link PromptRejectedException} (this prompt can never work; other prompts can).
 */
public abstract sealed class RequestFailedException extends TeacherException
        permits RetriableTeacherException, PromptRejectedException {

    private final FaultKind kind;

    protected RequestFailedException(FaultKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public FaultKind kind() {
        return kind;
    }
}
