package dev.instructgen.config;

import dev.instructgen.error.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The text of a config file: bounded in size, so that a wrong path ({@code /dev/zero}, a dataset) fails at once
 * instead of filling the heap, and decoded as strict UTF-8 so that a bad byte is reported with its line.
 */
final class ConfigText {

    /** Far above any real config (the shipped example is 3 KB); YAML is parsed whole, so the bound matters. */
    static final int MAX_BYTES = 1 << 20;

    private ConfigText() {
    }

    static String read(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new BadInputException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new BadInputException("cannot read config file " + file + ": " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new BadInputException(file + ": the config file is larger than " + (MAX_BYTES >> 10)
                    + " KiB; expected a YAML file of settings");
        }
        return decode(file, bytes);
    }

    private static String decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new BadInputException(file + ":" + line + ": not valid UTF-8 text (byte 0x"
                    + String.format("%02X", bytes[in.position()] & 0xFF) + "); save the config file as UTF-8");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }
}
