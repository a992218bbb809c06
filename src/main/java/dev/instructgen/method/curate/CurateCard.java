package dev.instructgen.method.curate;

import dev.instructgen.dataset.MethodId;
import dev.instructgen.report.MethodCard;

/** What the dataset card says about curate: filtering only, no teacher, the sources of its rules. */
final class CurateCard {

    static final MethodCard CARD = new MethodCard(MethodId.CURATE.code(),
            "**curate**: an existing dataset filtered without a teacher: semantic near-duplicates by sentence"
                    + " embeddings (bge-small-en-v1.5, first kept), benchmark decontamination by shared word"
                    + " 13-grams (Brown et al. 2020, appendix C) or ROUGE-L, and `--top N` selection, best score"
                    + " first and ties toward diversity (Liu et al. 2024, Deita). Records keep their own"
                    + " provenance and license.",
            """
            @inproceedings{liu2024deita,
              title     = {What Makes Good Data for Alignment? A Comprehensive Study of Automatic Data Selection
                           in Instruction Tuning},
              author    = {Liu, Wei and Zeng, Weihao and He, Keqing and Jiang, Yong and He, Junxian},
              booktitle = {International Conference on Learning Representations},
              year      = {2024},
              url       = {https://arxiv.org/abs/2312.15685}
            }
            """);

    private CurateCard() {
    }
}
