/** System variables: the catalog with MySQL 8's scopes and defaults, validation of assignments, global values. */
package dev.quiver.sql.variable;
