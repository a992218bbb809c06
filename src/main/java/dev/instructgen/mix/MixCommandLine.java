package dev.instructgen.mix;

import java.util.ArrayList;
import java.util.List;

/** The {@code instructgen mix} command line that reproduces a mix, for the card and the manifest. */
final class MixCommandLine {

    private MixCommandLine() {
    }

    static String of(MixSettings s) {
        List<String> parts = new ArrayList<>(List.of("instructgen mix"));
        for (MixSource source : s.sources()) {
            StringBuilder spec = new StringBuilder(source.name()).append('=').append(source.path());
            if (source.weight() != null) {
                spec.append(":weight=").append(source.weight());
            }
            if (source.cap() != null) {
                spec.append(":cap=").append(source.cap());
            }
            if (source.license() != null) {
                spec.append(":license=").append(source.license());
            }
            parts.add("--source " + spec);
        }
        parts.add("--strategy " + s.strategy().cliName());
        if (s.strategy() == MixStrategy.TEMPERATURE) {
            parts.add("--temperature " + s.temperature());
        }
        if (s.total() != null) {
            parts.add("--total " + s.total());
        }
        parts.add("--seed " + s.seed());
        if (s.allowRepeat()) {
            parts.add("--allow-repeat");
        }
        if (!s.dedup()) {
            parts.add("--no-dedup");
        }
        if (s.requireCommercial()) {
            parts.add("--require-commercial");
        }
        parts.add("--out DIR");
        return String.join(" \\\n    ", parts);
    }
}
