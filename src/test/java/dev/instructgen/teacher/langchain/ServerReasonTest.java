package dev.instructgen.teacher.langchain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerReasonTest {

    @Test
    void findsTheReasonInEachCommonErrorShape() {
        assertThat(ServerReason.of("{\"error\":{\"message\":\"bad top_p\"}}", null)).isEqualTo("bad top_p");
        assertThat(ServerReason.of("{\"error\":\"model is loading\"}", null)).isEqualTo("model is loading");
        assertThat(ServerReason.of("{\"object\":\"error\",\"message\":\"too long\"}", null)).isEqualTo("too long");
        assertThat(ServerReason.of("plain text\nsecond line", null)).isEqualTo("plain text");
    }

    @Test
    void keepsItToOneShortLineWithoutTheSecret() {
        String reason = ServerReason.of("{\"error\":{\"message\":\"key sk-123 is\\nwrong " + "x".repeat(500) + "\"}}",
                "sk-123");

        assertThat(reason).doesNotContain("sk-123").doesNotContain("\n").hasSizeLessThanOrEqualTo(200)
                .startsWith("key [redacted] is wrong");
    }
}
