package dev.instructgen.mix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instructgen.dataset.LicenseInfo;

/**
 * One record a source offers to the mix.
 *
 * @param originalId the record's id in its source (kept in provenance.mix)
 * @param record     the record in our example schema, as read (a run's examples keep every field they had)
 * @param license    its license block, for the card, the tally and {@code --require-commercial}
 */
record Candidate(String originalId, String instruction, ObjectNode record, LicenseInfo license) {
}
