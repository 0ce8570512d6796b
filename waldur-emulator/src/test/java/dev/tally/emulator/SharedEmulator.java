package dev.tally.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;

/** One default emulator shared by the read-only tests, so the dataset is generated once per test JVM. */
final class SharedEmulator {
    private static Emulator instance;

    private SharedEmulator() {
    }

    static synchronized Emulator get() {
        if (instance == null) {
            try {
                instance = Emulator.start(EmulatorConfig.defaults());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }
}
