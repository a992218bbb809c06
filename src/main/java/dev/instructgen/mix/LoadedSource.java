package dev.instructgen.mix;

import dev.instructgen.dataset.DatasetFormat;

import java.util.List;

/**
 * A source read into memory: its candidates in file order, where they came from, and how its license was found.
 *
 * @param sha256        of the file read (a run's examples.jsonl), recorded in the manifest
 * @param licenseOrigin "records" for a run's own license blocks, else flag / sidecar / records / unknown
 */
record LoadedSource(MixSource spec, DatasetFormat format, String file, String sha256, String licenseOrigin,
                    List<Candidate> candidates) {

    /** Records available to the mix: the size after the cap. */
    long cappedSize() {
        return spec.cap() == null ? candidates.size() : Math.min(spec.cap(), candidates.size());
    }
}
