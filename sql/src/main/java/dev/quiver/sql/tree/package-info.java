/** Quiver's immutable syntax tree: statements and unbound expressions as written, safe to cache and share. */
package dev.quiver.sql.tree;
