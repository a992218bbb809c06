package dev.instructgen.method.evol;

import dev.instructgen.error.BadInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationWeightsTest {

    @Test
    void defaultsToUniformOverAllSixOperations() {
        OperationWeights w = OperationWeights.parse(null);
        assertThat(w.total()).isEqualTo(6.0);
        assertThat(w.toString())
                .isEqualTo("add-constraints=1,deepen=1,concretize=1,increase-reasoning=1,complicate-input=1,breadth=1");
    }

    @Test
    void namedWeightsReplaceTheirDefaultAndOthersKeepOne() {
        OperationWeights w = OperationWeights.parse(" deepen=2.5 , BREADTH=0 ");
        assertThat(w.weight(EvolOperation.DEEPEN)).isEqualTo(2.5);
        assertThat(w.weight(EvolOperation.BREADTH)).isZero();
        assertThat(w.weight(EvolOperation.CONCRETIZE)).isEqualTo(1.0);
    }

    @Test
    void rejectsAnUnknownOperationNamingTheValidOnes() {
        assertThatThrownBy(() -> OperationWeights.parse("deepen=1,widen=2"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("'widen'").hasMessageContaining("complicate-input");
    }

    @Test
    void rejectsNegativeMissingOrNonNumericWeights() {
        assertThatThrownBy(() -> OperationWeights.parse("deepen=-1")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> OperationWeights.parse("deepen")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("NAME=WEIGHT");
        assertThatThrownBy(() -> OperationWeights.parse("deepen=lots")).isInstanceOf(BadInputException.class);
    }

    @Test
    void rejectsWeightsThatTurnEveryOperationOff() {
        assertThatThrownBy(() -> OperationWeights.parse("add-constraints=0,deepen=0,concretize=0,"
                + "increase-reasoning=0,complicate-input=0,breadth=0"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("at least one");
    }
}
