package dev.quiver.sql.tree;

/** How a system variable is named: {@code @@x} (DEFAULT), {@code @@session.x}/{@code @@local.x}, {@code @@global.x}. */
public enum VariableScope
{
    DEFAULT, SESSION, GLOBAL
}
