package dev.tally.core.query;

/**
 * A query that cannot run: an unknown dimension or measure, a malformed filter, a bad period. The
 * message names the problem and, where there is one, its 1-based character position in the text
 * the user wrote ({@code unknown dimension 'contry' at position 1}).
 */
public final class QueryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int position;

    /** A problem at a 1-based position in the text it came from (0 when there is none). */
    public QueryException(String problem, int position) {
        super(position > 0 ? problem + " at position " + position : problem);
        this.position = position;
    }

    /** A problem at a position, then what to do about it ({@code did you mean 'country'?}). */
    QueryException(String problem, int position, String hint) {
        super((position > 0 ? problem + " at position " + position : problem) + "; " + hint);
        this.position = position;
    }

    /** A problem not tied to a position. */
    public QueryException(String problem) {
        this(problem, 0);
    }

    /** The 1-based position of the problem, or 0. */
    public int position() {
        return position;
    }
}
