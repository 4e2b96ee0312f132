package dev.quiver.sql.testing;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** What one statement of a script produced, in a form every {@link ScriptTarget} can give (in-process or JDBC). */
public sealed interface ScriptOutcome
{
    /** A result set; values are rendered as the text protocol shows them, {@code null} for NULL. */
    record Rows(List<String> labels, List<List<String>> rows)
            implements ScriptOutcome
    {
        public Rows
        {
            labels = List.copyOf(requireNonNull(labels, "labels is null"));
            rows = requireNonNull(rows, "rows is null").stream().map(each -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(each))).toList();
        }
    }

    record UpdateCount(long count)
            implements ScriptOutcome {}

    record Error(int vendorCode, String message)
            implements ScriptOutcome
    {
        public Error
        {
            requireNonNull(message, "message is null");
        }
    }
}
