#!/usr/bin/env python3
"""Runs the JMH and HTTP benchmarks and writes bench/RESULTS.md with every figure beside its target."""
import datetime
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
QUICK = os.environ.get("BENCH_QUICK") == "1"
DURATION = os.environ.get("BENCH_DURATION", "5s" if QUICK else "15s")
SOAK_SECONDS = int(os.environ.get("BENCH_SOAK_SECONDS", "20" if QUICK else "300"))
PORT = int(os.environ.get("BENCH_PORT", "18080"))
KEY = "lr_bench-reviewer-key"
JAR = os.path.join(ROOT, "target", "locreview-0.1.0-SNAPSHOT.jar")
# The service runs from the extracted layout (java -Djarmode=tools -jar … extract): it starts faster.
EXTRACTED = os.path.join(ROOT, "target", "extracted")
# Where the service keeps the reading's words (locreview.cache-dir): the training run fills it, as a deployment's
# previous start would have.
WORDS = os.path.join(OUT, "words")
JVM_OPTS = os.environ.get("BENCH_JVM_OPTS",
                          "-Xmx256m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -XX:TrimNativeHeapInterval=5000"
                          " -Dspring.aot.enabled=true"
                          " -XX:+ExitOnOutOfMemoryError")
BODY = json.dumps({"api": "wx.getLocation", "categories": ["交通服务-代驾"],
                   "reason": "我们是本地代驾平台，用户酒后一键叫代驾，需要获取用户当前精确位置作为接驾点，派单给附近的司机。",
                   "appId": "wxbench0000000001"}, ensure_ascii=False)


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def jmh():
    os.makedirs(OUT, exist_ok=True)
    result = os.path.join(OUT, "jmh.json")
    if os.environ.get("BENCH_JMH") == "reuse" and os.path.exists(result):
        return jmh_scores(result)
    cp = classpath()
    args = ["-wi", "2", "-w", "1", "-i", "3", "-r", "1"] if QUICK else ["-wi", "5", "-w", "1", "-i", "5", "-r", "2"]
    subprocess.run(["java", "-cp", cp, "org.openjdk.jmh.Main", "DecisionBenchmark|ReasonBenchmark|GrowthBenchmark", "-f", "1",
                    "-t", "1", "-rf", "json", "-rff", result] + args, check=True, cwd=ROOT,
                   stdout=open(os.path.join(OUT, "jmh.log"), "w"), stderr=subprocess.STDOUT)
    return jmh_scores(result)


def classpath():
    return "target/test-classes:target/classes:" + open(os.path.join(ROOT, "target/bench-classpath.txt")).read().strip()


def rule_set_heap_mb():
    """The heap one loaded rule set holds (RuleSetHeap, counted by JOL): a reload holds two."""
    out = sh(["java", "-Djdk.attach.allowAttachSelf=true", "-cp", classpath(), "dev.locreview.bench.RuleSetHeap"], cwd=ROOT)
    return int([line for line in out.splitlines() if line.strip().isdigit()][-1]) / 1e6


def jmh_scores(result):
    scores = {}
    for r in json.load(open(result)):
        name = r["benchmark"].split(".")[-2] + "." + r["benchmark"].split(".")[-1]
        params = ",".join(f"{k}={v}" for k, v in sorted((r.get("params") or {}).items()))
        m = r["primaryMetric"]
        scores[(name, params)] = (m["score"], m["scoreError"], m["scoreUnit"])
    return scores


def cds_archive():
    """
    The class-data archive of a training run (AppCDS): the classes a start loads, parsed and verified once.
    This JDK 17 crashes dumping lambda proxies (dynamically with -XX:ArchiveClassesAtExit, and statically), so
    the archive is a static one of the class list without them. Returns the JVM flag that uses it.
    """
    jar = os.path.join(EXTRACTED, os.path.basename(JAR))
    classes, archive = os.path.join(OUT, "app.classlist"), os.path.join(OUT, "app.jsa")
    sh(["java"] + JVM_OPTS.split() + [f"-XX:DumpLoadedClassList={classes}", "-Dspring.context.exit=onRefresh",
                                      "-jar", jar, "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:cds",
                                      f"--locreview.cache-dir={WORDS}"], cwd=ROOT)
    kept = [line for line in open(classes) if not line.startswith("@lambda-proxy")]
    open(classes, "w").writelines(kept)
    sh(["java"] + JVM_OPTS.split() + ["-Xshare:dump", f"-XX:SharedClassListFile={classes}",
                                      f"-XX:SharedArchiveFile={archive}", "-jar", jar], cwd=ROOT)
    return f"-XX:SharedArchiveFile={archive}"


def start_service(data_dir, cds, words=WORDS, log_name="service.log"):
    """Starts the service; returns it and the milliseconds from `java -jar` to its first decision answered."""
    key_hash = hashlib.sha256(KEY.encode()).hexdigest()
    log = open(os.path.join(OUT, log_name), "w")
    env = dict(os.environ, MALLOC_ARENA_MAX="2")
    t0 = time.monotonic()
    proc = subprocess.Popen(["java"] + JVM_OPTS.split() + [cds, "-jar", os.path.join(EXTRACTED, os.path.basename(JAR)), f"--server.port={PORT}",
                             f"--spring.datasource.url=jdbc:h2:file:{data_dir}/db;WRITE_DELAY=0;COMPRESS=TRUE;CACHE_SIZE=8192",
                             f"--locreview.cache-dir={words}",
                             # one load generator is one client: its rate limit and daily storage cap are lifted
                             "--locreview.rate-limit.capacity=1000000000",
                             "--locreview.storage.precheck-bytes-per-day=1TB",
                             "--locreview.security.keys[0].name=bench", f"--locreview.security.keys[0].sha256={key_hash}",
                             "--locreview.security.keys[0].roles=REVIEWER,RULES_ADMIN",
                             "--logging.level.dev.locreview.history.Recorder=WARN"],
                            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    while True:
        try:
            req = urllib.request.Request(f"http://127.0.0.1:{PORT}/api/v1/reviews", data=BODY.encode(),
                                         headers={"Content-Type": "application/json"})
            if urllib.request.urlopen(req, timeout=2).status == 200:
                return proc, (time.monotonic() - t0) * 1000
        except Exception:
            if proc.poll() is not None:
                raise SystemExit(f"the service exited; see bench/out/{log_name}")
            if time.monotonic() - t0 > 120:
                raise SystemExit("the service did not answer within 120 s")
            time.sleep(0.05)


def first_start_ms(cds):
    """Start-up to the first answer of a rule set whose words were never kept (a new version's first start)."""
    data_dir = tempfile.mkdtemp(prefix="locreview-bench")
    proc, ms = start_service(data_dir, cds, words="", log_name="first-start.log")
    proc.kill()
    proc.wait()
    shutil.rmtree(data_dir, ignore_errors=True)
    return ms


def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def wrk(path, connections, duration, post=False, key=""):
    env = dict(os.environ, BENCH_BODY=BODY, BENCH_KEY=key)
    cmd = ["wrk", "-t", "2", "-c", str(connections), "-d", duration, "--latency", "--timeout", "5s"]
    if post:
        cmd += ["-s", os.path.join(ROOT, "bench", "post.lua")]
    out = sh(cmd + [f"http://127.0.0.1:{PORT}{path}"], env=env)
    def latency(p):
        m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)", out, re.M)
        if not m:
            return float("nan")
        v, u = float(m.group(1)), m.group(2)
        return v / 1000 if u == "us" else v * 1000 if u == "s" else v
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(int(x) for x in sock.groups()) if sock else 0)
    return {"rps": rps, "p50": latency(50), "p99": latency(99), "errors": errors, "total": total}


def compiled(pid):
    """Methods the JIT has compiled so far (jstat -compiler), or None when jstat is not there."""
    try:
        return int(sh(["jstat", "-compiler", str(pid)]).splitlines()[1].split()[0])
    except (OSError, subprocess.CalledProcessError, IndexError, ValueError):
        return None


def warm_up(pid):
    """Pre-checks, reviews and pings in turn until fewer than 1% more methods were compiled in a round (at most 5 min)."""
    step, limit = ("3s", 30) if QUICK else ("10s", 300)
    t0 = time.monotonic()
    before = compiled(pid)
    while True:
        wrk("/api/v1/reviews", 64, step, post=True)
        wrk("/api/v1/reviews", 64, step, post=True, key=KEY)
        wrk("/api/v1/ping", 64, step)
        now = compiled(pid)
        if before is None or now is None or now - before < 0.01 * now or time.monotonic() - t0 > limit:
            return time.monotonic() - t0
        before = now


def http():
    shutil.rmtree(EXTRACTED, ignore_errors=True)
    sh(["java", "-Djarmode=tools", "-jar", JAR, "extract", "--destination", EXTRACTED])
    shutil.rmtree(WORDS, ignore_errors=True)
    cds = cds_archive()
    first_ms = first_start_ms(cds)
    data_dir = tempfile.mkdtemp(prefix="locreview-bench")
    proc, startup_ms = start_service(data_dir, cds)
    try:
        # Warm-up until the JIT has settled: on 2 cores C2 keeps compiling for minutes (a fixed 50 s measured
        # a service still being compiled, and its figures rose run after run).
        warm_s = warm_up(proc.pid)
        rows = []
        for c in (16, 64, 256):
            ping = wrk("/api/v1/ping", c, DURATION)
            pre = wrk("/api/v1/reviews", c, DURATION, post=True)
            rev = wrk("/api/v1/reviews", c, DURATION, post=True, key=KEY)
            rows.append((c, ping, pre, rev))
        rss_before = rss_mb(proc.pid)
        soak = []
        t_end = time.monotonic() + SOAK_SECONDS
        requests = 0
        while time.monotonic() < t_end:
            r = wrk("/api/v1/reviews", 64, "10s", post=True)
            requests += r["total"]
            soak.append((requests, rss_mb(proc.pid)))
        t0 = time.monotonic()
        req = urllib.request.Request(f"http://127.0.0.1:{PORT}/api/v1/rules/reload", method="POST",
                                     headers={"X-API-Key": KEY})
        try:
            status = urllib.request.urlopen(req, timeout=120).status
        except urllib.error.HTTPError as e:
            status = e.code
        reload_ms = (time.monotonic() - t0) * 1000
        return {"startup_ms": startup_ms, "first_start_ms": first_ms, "warm_s": warm_s, "rows": rows, "rss_before": rss_before, "soak": soak,
                "reload_ms": reload_ms, "reload_status": status}
    finally:
        proc.kill()
        proc.wait()
        shutil.rmtree(data_dir, ignore_errors=True)


def machine():
    cpu = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return f"{os.cpu_count()} cores ({cpu}), {int(mem) // 1024 // 1024} GiB, {platform.system()} {platform.release()}, {java}"


NOTES = "\n<!-- notes: kept by bench/run -->\n"


def fmt(v, digits=1):
    return f"{v:,.{digits}f}"


def report(scores, h):
    def s(name, params=""):
        return scores.get((name, params), (float("nan"), 0, ""))
    lines = [f"# locreview benchmarks", "",
             f"Run {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} on {machine()}.",
             f"Mode: {'quick (short iterations: noisy)' if QUICK else 'full'}. The service runs from the extracted jar "
             f"with `MALLOC_ARENA_MAX=2 java {JVM_OPTS}` and a class-data archive of a training run "
             "(`-XX:SharedArchiveFile`, see `cds_archive` in bench/run.py). Rerun with `bench/run`.", "",
             "## In process (JMH, one thread)", "",
             "| measure | engine | hand-written limit | engine / limit | target |", "| --- | --- | --- | --- | --- |"]
    d = s("DecisionBenchmark.declaredScenarios")
    hd = s("DecisionBenchmark.handWrittenDeclared")
    lines.append(f"| decision from declared scenarios | {fmt(d[0], 2)} ± {fmt(d[1], 2)} µs ({fmt(1e6 / d[0], 0)}/s) "
                 f"| {fmt(hd[0], 2)} µs | {fmt(d[0] / hd[0])}× | ≥ 200,000/s on one core; ≤ 4× the limit |")
    for n in (50, 300, 2000):
        r = s("ReasonBenchmark.fromReasonText", f"reasonLength={n}")
        hr = s("ReasonBenchmark.handWrittenFromReasonText", f"reasonLength={n}")
        rd = s("ReasonBenchmark.readingOnly", f"reasonLength={n}")
        target = "≤ 2× the limit" if n == 300 else "≤ 20× the limit"
        lines.append(f"| decision from a {n}-character reason (reading alone {fmt(rd[0], 2)} µs) | {fmt(r[0], 2)} ± "
                     f"{fmt(r[1], 2)} µs | {fmt(hr[0], 2)} µs | {fmt(r[0] / hr[0])}× | {target} |")
    b = s("DecisionBenchmark.batchOf1000")
    hb = s("DecisionBenchmark.handWrittenBatchOf1000")
    lines.append(f"| batch of 1,000 casebook applications | {fmt(b[0], 2)} ms | {fmt(hb[0], 2)} ms | {fmt(b[0] / hb[0])}× | ≤ 20× the limit |")
    lines += ["", "## Growth with the size of the rule set", "",
              "Generated rule sets add synthetic categories, scenarios, lexicon entries, grants and one rule per grant.", "",
              "| rule set | declared decision | 300-character reason | time vs 1× | target |", "| --- | --- | --- | --- | --- |"]
    base = s("GrowthBenchmark.declaredScenarios", "scale=1")[0]
    for k in (1, 10, 100):
        g = s("GrowthBenchmark.declaredScenarios", f"scale={k}")
        gr = s("GrowthBenchmark.reasonOf300", f"scale={k}")
        lines.append(f"| {k}× the policy | {fmt(g[0], 2)} ± {fmt(g[1], 2)} µs | {fmt(gr[0], 2)} ± {fmt(gr[1], 2)} µs "
                     f"| {fmt(g[0] / base)}× | no worse than {k}× |")
    lines += ["", "## Over HTTP (wrk on loopback, 2 threads)", "",
              f"The service was warmed up for {fmt(h['warm_s'], 0)} s first (until the JIT compiled fewer than 1% more methods in a round). "
              f"Each run lasts {DURATION}. Pre-checks (anonymous) and reviews (reviewer key) are both recorded in the "
              "store before the answer (H2 file mode with the default URL's settings: `WRITE_DELAY=0;COMPRESS=TRUE;CACHE_SIZE=8192`).", "",
              "| connections | endpoint | req/s | % of ping | p50 ms | p99 ms | errors | target |",
              "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for c, ping, pre, rev in h["rows"]:
        lines.append(f"| {c} | GET /api/v1/ping (trivial) | {fmt(ping['rps'], 0)} | 100% | {fmt(ping['p50'], 2)} | "
                     f"{fmt(ping['p99'], 2)} | {ping['errors']} | |")
        lines.append(f"| {c} | POST /api/v1/reviews, pre-check | {fmt(pre['rps'], 0)} | {fmt(100 * pre['rps'] / ping['rps'], 0)}% "
                     f"| {fmt(pre['p50'], 2)} | {fmt(pre['p99'], 2)} | {pre['errors']} | ≥ 60% of ping; p99 ≤ 25 ms at 64; no errors |")
        lines.append(f"| {c} | POST /api/v1/reviews, review | {fmt(rev['rps'], 0)} | {fmt(100 * rev['rps'] / ping['rps'], 0)}% "
                     f"| {fmt(rev['p50'], 2)} | {fmt(rev['p99'], 2)} | {rev['errors']} | ≥ 50% of ping; no errors |")
    soak = h["soak"]
    lines += ["", "## Start-up, memory, reload", "", "| measure | value | target |", "| --- | --- | --- |",
              f"| start-up to first answer (java -jar, until the first decision is returned; the reading's words kept by the training run) | {fmt(h['startup_ms'], 0)} ms | ≤ 3,000 ms |",
              f"| the same with no words kept (`locreview.cache-dir` empty: a rule set's first start builds them) | {fmt(h['first_start_ms'], 0)} ms | |",
              f"| resident memory after the load runs | {fmt(h['rss_before'], 0)} MB | ≤ 300 MB |",
              f"| heap of one loaded rule set (JOL; a reload holds two) | {fmt(h['rule_set_mb'], 1)} MB | |"]
    if soak:
        lines.append(f"| resident memory over a soak of {soak[-1][0]:,} more requests (first → last sample) | "
                     f"{fmt(soak[0][1], 0)} → {fmt(soak[-1][1], 0)} MB | flat, ≤ 300 MB, over a million requests |")
    lines.append(f"| rule reload (compile, validate, casebook of every case, swap) | {fmt(h['reload_ms'], 0)} ms "
                 f"(HTTP {h['reload_status']}) | |")
    lines.append("")
    path = os.path.join(ROOT, "bench", "RESULTS.md")
    # The notes under the marker (where a request's time goes, by profile) are written by hand: kept.
    notes = open(path).read().partition(NOTES)[2] if os.path.exists(path) else ""
    open(path, "w").write("\n".join(lines) + (NOTES + notes if notes else ""))
    print("\n".join(lines))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    scores = jmh()
    service = http()
    service["rule_set_mb"] = rule_set_heap_mb()
    report(scores, service)
