package dev.quiver.storage.vector;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NearestFirst} hands candidates out in the order of their exact distances, ties by row id, whatever lower
 * bounds they came with (many exact ties among them), drops those whose exact distance is NaN, and computes exact
 * distances only for the candidates it reaches. {@code -Dtests.seed=S} replays.
 */
class TestNearestFirst
{
    private record Item(long rowId, double exact) {}

    @Test
    void testOrderIsTheExactOrderWithTiesByRowId()
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        Random random = new Random(seed);
        String context = "replay with -Dtests.seed=" + seed;
        for (int round = 0; round < 200; round++) {
            int size = 1 + random.nextInt(300);
            List<Item> items = new ArrayList<>();
            NearestFirst<Item> order = new NearestFirst<>(Item::exact);
            for (int i = 0; i < size; i++) {
                // few distinct distances: many ties; some NaN (no distance)
                double exact = random.nextInt(20) == 0 ? Double.NaN : random.nextInt(1 + size / 4) / 8.0;
                Item item = new Item(random.nextInt(1000) * 1000L + i, exact);
                if (!Double.isNaN(exact)) {
                    items.add(item);
                }
                switch (random.nextInt(3)) {
                    case 0 -> {
                        if (!Double.isNaN(exact)) {
                            order.addExact(item, item.rowId(), exact);
                        }
                    }
                    // a bound equal to the distance (the tie case), or below it by up to a step
                    case 1 -> order.addBound(item, item.rowId(), Double.isNaN(exact) ? 0 : exact);
                    default -> order.addBound(item, item.rowId(), Double.isNaN(exact) ? -1 : exact - random.nextDouble() / 8);
                }
            }
            items.sort(Comparator.comparingDouble(Item::exact).thenComparingLong(Item::rowId));
            List<Item> polled = new ArrayList<>();
            for (NearestFirst.Entry<Item> entry = order.poll(); entry != null; entry = order.poll()) {
                assertThat(entry.exact()).isTrue();
                assertThat(entry.distance()).isEqualTo(entry.item().exact());
                polled.add(entry.item());
            }
            assertThat(polled).as(context).containsExactlyElementsOf(items);
        }
    }

    @Test
    void testRefinesOnlyWhatMayRankBeforeTheTaken()
    {
        NearestFirst<Item> order = new NearestFirst<>(Item::exact);
        for (int i = 0; i < 1000; i++) {
            order.addBound(new Item(i, i + 0.5), i, i);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(order.poll().rowId()).isEqualTo(i);
        }
        // each is handed out once refined (i + 0.5), being nearer than the next bound (i + 1): ten refined of 1000
        assertThat(order.refined()).isEqualTo(10);
        assertThat(order.size()).isEqualTo(990);
    }
}
