package dev.instructgen.prompt;

import dev.instructgen.error.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prompt templates of a run: the shipped ones (the repository's {@code prompts/} directory, packaged into the
 * jar under {@code prompts/}), each replaceable by a file of the same relative name in the {@code --prompts}
 * directory. A template missing from the override directory falls back to the shipped one, so a user can
 * override a single stage. A file in that directory that is not named like a shipped template is refused rather
 * than ignored.
 */
public final class PromptLibrary {

    static final String CLASSPATH_ROOT = "prompts/";

    private final Path overrideDir;
    private final Map<String, PromptTemplate> loaded = new ConcurrentHashMap<>();

    private PromptLibrary(Path overrideDir) {
        this.overrideDir = overrideDir;
    }

    /** Shipped templates only. */
    public static PromptLibrary shipped() {
        return new PromptLibrary(null);
    }

    /** Shipped templates, overridden by files in {@code dir} when it is not null. */
    public static PromptLibrary withOverrides(Path dir) {
        if (dir != null && !Files.isDirectory(dir)) {
            throw new BadInputException("--prompts " + dir + ": not a directory (expected a directory of "
                    + "templates with the shipped file names, e.g. self-instruct/instruction-generation.txt)");
        }
        if (dir != null) {
            OverrideDirectory.refuseUnknownFiles(dir, PromptLibrary::isShipped, ShippedTemplates.names());
        }
        return new PromptLibrary(dir);
    }

    private static boolean isShipped(String name) {
        return PromptLibrary.class.getClassLoader().getResource(CLASSPATH_ROOT + name) != null;
    }

    /** The template with this relative name, e.g. "self-instruct/classification.txt". */
    public PromptTemplate get(String name) {
        return loaded.computeIfAbsent(name, this::load);
    }

    private PromptTemplate load(String name) {
        if (overrideDir != null) {
            Path file = overrideDir.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    return PromptTemplate.of(name, Files.readString(file, StandardCharsets.UTF_8), file.toString());
                } catch (IOException e) {
                    throw new BadInputException("cannot read prompt template " + file + ": " + e.getMessage(), e);
                }
            }
        }
        try (InputStream in = PromptLibrary.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("shipped prompt template missing: " + CLASSPATH_ROOT + name);
            }
            return PromptTemplate.of(name, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "shipped " + CLASSPATH_ROOT + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
