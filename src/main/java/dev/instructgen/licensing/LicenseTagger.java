package dev.instructgen.licensing;

import java.util.Collection;

/**
 * Computes an example's license block from the seed sources it descends from (parents and in-context seeds)
 * and the run's teacher terms. Thread-safe.
 */
public interface LicenseTagger {

    LicenseInfo tag(Collection<SeedSource> seedSources);
}
