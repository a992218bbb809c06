package dev.instructgen.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoveltyIndexFactoryTest {

    @Test
    void everyCommandGetsTheFastIndexWithTheChosenTokenizerAndThreshold() {
        NoveltyIndex unicode = NoveltyIndex.create(TokenizerKind.UNICODE, 0.7);
        NoveltyIndex rougeScore = NoveltyIndex.create(TokenizerKind.ROUGE_SCORE, 0.5);

        assertThat(unicode).isInstanceOf(RougeLIndex.class);
        assertThat(unicode.threshold()).isEqualTo(0.7);
        assertThat(rougeScore.threshold()).isEqualTo(0.5);
        unicode.add("poem", "写一首关于秋天的诗");
        rougeScore.add("poem", "写一首关于秋天的诗");
        assertThat(unicode.admit("again", "写一首关于秋天的诗！").novel()).isFalse();
        assertThat(rougeScore.admit("again", "写一首关于秋天的诗！").novel()).isTrue();
    }

    @Test
    void refusesAThresholdOutsideZeroToOne() {
        assertThatThrownBy(() -> new RougeLIndex(new UnicodeTokenizer(), 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> new RougeLIndex(new UnicodeTokenizer(), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
