package dev.instructgen.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at '\n' and decodes each one as strict UTF-8, holding one line at a time and
 * never more than {@link #MAX_LINE_BYTES}. Decoding per line gives every bad byte its own line number (a buffered
 * decoder reads ahead and blames the line it happens to be on). What makes the rest of the file unreadable, a
 * NUL byte (binary data or UTF-16 text), a UTF-16 byte order mark or a line over the bound, ends the reading.
 */
final class Utf8LineReader {

    /**
     * 8 MiB: a JSONL record holding more is about two million tokens, beyond any teacher's context window, and
     * the bound keeps a wrong file (a disk image, {@code /dev/zero}) from filling the heap.
     */
    static final int MAX_LINE_BYTES = 8 << 20;

    private static final int SNIFF_BYTES = 8000;

    /** Receives each line, or why one could not be read. */
    interface Listener {
        /** @param text the line without its '\n' (and '\r'), byte order mark removed from line 1 */
        void line(int line, String text);

        /** The line is not UTF-8; reading carries on with the next line. */
        void notUtf8(int line, String detail);

        /** Reading stops: the rest of the file cannot be read as lines of UTF-8 text. */
        void unreadable(int line, String message);
    }

    private final int maxLineBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line = new byte[1 << 12];
    private int length;

    Utf8LineReader() {
        this(MAX_LINE_BYTES);
    }

    Utf8LineReader(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    void read(InputStream in, Listener listener) throws IOException {
        byte[] chunk = new byte[1 << 16];
        int lineNo = 1;
        boolean first = true;
        int n;
        while ((n = in.read(chunk)) > 0) {
            int start = 0;
            if (first) {
                first = false;
                if (n >= 2 && ((chunk[0] == (byte) 0xFF && chunk[1] == (byte) 0xFE)
                        || (chunk[0] == (byte) 0xFE && chunk[1] == (byte) 0xFF))) {
                    listener.unreadable(0, "the file is UTF-16 text (it starts with a UTF-16 byte order mark); "
                            + "save it as UTF-8");
                    return;
                }
                // as git and file(1) do: a NUL byte near the start means binary (or UTF-16), say so for the file
                for (int i = 0; i < Math.min(n, SNIFF_BYTES); i++) {
                    if (chunk[i] == 0) {
                        listener.unreadable(0, nulMessage(chunk, n));
                        return;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                byte b = chunk[i];
                if (b == '\n') {
                    append(chunk, start, i - start);
                    deliver(lineNo++, listener);
                    start = i + 1;
                } else if (b == 0) {
                    listener.unreadable(lineNo, nulMessage(chunk, n));
                    return;
                }
            }
            if (!append(chunk, start, n - start)) {
                listener.unreadable(lineNo, "line " + lineNo + " is longer than " + (maxLineBytes >> 20)
                        + " MiB; stopped reading (expected one JSON record per line)");
                return;
            }
        }
        if (length > 0) {
            deliver(lineNo, listener);
        }
    }

    /** Every other byte NUL is how ASCII looks in UTF-16; anything else with NUL bytes is binary. */
    private static String nulMessage(byte[] chunk, int n) {
        int nul = 0;
        int sample = Math.min(n, 512);
        for (int i = 0; i < sample; i++) {
            nul += chunk[i] == 0 ? 1 : 0;
        }
        boolean utf16 = sample >= 4 && nul * 2 >= sample - 1 && nul * 2 <= sample + 1
                && (chunk[0] == 0) != (chunk[1] == 0);
        return utf16 ? "the file looks like UTF-16 text (a NUL byte between characters); save it as UTF-8"
                : "binary data (a NUL byte), not JSON text; expected a UTF-8 JSON or JSONL file";
    }

    /** @return false when the line would pass the bound (then nothing is kept) */
    private boolean append(byte[] bytes, int from, int count) {
        if (length + count > maxLineBytes) {
            length = 0;
            return false;
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, length + count)));
        }
        System.arraycopy(bytes, from, line, length, count);
        length += count;
        return true;
    }

    private void deliver(int lineNo, Listener listener) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        int start = lineNo == 1 && end >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB
                && line[2] == (byte) 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(line, start, end - start);
        CharBuffer chars = CharBuffer.allocate(end - start);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        length = 0;
        if (result.isError()) {
            int column = bytes.position() - start + 1;
            listener.notUtf8(lineNo, "not valid UTF-8 text (byte 0x" + String.format("%02X", line[bytes.position()] & 0xFF)
                    + " at byte " + column + "); save the file as UTF-8");
            if (line.length > 1 << 20) {
                line = new byte[1 << 12];
            }
            return;
        }
        decoder.flush(chars);
        if (line.length > 1 << 20) {
            line = new byte[1 << 12]; // give back the memory of an unusually long line
        }
        listener.line(lineNo, chars.flip().toString());
    }
}
