package dev.quiver.client.internal;

import java.math.BigDecimal;

/**
 * Formats numbers the way JavaScript's {@code Number.prototype.toString} (and so {@code JSON.stringify})
 * does, from the shortest decimal that round-trips: {@code 1} not {@code 1.0}, {@code 1e-7} not
 * {@code 1.0E-7}, {@code 1e+21}. The seekdb JS SDK writes vectors and metadata this way, so text written
 * by this client is byte-identical to the SDK's for the same values.
 */
final class JsNumbers
{
    private JsNumbers() {}

    /** The shortest JavaScript rendering of a float32 value, e.g. {@code 0.1f} gives {@code 0.1}. */
    static String format(float value)
    {
        return formatShortestDecimal(Float.toString(value), value);
    }

    /** The JavaScript rendering of a double, e.g. {@code 95.0} gives {@code 95}. */
    static String format(double value)
    {
        return formatShortestDecimal(Double.toString(value), value);
    }

    private static String formatShortestDecimal(String javaText, double value)
    {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal decimal = new BigDecimal(javaText).stripTrailingZeros();
        String digits = decimal.unscaledValue().abs().toString();
        int digitCount = digits.length();
        int exponent = digitCount - decimal.scale();
        StringBuilder result = new StringBuilder();
        if (decimal.signum() < 0) {
            result.append('-');
        }
        if (digitCount <= exponent && exponent <= 21) {
            result.append(digits).append("0".repeat(exponent - digitCount));
        }
        else if (0 < exponent && exponent <= 21) {
            result.append(digits, 0, exponent).append('.').append(digits, exponent, digitCount);
        }
        else if (-6 < exponent && exponent <= 0) {
            result.append("0.").append("0".repeat(-exponent)).append(digits);
        }
        else {
            result.append(digits.charAt(0));
            if (digitCount > 1) {
                result.append('.').append(digits, 1, digitCount);
            }
            int power = exponent - 1;
            result.append('e').append(power >= 0 ? '+' : '-').append(Math.abs(power));
        }
        return result.toString();
    }
}
