package dev.instructgen.licensing;

/**
 * A seed data source an example descends from.
 *
 * @param name    the seed set's name (file name, or dataset name)
 * @param license SPDX id or LicenseRef-..., or null when unknown
 */
public record SeedSource(String name, String license) {
}
