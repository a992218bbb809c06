package dev.instructgen.teacher;

/**
 * Who the teacher is, as recorded in the manifest and in every example's provenance. Never holds secrets.
 *
 * @param api   wire format
 * @param model model name as the user gave it
 * @param host  host[:port] of the base URL, without scheme, path, credentials or query
 */
public record TeacherIdentity(TeacherApi api, String model, String host) {
}
