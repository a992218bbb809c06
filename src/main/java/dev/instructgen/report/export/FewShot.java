package dev.instructgen.report.export;

import dev.instructgen.error.BadInputException;

/**
 * {@code --few-shot-share P --shots K}: a share P of the exported records gets K demonstrations of the same task
 * prepended, the rest stay zero-shot. Mixing both kinds in training improves both settings (FLAN 2022, Longpre et
 * al. 2023, "The Flan Collection").
 *
 * @param share in (0, 1]
 * @param shots at least 1
 */
public record FewShot(double share, int shots) {

    public FewShot {
        if (!(share > 0 && share <= 1)) {
            throw new BadInputException("--few-shot-share must be a fraction above 0 and at most 1, e.g. 0.3; got "
                    + share);
        }
        if (shots < 1) {
            throw new BadInputException("--shots must be at least 1, got " + shots);
        }
    }
}
