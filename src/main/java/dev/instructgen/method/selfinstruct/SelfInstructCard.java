package dev.instructgen.method.selfinstruct;

import dev.instructgen.dataset.MethodId;
import dev.instructgen.report.MethodCard;

/** What the dataset card says about Self-Instruct: the method in one paragraph and the paper's BibTeX. */
public final class SelfInstructCard {

    public static final MethodCard CARD = new MethodCard(MethodId.SELF_INSTRUCT.code(),
            "**Self-Instruct** (Wang et al., 2023): the teacher sees a few seed and already generated"
                    + " instructions and proposes new ones; each new task is judged to be a classification task or"
                    + " not, its instances are written input-first (output-first for classification), and every"
                    + " candidate passes heuristic filters and a ROUGE-L novelty filter against all instructions"
                    + " accepted before it.",
            """
            @inproceedings{wang-etal-2023-self-instruct,
              title     = {Self-Instruct: Aligning Language Models with Self-Generated Instructions},
              author    = {Wang, Yizhong and Kordi, Yeganeh and Mishra, Swaroop and Liu, Alisa and
                           Smith, Noah A. and Khashabi, Daniel and Hajishirzi, Hannaneh},
              booktitle = {Proceedings of the 61st Annual Meeting of the Association for Computational
                           Linguistics (Volume 1: Long Papers)},
              year      = {2023},
              address   = {Toronto, Canada},
              publisher = {Association for Computational Linguistics},
              pages     = {13484--13508},
              doi       = {10.18653/v1/2023.acl-long.754},
              url       = {https://aclanthology.org/2023.acl-long.754}
            }
            """);

    private SelfInstructCard() {
    }

    /** The card of a run with the answer pass ({@code --answer-pass}): which outputs it wrote, with which model. */
    static MethodCard withAnswerPass(AnswerSetup answer) {
        String which = answer.scope() == AnswerScope.ALL ? "every instance"
                : "every non-classification instance (classification instances keep their label)";
        return new MethodCard(CARD.code(), CARD.description() + " **Answer pass**: the output of " + which
                + " was then written again by asking `" + answer.teacher().model() + "` ("
                + answer.teacher().api().wireName() + ") the instruction and input directly; provenance.answer names"
                + " that model on each such example, and its terms join the example's license.", CARD.citation());
    }
}
