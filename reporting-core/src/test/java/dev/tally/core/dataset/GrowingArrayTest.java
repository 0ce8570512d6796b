package dev.tally.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrowingArrayTest {
    @Test
    void keepsEveryElementWrittenWhileItGrows() {
        GrowingArray<byte[]> a = new GrowingArray<>(byte[]::new);

        for (int i = 0; i < 100; i++) {
            a.at(i)[i] = (byte) (i * 3);
        }

        byte[] copy = a.toArray(100);
        assertThat(copy).hasSize(100);
        for (int i = 0; i < 100; i++) {
            assertThat(copy[i]).isEqualTo((byte) (i * 3));
        }
    }

    @Test
    void doublesItsLengthWhenTheIndexIsJustBeyondIt() {
        GrowingArray<String[]> a = new GrowingArray<>(String[]::new);

        assertThat(a.at(15)).hasSize(16);
        assertThat(a.at(16)).hasSize(32);
        assertThat(a.at(31)).hasSize(32);
    }

    @Test
    void growsAtLeastToTheIndexAskedFor() {
        GrowingArray<String[]> a = new GrowingArray<>(String[]::new);

        a.at(3)[3] = "r3";
        a.at(99)[99] = "r99";

        assertThat(a.at(99)).hasSize(100);
        assertThat(a.toArray(4)).containsExactly(null, null, null, "r3");
    }

    @Test
    void copiesOnlyTheFirstElementsAndPadsBeyondTheArray() {
        GrowingArray<byte[]> a = new GrowingArray<>(byte[]::new);
        a.at(0)[0] = 7;
        a.at(1)[1] = 8;

        assertThat(a.toArray(2)).containsExactly(7, 8);
        assertThat(a.toArray(0)).isEmpty();
        assertThat(a.toArray(20)).hasSize(20).startsWith(7, 8).endsWith(0, 0);
    }

    @Test
    void givesACopyNotItsOwnArray() {
        GrowingArray<byte[]> a = new GrowingArray<>(byte[]::new);
        a.at(0)[0] = 1;

        a.toArray(1)[0] = 9;

        assertThat(a.at(0)[0]).isEqualTo((byte) 1);
    }
}
