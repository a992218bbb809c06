package dev.instructgen.method.alpaca;

import dev.instructgen.dataset.MethodId;
import dev.instructgen.report.MethodCard;

/** What the dataset card says about Alpaca one-pass generation, with the project's citation. */
final class AlpacaCard {

    static final MethodCard CARD = new MethodCard(MethodId.ALPACA.code(),
            "**Alpaca one-pass generation** (Taori et al., 2023): each request shows the teacher three seed tasks"
                    + " (drawn from the seeds only) and asks for a batch of complete instruction/input/output"
                    + " triples at once; every triple passes Self-Instruct's instruction heuristics (with Alpaca's"
                    + " extra blacklist words), checks on its input and output, and a ROUGE-L novelty filter"
                    + " against the seeds and every instruction accepted before it.",
            """
            @misc{alpaca,
              author       = {Rohan Taori and Ishaan Gulrajani and Tianyi Zhang and Yann Dubois and Xuechen Li and
                              Carlos Guestrin and Percy Liang and Tatsunori B. Hashimoto},
              title        = {Stanford Alpaca: An Instruction-following LLaMA model},
              year         = {2023},
              publisher    = {GitHub},
              journal      = {GitHub repository},
              howpublished = {\\url{https://github.com/tatsu-lab/stanford_alpaca}}
            }
            """);

    private AlpacaCard() {
    }
}
