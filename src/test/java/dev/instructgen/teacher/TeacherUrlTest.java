package dev.instructgen.teacher;

import dev.instructgen.error.BadInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TeacherUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"htp://localhost:8000/v1", "http//localhost:8000", "http:/localhost:8000",
            "ftp://localhost/v1", "", "   ", "api.openai.com/v1", "http://", "mailto:someone@example.com"})
    void aUrlTheTransportCannotUseIsRefusedNamingTheOptionAndTheExpectedForm(String given) {
        assertThatThrownBy(() -> TeacherUrl.parse(given))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("--teacher-url")
                .hasMessageContaining("expected http://HOST[:PORT][/PATH]");
    }

    @ParameterizedTest
    @CsvSource({
            "localhost:11434, http://localhost:11434",
            "localhost:8000/v1, http://localhost:8000/v1",
            "127.0.0.1:8000/v1, http://127.0.0.1:8000/v1",
            "ollama:11434, http://ollama:11434",
            "http://localhost:8000/v1, http://localhost:8000/v1",
            "HTTPS://api.openai.com/v1, HTTPS://api.openai.com/v1"})
    void aLocalHostAndPortWithoutSchemeGetsHttpAndFullUrlsStayAsGiven(String given, String expected) {
        assertThat(TeacherUrl.parse(given)).isEqualTo(URI.create(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://user:secret@gpu-box:8000/v1"})
    void messagesShowTheUrlWithoutUserInfo(String given) {
        assertThat(TeacherUrl.display(TeacherUrl.parse(given))).isEqualTo("http://gpu-box:8000/v1");
    }
}
