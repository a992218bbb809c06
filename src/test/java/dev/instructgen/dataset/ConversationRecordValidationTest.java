package dev.instructgen.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** validate checks the messages of conversation records: roles, order, text. */
class ConversationRecordValidationTest {

    @TempDir
    Path dir;

    private static String record(String id, String messages) {
        return "{\"id\":\"" + id + "\",\"instruction\":\"Hi?\",\"input\":\"\",\"output\":\"Hello.\","
                + "\"method\":\"self-chat\",\"task_id\":\"" + id + "\",\"messages\":" + messages + "}";
    }

    @Test
    void aWellFormedConversationIsCleanAndEachBrokenOneIsNamedWithItsLine() throws IOException {
        Path file = dir.resolve("chat.jsonl");
        Files.writeString(file, String.join("\n",
                record("a", "[{\"role\":\"system\",\"content\":\"Be kind.\"},{\"role\":\"user\",\"content\":\"Hi?\"},"
                        + "{\"role\":\"assistant\",\"content\":\"Hello.\"}]"),
                record("b", "[{\"role\":\"user\",\"content\":\"Hi?\"},{\"role\":\"user\",\"content\":\"Hey?\"}]"),
                record("c", "[{\"role\":\"user\",\"content\":\"Hi?\"}]"),
                record("d", "[{\"role\":\"narrator\",\"content\":\"Once\"}]"),
                record("e", "[]"),
                record("f", "[{\"role\":\"user\",\"content\":\" \"},{\"role\":\"assistant\",\"content\":\"Hello.\"}]"))
                + "\n");

        var problems = new DatasetValidator().validate(file);

        assertThat(problems).extracting(p -> p.line() + ": " + p.message()).containsExactly(
                "2: message 2: a user turn where an assistant turn belongs (a system turn may only open the "
                        + "conversation, then user and assistant turns alternate)",
                "3: 'messages' ends with a user turn; a conversation ends with the assistant's reply",
                "4: message 1: role 'narrator' is not one of system, user, assistant",
                "5: 'messages' must be a non-empty array of {\"role\", \"content\"} objects, found an empty array",
                "6: message 1: 'content' is blank");
    }
}
