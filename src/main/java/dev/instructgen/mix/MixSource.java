package dev.instructgen.mix;

import dev.instructgen.error.BadInputException;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One {@code --source NAME=PATH[:weight=W][:cap=N][:license=SPDX]} of a mix.
 *
 * @param name    names the source in provenance, ids, the card and messages
 * @param path    a run directory or any dataset file {@code DatasetReader} reads
 * @param weight  the source's weight for {@code --strategy weights}; null means 1
 * @param cap     at most this many distinct records of the source (T5/FLAN's per-dataset cap); null for none
 * @param license SPDX id of a dataset file (else its .license sidecar, its records' licenses, or unknown)
 */
public record MixSource(String name, Path path, Double weight, Integer cap, String license) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public MixSource {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadInputException("--source: the name '" + name + "' must be letters, digits, '.', '_' or '-'"
                    + " (e.g. --source dolly=data/dolly.jsonl)");
        }
        if (weight != null && !(weight > 0 && Double.isFinite(weight))) {
            throw new BadInputException("--source " + name + ": weight must be a positive number, got " + weight);
        }
        if (cap != null && cap < 1) {
            throw new BadInputException("--source " + name + ": cap must be at least 1, got " + cap);
        }
    }

    /**
     * The sources with the licenses of {@code --source-license NAME=SPDX} options, the same as {@code license=}
     * after the path (giving both with different ids is refused).
     */
    public static List<MixSource> withLicenses(List<MixSource> sources, List<String> licenseOptions) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String option : licenseOptions) {
            int eq = option.indexOf('=');
            if (eq <= 0 || eq == option.length() - 1) {
                throw new BadInputException("--source-license '" + option + "': expected NAME=SPDX, e.g. "
                        + "--source-license chats=CC-BY-4.0");
            }
            String name = option.substring(0, eq);
            if (sources.stream().noneMatch(s -> s.name().equals(name))) {
                throw new BadInputException("--source-license " + option + ": no --source is named '" + name
                        + "' (the sources are " + sources.stream().map(MixSource::name).toList() + ")");
            }
            if (byName.put(name, option.substring(eq + 1)) != null) {
                throw new BadInputException("--source-license: source '" + name + "' is given twice");
            }
        }
        return sources.stream().map(s -> {
            String license = byName.get(s.name());
            if (license == null) {
                return s;
            }
            if (s.license() != null && !s.license().equals(license)) {
                throw new BadInputException("--source " + s.name() + ": license=" + s.license() + " and "
                        + "--source-license " + s.name() + "=" + license + " disagree; give one");
            }
            return new MixSource(s.name(), s.path(), s.weight(), s.cap(), license);
        }).toList();
    }

    /** The weight used by the weights strategy. */
    public double effectiveWeight() {
        return weight == null ? 1.0 : weight;
    }

    /**
     * Parses the option's value. Options are read from the end, so a path may itself contain ':' (a Windows
     * drive) as long as no part of it looks like {@code weight=}, {@code cap=} or {@code license=}.
     */
    public static MixSource parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new BadInputException("--source '" + spec + "': expected NAME=PATH[:weight=W][:cap=N]"
                    + "[:license=SPDX], e.g. dolly=data/dolly.jsonl:cap=5000");
        }
        String name = spec.substring(0, eq);
        String rest = spec.substring(eq + 1);
        Double weight = null;
        Integer cap = null;
        String license = null;
        while (true) {
            int colon = rest.lastIndexOf(':');
            if (colon < 0) {
                break;
            }
            String option = rest.substring(colon + 1);
            try {
                if (option.startsWith("weight=")) {
                    weight = Double.parseDouble(option.substring(7));
                } else if (option.startsWith("cap=")) {
                    cap = Integer.parseInt(option.substring(4));
                } else if (option.startsWith("license=")) {
                    license = option.substring(8);
                } else {
                    break;
                }
            } catch (NumberFormatException e) {
                throw new BadInputException("--source " + name + ": '" + option + "' is not a number");
            }
            rest = rest.substring(0, colon);
        }
        if (rest.isBlank()) {
            throw new BadInputException("--source " + name + ": the path is empty");
        }
        return new MixSource(name, Path.of(rest), weight, cap, license);
    }
}
