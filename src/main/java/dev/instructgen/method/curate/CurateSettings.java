package dev.instructgen.method.curate;

import dev.instructgen.error.BadInputException;
import dev.instructgen.filter.quality.QualitySettings;
import dev.instructgen.pipeline.MethodSettings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What defines a curate run, in the manifest's order: the input (path, format, sha256), the filters and --top. A
 * change of any of them refuses to resume.
 *
 * @param top   keep at most this many records (best score first, ties toward diversity), or null for all that pass
 * @param judge the LLM judge's settings (model, threshold, rubric, sampling), or null without --judge
 */
public record CurateSettings(String input, String inputFormat, String inputSha256, QualitySettings quality,
                             Integer top, String policyVersion, Map<String, Object> judge) implements MethodSettings {

    public CurateSettings {
        if (top != null && top < 1) {
            throw new BadInputException("--top must be at least 1, was " + top);
        }
    }

    @Override
    public Map<String, Object> manifest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input);
        m.put("input_format", inputFormat);
        m.put("input_sha256", inputSha256);
        m.putAll(quality.manifest());
        m.put("top", top);
        m.put("license_policy_version", policyVersion);
        if (judge != null) {
            m.put("judge", judge);
        }
        return m;
    }
}
