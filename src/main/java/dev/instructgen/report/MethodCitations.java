package dev.instructgen.report;

/** BibTeX for the methods a card describes (bibliographic facts of the published papers). */
final class MethodCitations {

    static final String SELF_INSTRUCT = """
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
            """;

    static final String EVOL_INSTRUCT = """
            @article{xu2023wizardlm,
              title   = {WizardLM: Empowering Large Language Models to Follow Complex Instructions},
              author  = {Xu, Can and Sun, Qingfeng and Zheng, Kai and Geng, Xiubo and Zhao, Pu and
                         Feng, Jiazhan and Tao, Chongyang and Jiang, Daxin},
              journal = {arXiv preprint arXiv:2304.12244},
              year    = {2023},
              url     = {https://arxiv.org/abs/2304.12244}
            }
            """;

    private MethodCitations() {
    }
}
