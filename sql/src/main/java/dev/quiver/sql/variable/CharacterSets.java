package dev.quiver.sql.variable;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The character sets and collations Quiver accepts (it stores and sends utf8mb4; the rest are accepted names). */
public final class CharacterSets
{
    public record CharacterSet(String name, String description, String defaultCollation, int maxLength)
    {
        public CharacterSet
        {
            requireNonNull(name, "name is null");
            requireNonNull(description, "description is null");
            requireNonNull(defaultCollation, "defaultCollation is null");
        }
    }

    public record Collation(String name, String characterSet, int id, boolean isDefault, String padAttribute)
    {
        public Collation
        {
            requireNonNull(name, "name is null");
            requireNonNull(characterSet, "characterSet is null");
            requireNonNull(padAttribute, "padAttribute is null");
        }
    }

    public static final String DEFAULT_CHARACTER_SET = "utf8mb4";
    public static final String DEFAULT_COLLATION = "utf8mb4_general_ci";

    private static final List<CharacterSet> CHARACTER_SETS = List.of(
            new CharacterSet("ascii", "US ASCII", "ascii_general_ci", 1),
            new CharacterSet("binary", "Binary pseudo charset", "binary", 1),
            new CharacterSet("latin1", "cp1252 West European", "latin1_swedish_ci", 1),
            new CharacterSet("utf8mb3", "UTF-8 Unicode", "utf8mb3_general_ci", 3),
            new CharacterSet("utf8mb4", "UTF-8 Unicode", DEFAULT_COLLATION, 4));

    private static final List<Collation> COLLATIONS = List.of(
            new Collation("ascii_bin", "ascii", 65, false, "PAD SPACE"),
            new Collation("ascii_general_ci", "ascii", 11, true, "PAD SPACE"),
            new Collation("binary", "binary", 63, true, "NO PAD"),
            new Collation("latin1_bin", "latin1", 47, false, "PAD SPACE"),
            new Collation("latin1_swedish_ci", "latin1", 8, true, "PAD SPACE"),
            new Collation("utf8mb3_bin", "utf8mb3", 83, false, "PAD SPACE"),
            new Collation("utf8mb3_general_ci", "utf8mb3", 33, true, "PAD SPACE"),
            new Collation("utf8mb3_unicode_ci", "utf8mb3", 192, false, "PAD SPACE"),
            new Collation("utf8mb4_0900_ai_ci", "utf8mb4", 255, false, "NO PAD"),
            new Collation("utf8mb4_0900_bin", "utf8mb4", 309, false, "NO PAD"),
            new Collation("utf8mb4_bin", "utf8mb4", 46, false, "PAD SPACE"),
            new Collation("utf8mb4_general_ci", "utf8mb4", 45, true, "PAD SPACE"),
            new Collation("utf8mb4_unicode_ci", "utf8mb4", 224, false, "PAD SPACE"));

    private CharacterSets()
    {
    }

    /** Sorted by name. */
    public static List<CharacterSet> characterSets()
    {
        return CHARACTER_SETS;
    }

    /** Sorted by name. */
    public static List<Collation> collations()
    {
        return COLLATIONS;
    }

    /** The character set of this name ({@code utf8} is {@code utf8mb3}, as in MySQL 8), case-insensitively. */
    public static Optional<CharacterSet> findCharacterSet(String name)
    {
        String lower = canonicalCharacterSetName(name);
        return CHARACTER_SETS.stream().filter(each -> each.name().equals(lower)).findFirst();
    }

    public static Optional<Collation> findCollation(String name)
    {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("utf8_")) {
            lower = "utf8mb3_" + lower.substring("utf8_".length());
        }
        String canonical = lower;
        return COLLATIONS.stream().filter(each -> each.name().equals(canonical)).findFirst();
    }

    private static String canonicalCharacterSetName(String name)
    {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("utf8") ? "utf8mb3" : lower;
    }
}
