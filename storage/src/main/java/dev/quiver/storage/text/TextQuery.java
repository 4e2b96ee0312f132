package dev.quiver.storage.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A parsed MATCH ... AGAINST query over analysed terms, the same tree for every engine: the reference engine
 * evaluates it on {@link AnalyzedText}, the durable engine translates it into a Lucene query. Prefixes are already
 * expanded into the terms present in the table.
 */
public sealed interface TextQuery
{
    /** Rows containing the term. */
    record Term(String term)
            implements TextQuery
    {
        public Term
        {
            requireNonNull(term, "term is null");
        }
    }

    /** Rows containing the terms at these relative positions. */
    record Phrase(List<String> terms, int[] positions)
            implements TextQuery
    {
        public Phrase
        {
            terms = List.copyOf(terms);
            positions = positions.clone();
            if (terms.size() < 2 || positions.length != terms.size()) {
                throw new IllegalArgumentException("a phrase has at least two terms, one position each");
            }
        }
    }

    enum Occur
    {
        MUST, SHOULD, MUST_NOT
    }

    record Clause(Occur occur, TextQuery query)
    {
        public Clause
        {
            requireNonNull(occur, "occur is null");
            requireNonNull(query, "query is null");
        }
    }

    /**
     * MySQL's boolean combination (and Lucene's): every MUST clause matches, no MUST_NOT clause matches, and when
     * there is no MUST clause at least one SHOULD clause matches (so only MUST_NOT clauses, or none, match nothing).
     * The score is the sum of the scores of the matching MUST and SHOULD clauses.
     */
    record Bool(List<Clause> clauses)
            implements TextQuery
    {
        public Bool
        {
            clauses = List.copyOf(clauses);
        }

        public static Bool anyOf(List<String> terms)
        {
            List<Clause> clauses = new ArrayList<>();
            for (String term : new LinkedHashSet<>(terms)) {
                clauses.add(new Clause(Occur.SHOULD, new Term(term)));
            }
            return new Bool(clauses);
        }
    }

    /** Every distinct term the query scores or tests (for statistics). */
    default Set<String> allTerms()
    {
        Set<String> terms = new LinkedHashSet<>();
        collect(this, terms);
        return terms;
    }

    private static void collect(TextQuery query, Set<String> into)
    {
        switch (query) {
            case Term term -> into.add(term.term());
            case Phrase phrase -> into.addAll(phrase.terms());
            case Bool bool -> bool.clauses().forEach(clause -> collect(clause.query(), into));
        }
    }
}
