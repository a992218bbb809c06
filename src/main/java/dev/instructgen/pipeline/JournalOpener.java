package dev.instructgen.pipeline;

/**
 * Opens the run directory named by the spec, creating it or resuming the run in it (refusing with a
 * BadInputException when the settings differ). Production: the storage package; tests: memory.
 */
@FunctionalInterface
public interface JournalOpener {

    /**
     * @param freshRunId the id to use when the run is new
     * @param startedAt  this session's start, ISO-8601
     */
    RunJournal.Opened open(RunSpec spec, String freshRunId, String startedAt);
}
