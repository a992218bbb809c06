package dev.instructgen.method.selfchat;

import dev.instructgen.dataset.MethodId;
import dev.instructgen.report.MethodCard;

/** What the dataset card says about self-chat, with Baize's citation. */
final class SelfChatCard {

    static final MethodCard CARD = new MethodCard(MethodId.SELF_CHAT.code(),
            "**Self-chat** (Baize, Xu et al., 2023): for each seed topic the teacher writes a whole multi-turn"
                    + " transcript in one reply, playing both the user and the assistant. Each record is a"
                    + " conversation: `messages` holds its user and assistant turns in order (`instruction` and"
                    + " `output` repeat the first exchange). A transcript is cut at the first empty, repeated or"
                    + " role-confused turn and at the turn limit; a conversation needs at least one full exchange,"
                    + " and its opening user turn must pass a ROUGE-L novelty check against the opening turns kept"
                    + " before it.",
            """
            @inproceedings{xu2023baize,
              title     = {Baize: An Open-Source Chat Model with Parameter-Efficient Tuning on Self-Chat Data},
              author    = {Xu, Canwen and Guo, Daya and Duan, Nan and McAuley, Julian},
              booktitle = {Proceedings of the 2023 Conference on Empirical Methods in Natural Language Processing},
              pages     = {6268--6278},
              year      = {2023},
              url       = {https://arxiv.org/abs/2304.01196}
            }
            """);

    private SelfChatCard() {
    }
}
