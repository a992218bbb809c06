package dev.instructgen.report.export;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Provenance;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** --flatten: one alpaca record per assistant turn, the earlier turns as its input. */
class ConversationFlattenerTest {

    private static final Provenance P = new Provenance("run-1", "2026-01-01T00:00:00.000Z", null, null, null, null,
            null, null);
    private static final LicenseInfo L = new LicenseInfo("CC0-1.0", true, List.of(), List.of());

    @Test
    void eachAssistantTurnBecomesARecordWithTheConversationSoFarAsInput() {
        Example chat = new Example("c1", "What is Lima?", "", "The capital of Peru.", MethodId.SELF_CHAT, "c1", false,
                P, L, List.of(new Example.Message("system", "Be brief."),
                new Example.Message("user", "What is Lima?"), new Example.Message("assistant", "The capital of Peru."),
                new Example.Message("user", "How high is it?"), new Example.Message("assistant", "About 150 m.")));

        List<Example> flat = ConversationFlattener.flatten(chat);

        assertThat(flat).extracting(Example::id).containsExactly("c1#1", "c1#2");
        assertThat(flat.get(0).instruction()).isEqualTo("What is Lima?");
        assertThat(flat.get(0).input()).isEqualTo("System: Be brief.");
        assertThat(flat.get(1).instruction()).isEqualTo("How high is it?");
        assertThat(flat.get(1).input()).isEqualTo("System: Be brief.\n\nUser: What is Lima?\n\n"
                + "Assistant: The capital of Peru.");
        assertThat(flat.get(1).output()).isEqualTo("About 150 m.");
        assertThat(flat).allSatisfy(e -> {
            assertThat(e.isConversation()).isFalse();
            assertThat(e.license()).isEqualTo(L);
        });
        assertThat(ExportFormat.ALPACA.toRecord(flat.get(1), null).toString()).startsWith(
                "{\"instruction\":\"How high is it?\",\"input\":\"System: Be brief.");
    }

    @Test
    void aSingleTurnRecordPassesThroughUnchanged() {
        Example single = new Example("s", "Name a river.", "", "Nile", MethodId.ALPACA, "s", false, P, L);

        assertThat(ConversationFlattener.flatten(single)).containsExactly(single);
    }
}
