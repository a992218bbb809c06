package dev.instructgen.licensing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the data files shipped under licensing/ on the class path. */
final class ShippedYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ShippedYaml() {
    }

    static ObjectMapper mapper() {
        return YAML;
    }

    static <T> T read(String resource, Class<T> type) {
        try (InputStream in = ShippedYaml.class.getResourceAsStream("/licensing/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("licensing/" + resource + " is missing from the class path");
            }
            return YAML.readValue(in, type);
        } catch (IOException e) {
            // A shipped file that does not parse is a build defect, not a user error.
            throw new UncheckedIOException("licensing/" + resource + " does not parse: " + e.getMessage(), e);
        }
    }
}
