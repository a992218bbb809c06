package dev.instructgen.filter;

import dev.instructgen.dataset.RejectionReason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Self-Instruct's instance filters for the candidate instances of one task (Wang et al. 2023, section 2.3; the
 * reference code's {@code parse_instances_for_generation_task}, {@code filter_invalid_instances} and
 * {@code filter_duplicate_instances} in prepare_for_finetuning.py), applied in the reference's order:
 * <ol>
 *   <li>{@code cut_off}: when the reply hit the length limit its last instance is incomplete;</li>
 *   <li>{@code empty_output}, {@code input_equals_output}, {@code field_ends_with_colon} (a field ending in ":"
 *       is usually a generation that stopped before its content);</li>
 *   <li>{@code conflicting_outputs}: one non-empty input with different outputs means the task is ill-defined,
 *       so every instance of the task is dropped;</li>
 *   <li>{@code duplicate_instance}: exact repeats after the first;</li>
 *   <li>{@code over_instance_limit}: beyond the per-task maximum. The reference samples at random which to
 *       keep; we keep the first ones, which is reproducible without a random source.</li>
 * </ol>
 * Fields are compared with surrounding whitespace removed, as the reference strips them when parsing.
 */
public final class InstanceScreen {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Self-Instruct generates and keeps at most 5 instances per task. */
    public static final int MAX_INSTANCES = 5;

    private static final int SHOWN_CHARS = 60;

    /** An instance the screen dropped and why. */
    public record Rejected(CandidateInstance instance, Verdict.Reject verdict) {
    }

    /** The instances kept, in their original order, and the ones dropped. */
    public record Result(List<CandidateInstance> kept, List<Rejected> rejected) {
        public Result {
            kept = List.copyOf(kept);
            rejected = List.copyOf(rejected);
        }
    }

    private final int maxInstances;
    private final Filter<CandidateInstance> perInstance;

    /** The reference's screen: {@link #fields()} on each instance. */
    public InstanceScreen(int maxInstances) {
        this(maxInstances, fields());
    }

    /**
     * @param maxInstances instances to keep per task, 1 to {@value #MAX_INSTANCES}
     * @param perInstance  the checks on each instance on its own, after the cut-off and before the task-wide rules
     */
    public InstanceScreen(int maxInstances, Filter<CandidateInstance> perInstance) {
        if (maxInstances < 1 || maxInstances > MAX_INSTANCES) {
            throw new IllegalArgumentException("instances per task must be between 1 and " + MAX_INSTANCES
                    + " (Self-Instruct's limit), got " + maxInstances);
        }
        this.maxInstances = maxInstances;
        this.perInstance = perInstance;
    }

    /** The reference's checks on each instance's fields: empty output, output = input, a field ending in ':'. */
    public static Filter<CandidateInstance> fields() {
        return InstanceScreen::checkFields;
    }

    /** Convenience for a single screening. */
    public static Result screen(List<CandidateInstance> parsed, boolean cutOff, int maxInstances) {
        return new InstanceScreen(maxInstances).screen(parsed, cutOff);
    }

    /**
     * @param parsed the instances parsed from one reply, in reply order
     * @param cutOff whether the reply stopped at the length limit (finish reason "length")
     */
    public Result screen(List<CandidateInstance> parsed, boolean cutOff) {
        List<Rejected> rejected = new ArrayList<>();
        List<CandidateInstance> remaining = new ArrayList<>(parsed);
        if (cutOff && !remaining.isEmpty()) {
            CandidateInstance last = remaining.remove(remaining.size() - 1);
            rejected.add(new Rejected(last, new Verdict.Reject(RejectionReason.CUT_OFF,
                    "the reply hit the length limit, so its last instance may be incomplete")));
        }
        List<CandidateInstance> valid = new ArrayList<>();
        for (CandidateInstance instance : remaining) {
            if (perInstance.check(instance) instanceof Verdict.Reject r) {
                rejected.add(new Rejected(instance, r));
            } else {
                valid.add(instance);
            }
        }
        String conflict = conflictingInput(valid);
        if (conflict != null) {
            Verdict.Reject verdict = new Verdict.Reject(RejectionReason.CONFLICTING_OUTPUTS, "the input \"" + shorten(conflict)
                    + "\" has different outputs, so the task is dropped");
            valid.forEach(instance -> rejected.add(new Rejected(instance, verdict)));
            return new Result(List.of(), rejected);
        }
        return new Result(dedupAndLimit(valid, rejected), rejected);
    }

    private static Verdict checkFields(CandidateInstance instance) {
        String input = instance.input().strip();
        String output = instance.output().strip();
        // the reference tests input == output first; an empty output is the more useful reason when both hold
        if (output.isEmpty()) {
            return Verdict.reject(RejectionReason.EMPTY_OUTPUT, "the output is empty");
        }
        if (input.equals(output)) {
            return Verdict.reject(RejectionReason.INPUT_EQUALS_OUTPUT, "the output repeats the input");
        }
        if (input.endsWith(":")) {
            return Verdict.reject(RejectionReason.FIELD_ENDS_WITH_COLON, "the input ends with ':' (an unfinished generation)");
        }
        if (output.endsWith(":")) {
            return Verdict.reject(RejectionReason.FIELD_ENDS_WITH_COLON, "the output ends with ':' (an unfinished generation)");
        }
        return Verdict.accept();
    }

    /** The first non-empty input that appears with two different outputs, or null. */
    private static String conflictingInput(List<CandidateInstance> instances) {
        Map<String, String> outputByInput = new HashMap<>();
        for (CandidateInstance instance : instances) {
            String input = instance.input().strip();
            if (input.isEmpty()) {
                continue; // tasks without input legitimately have many different outputs
            }
            String output = instance.output().strip();
            String earlier = outputByInput.putIfAbsent(input, output);
            if (earlier != null && !earlier.equals(output)) {
                return input;
            }
        }
        return null;
    }

    private List<CandidateInstance> dedupAndLimit(List<CandidateInstance> valid, List<Rejected> rejected) {
        Set<List<String>> seen = new HashSet<>();
        List<CandidateInstance> kept = new ArrayList<>();
        for (CandidateInstance instance : valid) {
            if (!seen.add(List.of(instance.input().strip(), instance.output().strip()))) {
                rejected.add(new Rejected(instance, new Verdict.Reject(RejectionReason.DUPLICATE_INSTANCE,
                        "an exact repeat of an earlier instance of this task")));
            } else if (kept.size() >= maxInstances) {
                rejected.add(new Rejected(instance, new Verdict.Reject(RejectionReason.OVER_INSTANCE_LIMIT,
                        "the task already has " + maxInstances + " instances")));
            } else {
                kept.add(instance);
            }
        }
        return kept;
    }

    private static String shorten(String text) {
        String oneLine = WHITESPACE.matcher(text).replaceAll(" ");
        return oneLine.length() <= SHOWN_CHARS ? oneLine : oneLine.substring(0, SHOWN_CHARS) + "...";
    }
}
