package dev.instructgen.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.error.BadInputException;
import dev.instructgen.error.StorageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The teacher's rewordings of each template, kept so that a rerun never asks for them again. A finished run holds
 * them in {@code paraphrases.jsonl}; while a run is asking, each answer is appended at once to
 * {@code .NAME.paraphrases.jsonl} beside the run directory (the directory itself is rebuilt as a whole at the end,
 * see storage.RebuiltRun), so an interrupted run keeps what it was told and the next one asks only for the rest.
 * A line torn by a crash at the end of that file is ignored.
 */
final class ParaphraseJournal {

    static final String FILE = "paraphrases.jsonl";

    /**
     * The rewordings of one template's instruction.
     *
     * @param asked  how many were asked for; an entry serves any later run asking for as many or fewer
     * @param prompt the prompt template with a prefix of its sha256, as provenance names prompts
     */
    record Entry(String template, String instruction, int asked, List<String> paraphrases, String model,
                 String prompt) {
        Entry {
            paraphrases = List.copyOf(paraphrases);
        }
    }

    private final Path pending;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private ParaphraseJournal(Path pending) {
        this.pending = pending;
    }

    /** The entries of the run in {@code out} and of an interrupted run beside it, the later winning. */
    static ParaphraseJournal open(Path out) {
        Path dir = out.toAbsolutePath().normalize();
        ParaphraseJournal journal = new ParaphraseJournal(dir.resolveSibling("." + dir.getFileName() + "."
                + FILE));
        journal.read(dir.resolve(FILE), false);
        journal.read(journal.pending, true);
        return journal;
    }

    Optional<Entry> find(String template, String instruction, int count) {
        Entry entry = entries.get(key(template, instruction));
        return entry != null && entry.asked() >= count ? Optional.of(entry) : Optional.empty();
    }

    /** Records an answer before anything else happens, so an interrupted run keeps it. */
    void append(Entry entry) {
        entries.put(key(entry.template(), entry.instruction()), entry);
        try {
            Files.write(pending, (json(entry) + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.DSYNC);
        } catch (IOException e) {
            throw StorageException.writing(pending, e);
        }
    }

    /** paraphrases.jsonl of the finished run: the entries it used, in template order. */
    static byte[] contents(List<Entry> used) {
        StringBuilder text = new StringBuilder();
        used.forEach(e -> text.append(json(e)).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The run directory now holds every answer: the file of the interrupted run is no longer needed. */
    void committed() {
        try {
            Files.deleteIfExists(pending);
        } catch (IOException e) {
            throw StorageException.writing(pending, e);
        }
    }

    private void read(Path file, boolean tornTailAllowed) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                Entry entry = JsonCodec.mapper().readValue(lines.get(i), Entry.class);
                entries.put(key(entry.template(), entry.instruction()), entry);
            } catch (JsonProcessingException e) {
                if (tornTailAllowed && i == lines.size() - 1) {
                    return;
                }
                throw new BadInputException(file + ":" + (i + 1) + ": expected one paraphrase entry {template, "
                        + "instruction, asked, paraphrases, model, prompt} (" + e.getOriginalMessage() + ")");
            }
        }
    }

    private static String key(String template, String instruction) {
        return template + '\u0000' + instruction;
    }

    private static String json(Entry entry) {
        try {
            return JsonCodec.mapper().writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a paraphrase entry is plain JSON", e);
        }
    }
}
