#!/usr/bin/env python3
"""Where a request's time goes: the CPU samples of the service under wrk, by thread and by component.

From async-profiler (lighter: JFR's `profile` settings cut this service's throughput tenfold on 2 cores), started
with the service, a file every 30 s; take one from after the JIT has settled:

    java -agentpath:/path/to/libasyncProfiler.so=start,event=itimer,interval=2ms,loop=30s,threads,collapsed,file=ap-%t.collapsed …
    python3 bench/profile.py ap-<time>.collapsed

or from a JFR recording (jcmd <pid> JFR.start name=p settings=profile; wrk …; jcmd <pid> JFR.stop name=p filename=p.jfr).
The request threads are split by component: a sample goes to the innermost frame that names one (so Jackson inside
MVC's writing is "mvc: write response", inside the store "store: serialise").
"""
import collections
import json
import subprocess
import sys

COMPONENTS = [
    ("RuleSet.execute", "engine: drools run"), ("org/drools", "engine: drools run"),
    ("ReasonReader", "engine: reading"), ("Lexicon", "engine: reading"),
    ("Engine.decide", "engine: intake, facts, assembly"), ("CompactDecision", "store: compact"),
    ("DecisionStore.storedBytesSince", "store: storage-cap query"), ("DecisionStore.save", "store: serialise, queue, wait"),
    ("Recorder.decide", "recorder: decision tree"), ("micrometer", "metrics and observations"), ("logback", "logging"),
    ("writeWithMessageConverters", "mvc: write response"), ("readWithMessageConverters", "mvc: read request"),
    ("hibernate/validator", "validation"), ("LimitedBodyRequest", "body filter"), ("BodyLimitFilter", "body filter"),
    ("RateLimitInterceptor", "rate limit"), ("AnonymousBulkhead", "bulkhead"), ("ApiKeyFilter", "api key filter"),
    ("DispatcherServlet", "mvc: dispatch"), ("springframework/security", "security filter chain"),
    ("springframework/web", "spring web (handler mapping, arguments, filters)"), ("org/apache", "tomcat"),
]


def component(frames):
    for name in frames:
        for pattern, label in COMPONENTS:
            if pattern in name:
                return label
    return "jvm / other"


def samples(path):
    """(thread name, frame names innermost first, count) of every sample."""
    if path.endswith(".collapsed"):
        for line in open(path):
            stack, _, n = line.rstrip().rpartition(" ")
            frames = stack.split(";")
            thread = frames[0].strip("[]").split(" tid=")[0] if frames[0].startswith("[") else ""
            yield thread, list(reversed(frames[1:] if thread else frames)), int(n)
        return
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "300", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    for event in json.loads(out)["recording"]["events"]:
        thread = (event["values"].get("sampledThread") or {}).get("javaName") or ""
        frames = (event["values"].get("stackTrace") or {}).get("frames", [])
        yield thread, [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in frames], 1


def main(path):
    threads, shares = collections.Counter(), collections.Counter()
    for thread, frames, n in samples(path):
        if not thread or (thread.startswith("http-nio") and "-exec-" in thread):
            # (a profile taken without `threads` names none: all of it is split by component)
            threads["request threads" if thread else "all threads (no thread names)"] += n
            shares[component(frames)] += n
        elif thread == "decision-writer":
            threads["store: writer thread (H2 commit)"] += n
        elif "Compiler" in thread:
            threads["JIT compilers"] += n
        elif thread == "VM Thread" or "GC" in thread:
            threads["VM thread (serial GC) and other VM work"] += n
        else:
            threads["other threads"] += n
    total = sum(threads.values())
    print(f"{total} samples, by thread")
    for label, n in threads.most_common():
        print(f"{100 * n / total:5.1f}%  {label}")
    requests = threads["request threads"] + threads["all threads (no thread names)"] or 1
    print("request threads, by component")
    for label, n in shares.most_common():
        print(f"{100 * n / requests:5.1f}%  {label}")


if __name__ == "__main__":
    main(sys.argv[1])
