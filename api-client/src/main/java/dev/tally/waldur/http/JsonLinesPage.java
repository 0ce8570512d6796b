package dev.tally.waldur.http;

import java.util.OptionalLong;

/**
 * One page of a Waldur list with each element as one compact JSON line (UTF-8, newline-terminated)
 * in {@code lines[0, length)}, plus the {@code Link} header and {@code X-Result-Count}.
 *
 * @param size how many elements (lines) the page holds
 */
public record JsonLinesPage(byte[] lines, int length, int size, LinkHeader links, OptionalLong resultCount)
        implements ListPage {
}
