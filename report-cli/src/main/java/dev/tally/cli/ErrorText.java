package dev.tally.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.UnmappableCharacterException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.time.DateTimeException;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an exception into one sentence for the {@code tally:} error line. Exceptions of our own carry a
 * finished message; the JDK's are named by their class, which means nothing to a user, so each kind
 * a run can meet gets a sentence naming the value instead (docs/security.md, "Messages").
 */
final class ErrorText {
    /** A qualified exception class name and its colon, as {@code Throwable.toString()} puts in front of a message. */
    private static final Pattern CLASS_PREFIX = Pattern.compile("(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)(?::\\s*|$)");
    private static final String FALLBACK = "unexpected internal error; run again with --verbose for the stack trace";
    private static final Pattern FOR_INPUT_STRING = Pattern.compile("For input string: \"(.*?)\"(?: under radix \\d+)?");

    private ErrorText() {
    }

    static String of(Throwable ex) {
        String text = sentence(ex);
        text = CLASS_PREFIX.matcher(text).replaceAll("");
        text = FOR_INPUT_STRING.matcher(text).replaceAll(m -> Matcher.quoteReplacement("'" + m.group(1) + "' is not a number"));
        text = text.strip();
        return text.isEmpty() ? FALLBACK : text;
    }

    private static String sentence(Throwable ex) {
        String msg = ex.getMessage();
        if (ex instanceof UncheckedIOException && ex.getCause() != null) {
            return sentence(ex.getCause());
        }
        if (ex instanceof NumberFormatException) {
            Matcher m = msg == null ? null : FOR_INPUT_STRING.matcher(msg);
            return m != null && m.matches() ? "'" + m.group(1) + "' is not a number" : "not a number" + suffix(msg);
        }
        if (ex instanceof DateTimeParseException p) {
            return "'" + p.getParsedString() + "' is not a valid date or time";
        }
        if (ex instanceof DateTimeException) {
            return "invalid date or time" + suffix(msg);
        }
        if (ex instanceof MalformedInputException || ex instanceof UnmappableCharacterException) {
            return "the input is not valid UTF-8 text (a bad sequence of "
                    + ((CharacterCodingException) ex).getMessage().replaceAll("\\D", "") + " byte(s)); save the file as UTF-8";
        }
        if (ex instanceof FileSystemException f) {
            return fileSystem(f);
        }
        if (ex instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            String where = j.getLocation() == null ? "" : " (line " + j.getLocation().getLineNr() + ", column "
                    + j.getLocation().getColumnNr() + ")";
            return "malformed JSON or YAML: " + firstLine(j.getOriginalMessage()) + where;
        }
        if (ex instanceof InterruptedException) {
            return "interrupted";
        }
        if (ex instanceof IOException && !(ex.getClass().getName().startsWith("dev.tally."))) {
            return "I/O error" + suffix(msg);
        }
        // Our own messages are complete sentences; line breaks in them (from a server's body) are escaped, not cut.
        return msg == null ? "" : msg;
    }

    private static String fileSystem(FileSystemException f) {
        String file = f.getFile();
        String other = f.getOtherFile() == null ? "" : " -> " + f.getOtherFile();
        if (f instanceof NoSuchFileException) {
            return "no such file: " + file + other;
        }
        if (f instanceof AccessDeniedException) {
            return "permission denied: " + file + other;
        }
        if (f instanceof FileAlreadyExistsException) {
            return "already exists: " + file + other;
        }
        if (f instanceof DirectoryNotEmptyException) {
            return "folder not empty: " + file;
        }
        if (f instanceof NotDirectoryException) {
            return "not a folder: " + file;
        }
        return (file == null ? "file system error" : file + other) + suffix(f.getReason());
    }

    private static String suffix(String msg) {
        return msg == null || msg.isBlank() ? "" : ": " + firstLine(msg);
    }

    /** The first line of a JDK message; further lines are detail the stack trace (--verbose) shows in full. */
    private static String firstLine(String msg) {
        return msg == null ? "" : msg.lines().findFirst().orElse("");
    }
}
