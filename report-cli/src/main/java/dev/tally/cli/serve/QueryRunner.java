package dev.tally.cli.serve;

import dev.tally.cli.Main;
import dev.tally.cli.render.AtomicFiles;
import dev.tally.cli.report.ReportInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs {@code tally query} in-process on the snapshot loaded at start: the page's numbers, files and
 * error messages are that command's own, byte for byte (docs/serve.md). A refused question is the
 * first line the command writes to standard error.
 */
final class QueryRunner {
    private final Clock clock;
    private final Path snapshot;
    private final ReportInput input;
    private final Path scratch;
    private final AtomicLong files = new AtomicLong();

    /** {@code scratch} is a private folder for workbooks, which {@code tally query} writes only to a file. */
    QueryRunner(Clock clock, Path snapshot, ReportInput input, Path scratch) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.input = Objects.requireNonNull(input, "input");
        this.scratch = Objects.requireNonNull(scratch, "scratch");
    }

    /** The answer as {@code tally query --format json} writes it. */
    byte[] json(List<String> question) throws BadRequest {
        return run(question, "--format=json");
    }

    /** The answer as {@code tally query --format csv} writes it. */
    byte[] csv(List<String> question) throws BadRequest {
        return run(question, "--format=csv");
    }

    /** What was asked, as the lines {@code tally query --format csv --header-comment} puts above the CSV. */
    List<String> questionLines(List<String> question) throws BadRequest {
        String csv = new String(run(question, "--format=csv", "--header-comment"), StandardCharsets.UTF_8);
        return csv.lines().takeWhile(l -> l.startsWith("# ")).map(l -> l.substring(2)).toList();
    }

    /** The answer as the workbook {@code tally query --format xlsx --out FILE} writes. */
    byte[] xlsx(List<String> question) throws BadRequest, IOException {
        Path file = scratch.resolve("answer-" + files.incrementAndGet() + ".xlsx");
        try {
            run(question, "--format=xlsx", "--out=" + file, "--quiet");
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private byte[] run(List<String> question, String... format) throws BadRequest {
        List<String> args = new ArrayList<>(List.of("query", "--snapshot=" + snapshot));
        args.addAll(question);
        args.addAll(List.of(format));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(clock, AtomicFiles.DIRECT, dir -> input, new PrintWriter(out), new PrintWriter(err),
                args.toArray(String[]::new));
        if (code != 0) {
            String line = err.toString().lines().findFirst().orElse("tally query failed (exit code " + code + ")");
            throw new BadRequest(code == 2 ? 400 : 500, line);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
