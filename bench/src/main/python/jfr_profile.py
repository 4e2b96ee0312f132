#!/usr/bin/python3
"""Summarises the execution samples of one thread in a JFR recording (self and inclusive shares per method).

Usage: jfr_profile.py RECORDING.jfr [THREAD_NAME=main] [TOP=25] [JFR=jfr] [WITHIN=method substring]

Runs `jfr print --json --stack-depth 128 --events jdk.ExecutionSample` and counts, over the samples of the named
thread (only those with a frame containing WITHIN, when given), the top frame (self) and every distinct method on the stack (inclusive). Prints Markdown tables.
"""
import collections
import json
import subprocess
import sys


def main():
    recording = sys.argv[1]
    thread = sys.argv[2] if len(sys.argv) > 2 else "main"
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    jfr = sys.argv[4] if len(sys.argv) > 4 else "jfr"
    within = sys.argv[5] if len(sys.argv) > 5 else None
    output = subprocess.run([jfr, "print", "--json", "--stack-depth", "128", "--events", "jdk.ExecutionSample", recording],
                            check=True, capture_output=True, text=True).stdout
    events = json.loads(output)["recording"]["events"]
    own = collections.Counter()
    inclusive = collections.Counter()
    samples = 0
    for event in events:
        values = event["values"]
        sampled = values.get("sampledThread") or {}
        if sampled.get("javaName") != thread:
            continue
        frames = (values.get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        samples += 1
        names = []
        for frame in frames:
            method = frame["method"]
            names.append("%s.%s" % (method["type"]["name"].split(".")[-1], method["name"]))
        if within and not any(within in name for name in names):
            samples -= 1
            continue
        own[names[0]] += 1
        for name in set(names):
            inclusive[name] += 1
    print("%d samples of thread %s%s\n" % (samples, thread, " within " + within if within else ""))
    print("| self % | method |\n|---:|---|")
    for name, count in own.most_common(top):
        print("| %.1f | %s |" % (100.0 * count / samples, name))
    print("\n| inclusive % | method |\n|---:|---|")
    for name, count in inclusive.most_common(top * 2):
        print("| %.1f | %s |" % (100.0 * count / samples, name))


if __name__ == "__main__":
    main()
