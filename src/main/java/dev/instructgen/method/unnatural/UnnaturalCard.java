package dev.instructgen.method.unnatural;

import dev.instructgen.dataset.MethodId;
import dev.instructgen.report.MethodCard;

/** What the dataset card says about Unnatural Instructions, with the paper's BibTeX. */
final class UnnaturalCard {

    static final MethodCard CARD = new MethodCard(MethodId.UNNATURAL.code(),
            "**Unnatural Instructions** (Honovich et al., 2023): the teacher sees three seed examples of"
                    + " instruction, input and constraints and writes a fourth; a second request answers it under"
                    + " its constraints, which are then dropped; each core example is then reworded into"
                    + " alternative formulations of its instruction, each written as its own example sharing the"
                    + " core's task id, input and output. Core instructions pass heuristic filters and a ROUGE-L"
                    + " novelty filter; paraphrases pass the heuristics only.",
            """
            @inproceedings{honovich-etal-2023-unnatural,
              title     = {Unnatural Instructions: Tuning Language Models with (Almost) No Human Labor},
              author    = {Honovich, Or and Scialom, Thomas and Levy, Omer and Schick, Timo},
              booktitle = {Proceedings of the 61st Annual Meeting of the Association for Computational
                           Linguistics (Volume 1: Long Papers)},
              year      = {2023},
              address   = {Toronto, Canada},
              publisher = {Association for Computational Linguistics},
              pages     = {14409--14428},
              doi       = {10.18653/v1/2023.acl-long.806},
              url       = {https://aclanthology.org/2023.acl-long.806}
            }
            """);

    private UnnaturalCard() {
    }
}
