package dev.instructgen.teacher;

import dev.instructgen.error.BadInputException;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoolEndpointTest {

    private static PoolEndpoint endpoint(String url) {
        return new PoolEndpoint(URI.create(url), 1, 0, TeacherApi.OPENAI, "m");
    }

    @Test
    void theNameRecordedInProvenanceCarriesNoCredentialNorQuery() {
        PoolEndpoint e = endpoint("https://user:secret@gpu-a.example:8443/v1/?api_key=secret");

        assertThat(e.name()).isEqualTo("gpu-a.example:8443/v1").doesNotContain("secret");
        assertThat(e.identity().host()).isEqualTo("gpu-a.example:8443");
    }

    @Test
    void twoEndpointsBehindOneGatewayHaveDifferentNames() {
        assertThat(endpoint("http://gw:8000/a/v1").name()).isNotEqualTo(endpoint("http://gw:8000/b/v1").name());
    }

    @Test
    void aWeightBelowOneIsABadInput() {
        assertThatThrownBy(() -> new PoolEndpoint(URI.create("http://gpu-a:8000/v1"), 0, 0, TeacherApi.OPENAI, "m"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("weight of endpoint http://gpu-a:8000/v1");
    }

    @Test
    void aPoolOfOneEndpointIsNoPool() {
        TeacherSettings one = new TeacherSettings(TeacherApi.OPENAI, URI.create("http://a:1/v1"), "m", "KEY", 4,
                java.time.Duration.ofSeconds(5), 0, 0, java.time.Duration.ofMinutes(1));

        assertThat(one.withPool(java.util.List.of(endpoint("http://b:2/v1"))).isPool()).isFalse();
        assertThat(one.withPool(java.util.List.of(endpoint("http://b:2/v1"), endpoint("http://c:3/v1"))).isPool())
                .isTrue();
    }
}
