package dev.instructgen.method.invert;

import dev.instructgen.dataset.MethodId;
import dev.instructgen.report.MethodCard;

/**
 * What the dataset card says about inversion. Input inversion as an augmentation of instruction data is one of
 * the enrichment techniques of the Flan Collection (Longpre et al. 2023), e.g. a question answering task turned
 * into a question generation task.
 */
public final class InvertCard {

    public static final MethodCard CARD = new MethodCard(MethodId.INVERT.code(),
            "**Input inversion** (as in the Flan Collection, Longpre et al., 2023): for each example of an existing"
                    + " dataset the teacher writes the instruction of the inverse task, whose input is the original"
                    + " output and whose output is the original input (or question); examples the teacher judged"
                    + " not invertible were skipped.",
            """
            @article{longpre2023flan,
              title   = {The Flan Collection: Designing Data and Methods for Effective Instruction Tuning},
              author  = {Longpre, Shayne and Hou, Le and Vu, Tu and Webson, Albert and Chung, Hyung Won and
                         Tay, Yi and Zhou, Denny and Le, Quoc V. and Zoph, Barret and Wei, Jason and
                         Roberts, Adam},
              journal = {arXiv preprint arXiv:2301.13688},
              year    = {2023},
              url     = {https://arxiv.org/abs/2301.13688}
            }
            """);

    private InvertCard() {
    }
}
