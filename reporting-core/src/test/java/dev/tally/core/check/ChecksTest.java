package dev.tally.core.check;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChecksTest {
    @Test
    void acceptsValuesThatAreAllThere() {
        assertThatCode(() -> Checks.nonNull("key, month, amount", "k", 3, 1.5)).doesNotThrowAnyException();
    }

    @Test
    void namesTheFirstNullValueAsRequireNonNullWould() {
        assertThatThrownBy(() -> Checks.nonNull("key, month, amount", "k", null, null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("month");
    }

    @Test
    void namesTheFirstAndTheLastValue() {
        assertThatThrownBy(() -> Checks.nonNull("key, month, amount", null, 3, 1.5)).hasMessage("key");
        assertThatThrownBy(() -> Checks.nonNull("key, month, amount", "k", 3, null)).hasMessage("amount");
    }

    @Test
    void readsNamesWithOrWithoutSpacesAfterTheCommas() {
        assertThatThrownBy(() -> Checks.nonNull("key,month ,  amount", "k", null, 1.5)).hasMessage("month");
    }

    @Test
    void checksASingleValue() {
        assertThatThrownBy(() -> Checks.nonNull("key", (Object) null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("key");
    }

    @Test
    void rejectsFewerNamesThanValuesEvenWhenNoneIsNull() {
        assertThatThrownBy(() -> Checks.nonNull("key, month", "k", 3, 1.5))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 names (key, month) for 3 values");
    }

    @Test
    void rejectsMoreNamesThanValues() {
        assertThatThrownBy(() -> Checks.nonNull("key, month, amount", "k", null))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("3 names (key, month, amount) for 2 values");
    }
}
