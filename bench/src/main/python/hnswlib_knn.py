#!/usr/bin/python3
"""hnswlib (Debian's python3-hnswlib) on the kNN bench's cached data set, timed by itself.

Usage: hnswlib_knn.py DATA_DIR ROWS DIMS QUERIES M EF_CONSTRUCTION EFS PASSES INDEX_FILE

Reads DATA_DIR/base.f32, queries.f32 (little-endian float32) and truth10.i32 (int32, 10 ids per query) written by
the Java harness, builds an L2 index with one thread (ids = row numbers), saves it to INDEX_FILE (its size is the
memory per row: hnswlib keeps exactly that in RAM), and for each ef runs every query PASSES times, keeping the best
pass. Two ways per ef: "batch" is one knn_query call over all queries with num_threads=1 (the loop over queries
runs in C++), "single" is one knn_query call per query from Python (adds the binding's per-call cost). Times are
time.process_time() (CPU of this process) and time.perf_counter() (wall). Prints tab-separated lines:
  build  <wall s>  <cpu s>  <index bytes>
  sweep  <batch|single>  <ef>  <recall@10>  <queries per cpu s>  <queries per wall s>
"""
import os
import sys
import time

import hnswlib
import numpy as np


def main():
    data_dir, rows, dims, queries, m, ef_construction, efs, passes, index_file = sys.argv[1:10]
    rows, dims, queries, m, ef_construction, passes = int(rows), int(dims), int(queries), int(m), int(ef_construction), int(passes)
    efs = [int(x) for x in efs.split(",")]
    base = np.fromfile(os.path.join(data_dir, "base.f32"), dtype="<f4").reshape(rows, dims)
    query = np.fromfile(os.path.join(data_dir, "queries.f32"), dtype="<f4").reshape(queries, dims)
    truth = np.fromfile(os.path.join(data_dir, "truth10.i32"), dtype="<i4").reshape(queries, 10)

    index = hnswlib.Index(space="l2", dim=dims)
    cpu, wall = time.process_time(), time.perf_counter()
    index.init_index(max_elements=rows, ef_construction=ef_construction, M=m, random_seed=100)
    index.set_num_threads(1)
    index.add_items(base, np.arange(rows), num_threads=1)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    index.save_index(index_file)
    print("build\t%.3f\t%.3f\t%d" % (wall, cpu, os.path.getsize(index_file)), flush=True)

    def recall(labels):
        hits = 0
        for found, exact in zip(labels, truth):
            hits += len(set(found[:10].tolist()) & set(exact.tolist()))
        return hits / (10.0 * queries)

    warm = False
    for ef in efs:
        index.set_ef(max(ef, 10))
        for mode in ("batch", "single"):
            best_cpu = best_wall = 0.0
            labels = None
            for attempt in range(passes + 1):
                cpu, wall = time.process_time(), time.perf_counter()
                if mode == "batch":
                    labels, _ = index.knn_query(query, k=10, num_threads=1)
                else:
                    found = [index.knn_query(q, k=10, num_threads=1)[0][0] for q in query]
                    labels = np.array(found)
                cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
                if attempt == 0:
                    continue  # warm-up pass
                best_cpu = max(best_cpu, queries / max(cpu, 1e-9))
                best_wall = max(best_wall, queries / max(wall, 1e-9))
            if not warm:
                warm = True
            print("sweep\t%s\t%d\t%.4f\t%.1f\t%.1f" % (mode, ef, recall(labels), best_cpu, best_wall), flush=True)


if __name__ == "__main__":
    main()
