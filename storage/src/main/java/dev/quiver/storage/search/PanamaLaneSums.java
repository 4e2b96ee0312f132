package dev.quiver.storage.search;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneSums} with Java's Vector API: four floats at a time widened exactly to four doubles, lane j of one
 * 256-bit accumulator being the definition's lane j. Each lane sees the same operations in the same order as
 * {@link ScalarLaneSums} (a subtraction, a multiplication and an addition, never fused), so the bits are the same.
 * Only loaded when the JVM has the incubator module ({@link LaneSums#INSTANCE}).
 */
final class PanamaLaneSums
        implements LaneSums
{
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_128;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_256;

    PanamaLaneSums()
    {
        // the Vector API would emulate wider vectors than the CPU has, slowly
        if (DoubleVector.SPECIES_PREFERRED.vectorBitSize() < 256) {
            throw new UnsupportedOperationException("no 256-bit vectors on this CPU");
        }
    }

    @Override
    public double squareDistance(float[] a, float[] b)
    {
        DoubleVector lanes = DoubleVector.zero(DOUBLES);
        int i = 0;
        for (int end = a.length & ~3; i < end; i += 4) {
            DoubleVector difference = widen(a, i).sub(widen(b, i));
            lanes = lanes.add(difference.mul(difference));
        }
        return ScalarLaneSums.tailSquareDistance(a, b, i, lanes.lane(0), lanes.lane(1), lanes.lane(2), lanes.lane(3));
    }

    @Override
    public double dot(float[] a, float[] b)
    {
        DoubleVector lanes = DoubleVector.zero(DOUBLES);
        int i = 0;
        for (int end = a.length & ~3; i < end; i += 4) {
            lanes = lanes.add(widen(a, i).mul(widen(b, i)));
        }
        return ScalarLaneSums.tailDot(a, b, i, lanes.lane(0), lanes.lane(1), lanes.lane(2), lanes.lane(3));
    }

    private static DoubleVector widen(float[] values, int from)
    {
        return (DoubleVector) FloatVector.fromArray(FLOATS, values, from).convertShape(VectorOperators.F2D, DOUBLES, 0);
    }
}
