package dev.instructgen.method.evol;

import dev.instructgen.dataset.MethodId;
import dev.instructgen.report.MethodCard;

/** What the dataset card says about Evol-Instruct: the method in one paragraph and the paper's BibTeX. */
public final class EvolCard {

    public static final MethodCard CARD = new MethodCard(MethodId.EVOL_INSTRUCT.code(),
            "**Evol-Instruct** (Xu et al., 2023): over several rounds the teacher rewrites each"
                    + " instruction with an in-depth operation (add constraints, deepen, concretize, increase"
                    + " reasoning steps, complicate input) or an in-breadth mutation; failed evolutions are"
                    + " eliminated, and the teacher writes the responses.",
            """
            @article{xu2023wizardlm,
              title   = {WizardLM: Empowering Large Language Models to Follow Complex Instructions},
              author  = {Xu, Can and Sun, Qingfeng and Zheng, Kai and Geng, Xiubo and Zhao, Pu and
                         Feng, Jiazhan and Tao, Chongyang and Jiang, Daxin},
              journal = {arXiv preprint arXiv:2304.12244},
              year    = {2023},
              url     = {https://arxiv.org/abs/2304.12244}
            }
            """);

    private EvolCard() {
    }
}
