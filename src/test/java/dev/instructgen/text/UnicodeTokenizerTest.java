package dev.instructgen.text;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class UnicodeTokenizerTest {

    private final UnicodeTokenizer unicode = new UnicodeTokenizer();
    private final RougeScoreTokenizer rougeScore = new RougeScoreTokenizer();

    @Test
    void lowercasesAndSplitsAsciiOnEverythingButLettersAndDigits() {
        assertThat(unicode.tokenize("Write a 3-line poem, about C++ & AI_agents!"))
                .containsExactly("write", "a", "3", "line", "poem", "about", "c", "ai", "agents");
    }

    @Test
    void isIdenticalToRougeScoreOnRandomAsciiText() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int c = 0; c < length; c++) {
                text.append((char) random.nextInt(0x80));
            }
            assertThat(unicode.tokenize(text.toString())).isEqualTo(rougeScore.tokenize(text.toString()));
        }
    }

    @Test
    void keepsWordsOfSpacedNonLatinScriptsWhole() {
        assertThat(unicode.tokenize("Напишите короткое Стихотворение"))
                .containsExactly("напишите", "короткое", "стихотворение");
        assertThat(unicode.tokenize("Ελληνικά κείμενα")).containsExactly("ελληνικά", "κείμενα");
        assertThat(unicode.tokenize("Café crème")).containsExactly("café", "crème");
        assertThat(unicode.tokenize("한국어 문장입니다")).containsExactly("한국어", "문장입니다");
    }

    @Test
    void rougeScoreTokenizesNonLatinTextToNothingWhichIsWhyUnicodeIsTheDefault() {
        assertThat(rougeScore.tokenize("写一首关于秋天的诗")).isEmpty();
        assertThat(unicode.tokenize("写一首关于秋天的诗")).hasSize(9);
    }

    @Test
    void splitsUnspacedScriptsIntoOneTokenPerCharacter() {
        assertThat(unicode.tokenize("写一首诗")).containsExactly("写", "一", "首", "诗");
        assertThat(unicode.tokenize("ひらがなカタカナ")).containsExactly("ひ", "ら", "が", "な", "カ", "タ", "カ", "ナ");
    }

    @Test
    void treatsTheJapaneseProlongedSoundMarkAsACharacterOfItsWord() {
        assertThat(unicode.tokenize("コーヒーtime")).containsExactly("コ", "ー", "ヒ", "ー", "time");
        // half-width katakana are normalized to their full-width forms first
        assertThat(unicode.tokenize("ｺｰﾋｰ")).containsExactly("コ", "ー", "ヒ", "ー");
    }

    @Test
    void keepsSupplementaryPlaneIdeographsWhole() {
        assertThat(unicode.tokenize("𠀀𠀁")).containsExactly("𠀀", "𠀁");
    }

    @Test
    void keepsThaiCombiningMarksWithTheirCharacter() {
        // กิน = ก + ิ (vowel sign, a non-spacing mark) + น
        assertThat(unicode.tokenize("กิน")).containsExactly("กิ", "น");
    }

    @Test
    void keepsDevanagariWordsWithTheirVowelSignsWhole() {
        assertThat(unicode.tokenize("हिन्दी में लिखो")).containsExactly("हिन्दी", "में", "लिखो");
    }

    @Test
    void separatesLatinAndDigitRunsFromAdjacentUnspacedCharacters() {
        assertThat(unicode.tokenize("用Python写2023年的GPT-4总结"))
                .containsExactly("用", "python", "写", "2023", "年", "的", "gpt", "4", "总", "结");
    }

    @Test
    void normalizesFullWidthFormsToTheirAsciiEquivalents() {
        assertThat(unicode.tokenize("ＷＲＩＴＥ　ａ　ｐｏｅｍ１")).containsExactly("write", "a", "poem1");
    }

    @Test
    void dropsPunctuationSymbolsAndEmojiOfAnyScript() {
        assertThat(unicode.tokenize("你好，世界！😀 «ok» — fine…")).containsExactly("你", "好", "世", "界", "ok", "fine");
    }

    @Test
    void givesNoTokensForEmptyOrPunctuationOnlyText() {
        assertThat(unicode.tokenize("")).isEmpty();
        assertThat(unicode.tokenize(" ... !!! ")).isEmpty();
    }
}
