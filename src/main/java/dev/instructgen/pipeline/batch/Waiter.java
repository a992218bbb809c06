package dev.instructgen.pipeline.batch;

import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;

import java.util.concurrent.CompletableFuture;

/** One caller waiting for its request's answer. */
final class Waiter {
    final String base;
    final int attempt;
    final TeacherRequest request;
    final CompletableFuture<TeacherReply> answer;

    Waiter(String base, int attempt, TeacherRequest request, CompletableFuture<TeacherReply> answer) {
        this.base = base;
        this.attempt = attempt;
        this.request = request;
        this.answer = answer;
    }

    String customId() {
        return CustomIds.withAttempt(base, attempt);
    }

    Waiter retried() {
        return new Waiter(base, attempt + 1, request, answer);
    }
}
