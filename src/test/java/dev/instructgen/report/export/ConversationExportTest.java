package dev.instructgen.report.export;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.error.BadInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A conversation record keeps every turn in the chat formats; alpaca refuses it with a clear message. */
class ConversationExportTest {

    private static Example conversation() {
        Provenance p = new Provenance("run-1", "2026-01-01T00:00:00.000Z", null, null, null, null, null, null);
        LicenseInfo license = new LicenseInfo("CC0-1.0", true, List.of(), List.of());
        return new Example("c1", "Hi, what is Lima?", "", "The capital of Peru.", MethodId.INVERT, "c1", false, p,
                license, List.of(new Example.Message("user", "Hi, what is Lima?"),
                new Example.Message("assistant", "The capital of Peru."),
                new Example.Message("user", "How high is it?"),
                new Example.Message("assistant", "About 150 metres.")));
    }

    @Test
    void openAiChatCarriesEveryTurnInOrder() {
        var record = ExportFormat.OPENAI_CHAT.toRecord(conversation(), null);

        assertThat(record.toString()).isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi, what is Lima?\"},"
                + "{\"role\":\"assistant\",\"content\":\"The capital of Peru.\"},{\"role\":\"user\",\"content\":"
                + "\"How high is it?\"},{\"role\":\"assistant\",\"content\":\"About 150 metres.\"}]}");
    }

    @Test
    void shareGptNamesTheSpeakersHumanAndGpt() {
        var record = ExportFormat.SHAREGPT.toRecord(conversation(), "Be brief.");

        assertThat(record.path("conversations")).hasSize(5);
        assertThat(record.path("conversations").get(0).path("from").asText()).isEqualTo("system");
        assertThat(record.path("conversations").get(3).path("from").asText()).isEqualTo("human");
        assertThat(record.path("conversations").get(4).path("value").asText()).isEqualTo("About 150 metres.");
    }

    @Test
    void alpacaRefusesAConversationAndSaysWhichFormatsCarryIt() {
        assertThatThrownBy(() -> ExportFormat.ALPACA.toRecord(conversation(), null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("c1 is a conversation of 4 messages").hasMessageContaining("sharegpt");
    }
}
