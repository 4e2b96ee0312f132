package dev.quiver.common;

import java.math.BigDecimal;

/**
 * How MySQL writes a DOUBLE or FLOAT as text (MySQL's {@code my_gcvt}): the shortest digits that read back to
 * the same value, fixed notation for decimal exponents from -15 to 14, exponent notation ({@code 1e15},
 * {@code 2.5e-300}) beyond, no trailing {@code .0}, and {@code 0} for both zeros. Shared by the text protocol
 * (result rows) and SQL semantics (CONCAT, CAST to CHAR), which must agree to the character.
 */
public final class NumberText
{
    private static final int SMALLEST_FIXED_EXPONENT = -15;
    private static final int LARGEST_FIXED_EXPONENT = 14;

    private NumberText()
    {
    }

    public static String doubleText(double value)
    {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return shortest(Double.toString(value), value);
    }

    /** A FLOAT prints the shortest digits of the float itself ({@code 0.1}, not {@code 0.10000000149011612}). */
    public static String floatText(float value)
    {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            return Float.toString(value);
        }
        return shortest(Float.toString(value), value);
    }

    private static String shortest(String javaText, double value)
    {
        if (value == 0) {
            return "0";
        }
        BigDecimal decimal = new BigDecimal(javaText).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent >= SMALLEST_FIXED_EXPONENT && exponent <= LARGEST_FIXED_EXPONENT) {
            return decimal.toPlainString();
        }
        String digits = decimal.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (decimal.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
    }
}
