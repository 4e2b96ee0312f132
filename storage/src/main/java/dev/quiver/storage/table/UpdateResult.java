package dev.quiver.storage.table;

/** An UPDATE's counts, as in MySQL's info string "Rows matched: M  Changed: C". */
public record UpdateResult(long matchedRows, long changedRows) {}
