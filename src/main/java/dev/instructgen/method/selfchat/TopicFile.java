package dev.instructgen.method.selfchat;

import dev.instructgen.dataset.SeedTask;
import dev.instructgen.error.BadInputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code --topics} file: UTF-8 text, one topic per line, blank lines skipped. Each topic is named
 * "FILE-LINE" (the file name without extension), as records without an id are named elsewhere. A line that
 * cannot be a topic stops the command with the file, the line and what was expected: text that is not UTF-8,
 * a NUL byte (a binary file), a line longer than {@value #MAX_CHARS} characters, a JSON record (a dataset
 * belongs in --seeds), or a topic given twice.
 */
public final class TopicFile {

    /** A topic is a question or a subject, not a document; this is far above any real one. */
    static final int MAX_CHARS = 2000;

    private TopicFile() {
    }

    /** The topics with their line numbers as seed tasks (for licenses), in file order. */
    public static List<SeedTask> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException("--topics " + file + ": cannot read the file (" + e.getMessage() + ")", e);
        }
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        List<SeedTask> topics = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        int lineNo = 0;
        for (int from = start; from <= bytes.length; ) {
            int to = from;
            while (to < bytes.length && bytes[to] != '\n') {
                to++;
            }
            lineNo++;
            String line = decode(file, lineNo, bytes, from, to).strip();
            from = to + 1;
            if (line.isEmpty()) {
                continue;
            }
            check(file, lineNo, line);
            Integer earlier = firstLine.putIfAbsent(line.toLowerCase(Locale.ROOT), lineNo);
            if (earlier != null) {
                throw bad(file, lineNo, "the same topic as line " + earlier + "; give each topic once");
            }
            topics.add(Topic.asSeedTask(new Topic(stem + "-" + lineNo, line), lineNo));
        }
        if (topics.isEmpty()) {
            throw new BadInputException("--topics " + file + ": no topics found (expected one topic per line)");
        }
        return topics;
    }

    private static String decode(Path file, int line, byte[] bytes, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw bad(file, line, "not valid UTF-8 text; save the file as UTF-8");
        }
    }

    private static void check(Path file, int line, String text) {
        if (text.indexOf('\0') >= 0) {
            throw bad(file, line, "binary data (a NUL byte); expected a text file with one topic per line");
        }
        if (text.length() > MAX_CHARS) {
            throw bad(file, line, "the topic is " + text.length() + " characters long; expected one question or "
                    + "subject of at most " + MAX_CHARS + " characters per line");
        }
        if (text.startsWith("{") && text.endsWith("}")) {
            throw bad(file, line, "a JSON record, not a topic; give a dataset with --seeds, or one topic per "
                    + "line of plain text with --topics");
        }
    }

    private static BadInputException bad(Path file, int line, String what) {
        return new BadInputException(file + ":" + line + ": " + what);
    }
}
