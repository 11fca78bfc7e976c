#!/usr/bin/env python3
"""Where a request's time goes: the CPU samples of a JFR recording of the service under wrk, by component.

    jcmd <pid> JFR.start name=p settings=profile; wrk …; jcmd <pid> JFR.stop name=p filename=p.jfr
    python3 bench/profile.py p.jfr

Only the request threads and the store's writer count. A sample goes to the innermost frame that names a
component (so Jackson inside MVC's writing is "mvc: write response", inside the store "store: serialise").
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
    for frame in frames:
        name = frame["method"]["type"]["name"] + "." + frame["method"]["name"]
        for pattern, label in COMPONENTS:
            if pattern in name:
                return label
    return "jvm / other"


def main(path):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "300", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    shares = collections.Counter()
    for event in json.loads(out)["recording"]["events"]:
        thread = (event["values"].get("sampledThread") or {}).get("javaName") or ""
        if thread == "decision-writer":
            shares["store: writer thread (H2 commit)"] += 1
        elif thread.startswith("http-nio"):
            shares[component((event["values"].get("stackTrace") or {}).get("frames", []))] += 1
    total = sum(shares.values())
    print(f"{total} samples")
    for label, n in shares.most_common():
        print(f"{100 * n / total:5.1f}%  {label}")


if __name__ == "__main__":
    main(sys.argv[1])
