package dev.quiver.client.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** Defensive, unmodifiable copies that (unlike {@link List#copyOf}) keep null elements. */
final class Copies
{
    private Copies() {}

    static <T> List<T> list(List<T> list, String name)
    {
        requireNonNull(list, name + " is null");
        return Collections.unmodifiableList(new ArrayList<>(list));
    }

    static List<float[]> vectors(List<float[]> vectors, String name)
    {
        requireNonNull(vectors, name + " is null");
        List<float[]> result = new ArrayList<>(vectors.size());
        for (float[] each : vectors) {
            result.add(each == null ? null : each.clone());
        }
        return Collections.unmodifiableList(result);
    }

    static <T> List<List<T>> nested(List<List<T>> lists, String name)
    {
        requireNonNull(lists, name + " is null");
        List<List<T>> result = new ArrayList<>(lists.size());
        for (List<T> each : lists) {
            result.add(list(each, name));
        }
        return Collections.unmodifiableList(result);
    }

    static List<List<float[]>> nestedVectors(List<List<float[]>> lists, String name)
    {
        requireNonNull(lists, name + " is null");
        List<List<float[]>> result = new ArrayList<>(lists.size());
        for (List<float[]> each : lists) {
            result.add(vectors(each, name));
        }
        return Collections.unmodifiableList(result);
    }

    static List<Map<String, Object>> metadatas(List<Map<String, Object>> metadatas, String name)
    {
        requireNonNull(metadatas, name + " is null");
        List<Map<String, Object>> result = new ArrayList<>(metadatas.size());
        for (Map<String, Object> each : metadatas) {
            result.add(each == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(each)));
        }
        return Collections.unmodifiableList(result);
    }

    static Set<Include> include(Set<Include> include)
    {
        requireNonNull(include, "include is null");
        return Collections.unmodifiableSet(include.isEmpty() ? EnumSet.noneOf(Include.class) : EnumSet.copyOf(include));
    }
}
