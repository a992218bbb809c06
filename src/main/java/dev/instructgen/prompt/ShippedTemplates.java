package dev.instructgen.prompt;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The relative names of the templates packaged under {@code prompts/}, from the classes directory or the jar. */
final class ShippedTemplates {

    private ShippedTemplates() {
    }

    /** Sorted names, e.g. "evol/add-constraints.txt"; empty if the packaging cannot be listed (names are a hint). */
    static List<String> names() {
        URL root = ShippedTemplates.class.getClassLoader().getResource(PromptLibrary.CLASSPATH_ROOT);
        if (root == null) {
            return List.of();
        }
        try {
            URI uri = root.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return list(jar.getPath(PromptLibrary.CLASSPATH_ROOT));
                }
            }
            return list(Path.of(uri));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> dir.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}
