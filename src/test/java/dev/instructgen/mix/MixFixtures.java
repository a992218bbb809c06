package dev.instructgen.mix;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.storage.Manifest;
import dev.instructgen.storage.RunDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Run directories and dataset files for mix tests, with instructions far apart unless planted as duplicates. */
public final class MixFixtures {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    private static final String[] WORDS = ("apple river quantum ledger violin harbor glacier pepper orbit canyon "
            + "falcon marble tunnel saddle lantern meadow copper thunder velvet walnut beacon cactus dolphin ember "
            + "fossil garnet hammock igloo jasmine kettle lobster magnet nectar oyster pebble quiver raisin "
            + "sapphire tulip umbrella vortex willow yarn zephyr anchor blossom candle dragon engine feather "
            + "goblet hazel island jungle kiwi lemon mango nickel olive parrot quartz rocket sparrow tiger")
            .split(" ");

    private MixFixtures() {
    }

    /** {@code count} distinct instructions; the same seed gives the same ones. */
    public static List<String> instructions(long seed, int count) {
        Random random = new Random(seed);
        List<String> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder s = new StringBuilder("Explain");
            for (int w = 0; w < 7; w++) {
                s.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
            }
            list.add(s.append(" item ").append(seed).append('-').append(i).toString());
        }
        return list;
    }

    public static LicenseInfo license(String spdx, Boolean commercial, String teacher) {
        return new LicenseInfo(spdx, commercial, List.of(), List.of(LicenseInfo.Source.seed("seed_tasks.jsonl", spdx),
                LicenseInfo.Source.teacher(teacher, "terms of " + teacher, null)));
    }

    /** A run directory of {@code command} holding one example per instruction. */
    public static Path run(Path dir, String command, String idPrefix, List<String> instructions, LicenseInfo license) {
        Manifest manifest = new Manifest("0.1.0", command, idPrefix + "-run", Map.of("model", "m"), Map.of(), null,
                Map.of(), new Provenance.TeacherRef("openai", "m", "localhost:8000"), Map.of(),
                "2026-12-01T09:00:00Z", 1L);
        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest, CLOCK)) {
            for (int i = 0; i < instructions.size(); i++) {
                Provenance provenance = new Provenance(idPrefix + "-run", "2026-12-01T09:00:00Z",
                        new Provenance.TeacherRef("openai", "m", "localhost:8000"), Map.of(), List.of(),
                        command.equals("evol-instruct") ? new Provenance.Evolution(1, "deepen") : null, null, null);
                run.appendExample(new Example(idPrefix + "-" + i, instructions.get(i), "", "Answer " + i, MethodId.fromCode(command),
                        idPrefix + "-t" + i, false, provenance, license));
            }
        }
        return dir;
    }

    /** A Dolly-format JSONL file, with {@code FILE.license} holding {@code spdx} when it is not null. */
    public static Path dolly(Path file, List<String> instructions, String spdx) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < instructions.size(); i++) {
            text.append("{\"instruction\": \"").append(instructions.get(i)).append("\", \"context\": \"\", ")
                    .append("\"response\": \"Dolly answer ").append(i).append("\", \"category\": \"open_qa\"}\n");
        }
        try {
            Files.writeString(file, text);
            if (spdx != null) {
                Files.writeString(file.resolveSibling(file.getFileName() + ".license"), spdx + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
