package dev.instructgen.pipeline;

import java.util.Map;

/**
 * A method's typed settings as they define a run: {@link #manifest()} is the manifest's {@code settings} object, in
 * the order the method lists it, and is what a resume compares field by field (storage.ManifestDiff names the
 * field that differs).
 */
@FunctionalInterface
public interface MethodSettings {

    MethodSettings NONE = Map::of;

    /** Setting name (manifest key) to value: numbers, strings, booleans, lists or nested maps of them. */
    Map<String, Object> manifest();
}
