#!/usr/bin/env python3
"""HTTP benchmark: loads the local host's API with wrk (a load generator in its own process), at 1 and 16
connections, next to a bare ASP.NET Core endpoint measured in the same run as the ceiling for the API's own overhead.

usage: bench/load/http_load.py [--quick] [--articles 100000] [--upload] [--index-cache DIR] [--project src/Pipeline.Cli]
                          [--shared ../shared] [--seconds 10] [--out bench/results/http.md]

Needs wrk (Debian: apt-get install wrk). Starts Azurite and the host (Release) on free ports with fresh folders. The
index is filled the way the latency benchmark fills it: `Pipeline.Bench latency` bulk-indexes N synthetic articles
(made from the BBC stories) into a folder that becomes the host's index, so the API is measured at 100,000 articles
without waiting for 100,000 uploads (--index-cache DIR keeps that folder between runs). --upload instead uploads
the BBC stories through Azurite and waits until all are searchable (how it looks after a real ingest, at small N).
Then measures: health, search (two words: 30 queries over and over, which the ranked-page cache answers after the
first time, and a long tail of distinct queries that are all ranked afresh), filtered + faceted search, suggest, article, related, and the host's RSS.
--quick: 10,000 articles, 3 s per measurement.
"""
import argparse, concurrent.futures as cf, os, random, re, shutil, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common

WORDS = ["broadband", "election", "labour", "film", "music", "market", "shares", "economy", "football", "chelsea", "oil",
         "prices", "mobile", "phone", "game", "court", "minister", "tax", "rugby", "award", "bank", "growth", "software",
         "virus", "tory", "blair", "oscar", "league", "injury", "search"]
LONG_TAIL_SLICE = 30_000
PREFIXES = ["ukr", "elec", "mark", "foot", "mob", "gam", "minis", "bank", "soft", "osc"]


# English stop words the index drops anyway; a query of them would be empty.
STOP_WORDS = set("""a an and are as at be but by for if in into is it no not of on or such that the their then there
these they this to was will with said says has have had from were been which would also more than its after over he
she his her who about up out one two new last year years first we our you can could just so all some when what""".split())


def long_tail_queries(shared, count, seed=1):
    """Distinct two-word queries from the 400 commonest words of the BBC stories (not stop words), in a fixed random
    order: a load that asks each query about once, so every request is ranked afresh (the ranked-page cache misses)."""
    counts = {}
    for path in common.bbc_files(shared):
        with open(path, "rb") as f:
            for word in re.findall(r"[a-z]{4,}", f.read().decode("latin-1").lower()):
                if word not in STOP_WORDS:
                    counts[word] = counts.get(word, 0) + 1
    words = sorted(counts, key=lambda w: (-counts[w], w))[:400]
    pairs = [(a, b) for a in words for b in words if a != b]
    random.Random(seed).shuffle(pairs)
    return [f"/api/search?q={a}+{b}" for a, b in pairs[:count]]


def lua_rotating(paths):
    """A wrk script that cycles through the given request paths, each of wrk's threads from its own half of them, so
    that no path is asked twice before all have been asked once."""
    items = ",".join('"' + p.replace('"', '\\"') + '"' for p in paths)
    return (f"local p = {{{items}}}\nlocal i = 0\nlocal threads = 0\n"
            "function setup(thread)\n  thread:set(\"offset\", threads * math.floor(#p / 2))\n  threads = threads + 1\nend\n"
            "request = function()\n  i = i + 1\n  return wrk.format(\"GET\", p[((i + (offset or 0)) % #p) + 1])\nend\n")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--quick", action="store_true")
    p.add_argument("--articles", type=int, default=100_000)
    p.add_argument("--upload", action="store_true", help="upload BBC stories through storage instead of bulk-indexing")
    p.add_argument("--index-cache", default=None, help="keep the bulk-built index here and reuse it")
    p.add_argument("--project", default="src/Pipeline.Cli")
    p.add_argument("--shared", default=os.path.join(common.REPO, "..", "shared"))
    p.add_argument("--seconds", type=int, default=10)
    p.add_argument("--label", default="")
    p.add_argument("--out", default=None)
    o = p.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    articles = (500 if o.upload else 10_000) if o.quick else o.articles
    seconds = 3 if o.quick else o.seconds
    bodies = [open(f, "rb").read() for f in common.bbc_files(o.shared)] if o.upload else []

    bare_project = os.path.join(os.path.dirname(os.path.abspath(__file__)), "BareEndpoint")
    subprocess.run(["dotnet", "build", bare_project, "-c", "Release", "-v", "q", "-nologo"], check=True, stdout=subprocess.DEVNULL)
    command = common.host_command(o.project)
    data = tempfile.mkdtemp(prefix="pipeline-bench-http-")
    machine = common.machine()
    storage = common.Azurite(os.path.join(data, "azurite"))
    host = bare = None
    rows = []
    try:
        if not o.upload:
            bulk_index(o, articles, os.path.join(data, "index"))
        host = common.LocalHost(storage, data, command, os.path.join(data, "host.log"))
        if o.upload:
            with cf.ThreadPoolExecutor(8) as ex:
                list(ex.map(lambda i: storage.put("articles", f"bench/{i}.txt", bodies[i % len(bodies)] + f"\n\nEdition {i}.\n".encode()), range(articles)))
        common.wait_for(lambda: host.count() >= articles, 3600, f"{articles} articles to be searchable")
        source = "bench" if o.upload else "bbc"
        first = host.get("/api/search?q=*&top=20&select=id")["value"]
        ids = [hit["id"] for hit in first]
        bare_port = common.free_port()
        bare = subprocess.Popen(["dotnet", "run", "-c", "Release", "--no-build", "--project", bare_project, "--", f"http://127.0.0.1:{bare_port}"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        common.wait_for(lambda: _answers(f"http://127.0.0.1:{bare_port}/api/health"), 120, "the bare endpoint")

        search = [f"/api/search?q={a}+{b}" for a, b in zip(WORDS, WORDS[7:] + WORDS[:7])]
        # One slice of distinct queries per wrk run (warm-up, 1 and 16 connections), so no run finds another's rankings.
        tail = long_tail_queries(o.shared, 3 * LONG_TAIL_SLICE)
        long_tail = [tail[i * LONG_TAIL_SLICE:(i + 1) * LONG_TAIL_SLICE] for i in range(3)]
        filtered = [f"/api/search?q={w}&filter=source%20eq%20%27{source}%27%20and%20language%20eq%20%27en%27&facet=language&facet=source&facet=published,interval:month" for w in WORDS]
        suggest = [f"/api/suggest?q={p}" for p in PREFIXES]
        targets = [("bare ASP.NET Core endpoint (ceiling)", f"http://127.0.0.1:{bare_port}", ["/api/health"]),
                   ("`GET /api/health`", host.url, ["/api/health"]),
                   ("`GET /api/search` (two words, top 10; 30 queries asked again and again)", host.url, search),
                   ("`GET /api/search` (two words, top 10; every request a new query)", host.url, long_tail),
                   ("`GET /api/search` filtered + 3 facets", host.url, filtered),
                   ("`GET /api/suggest`", host.url, suggest),
                   ("`GET /api/articles/{id}`", host.url, [f"/api/articles/{i}" for i in ids]),
                   ("`GET /api/articles/{id}/related`", host.url, [f"/api/articles/{i}/related" for i in ids])]
        for name, base, paths in targets:
            # A list of slices gives each run its own paths; otherwise every run cycles through the same ones.
            runs = paths if isinstance(paths[0], list) else [paths] * 3
            # Warm up first (JIT, caches), so that no row pays for the start of the one process it measures.
            wrk(base, runs[0], 16, 2, data)
            for run, connections in enumerate((1, 16), start=1):
                rows.append((name, connections) + wrk(base, runs[run], connections, seconds, data))
                print(rows[-1], flush=True)
        rss = host_memory(host.process.pid)
    finally:
        if bare:
            common.stop_process(bare)
        if host:
            host.stop()
        storage.stop()
    report = render(o, machine, articles, seconds, rows, rss)
    print(report)
    if o.out:
        with open(o.out, "a") as f:
            f.write(report + "\n")
    shutil.rmtree(data, ignore_errors=True)


def host_memory(pid):
    """Resident memory of the host process itself (not of the `dotnet run` that started it), in MiB: total, anonymous
    (heaps) and file-backed (mostly the memory-mapped index, which the kernel can drop and share)."""
    for p in [pid] + common.descendants(pid):
        try:
            args = open(f"/proc/{p}/cmdline", "rb").read().split(b"\0")
            if b"run" in args and b"--project" in args:
                continue  # the SDK's `dotnet run`, which only waits for the host
            fields = {line.split(":")[0]: int(line.split()[1]) for line in open(f"/proc/{p}/status") if line.startswith(("VmRSS", "RssAnon", "RssFile"))}
            return fields["VmRSS"] / 1024, fields["RssAnon"] / 1024, fields["RssFile"] / 1024
        except (OSError, KeyError):
            pass
    return float("nan"), float("nan"), float("nan")


def bulk_index(o, articles, index):
    """Builds the host's index with the latency benchmark's bulk indexer (synthetic articles from the BBC stories)."""
    cache = os.path.abspath(o.index_cache) if o.index_cache else tempfile.mkdtemp(prefix="pipeline-bench-http-index-")
    print(f"Bulk-indexing {articles:,} synthetic articles into {cache} (reused when it holds them already)...", flush=True)
    bench = os.path.join(common.REPO, "bench", "Pipeline.Bench")
    subprocess.run(["dotnet", "run", "-c", "Release", "--project", bench, "--", "latency", "--quick", "--articles", str(articles),
                    "--index", cache, "--queries", "1", "--shared", o.shared, "--out", os.path.join(cache, "latency.md")],
                   check=True, stdout=subprocess.DEVNULL)
    # The host opens the folder as its own index: a copy, so a cached index stays as it was built.
    shutil.copytree(os.path.join(cache, str(articles)), index)
    if not o.index_cache:
        shutil.rmtree(cache, ignore_errors=True)


def _answers(url):
    import urllib.request
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status == 200
    except OSError:
        return False


def wrk(base, paths, connections, seconds, data):
    script = os.path.join(data, "paths.lua")
    with open(script, "w") as f:
        f.write(lua_rotating(paths))
    threads = min(2, connections)
    load = common.loadavg()
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script, base],
                         capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    def pct(p):
        m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m:
            return float("nan")
        return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, pct(50), pct(99), int(errors.group(1)) if errors else 0, load


def render(o, machine, articles, seconds, rows, rss):
    bare = {c: r for n, c, r, *_ in rows if n.startswith("bare")}
    lines = [f"## HTTP{' (' + o.label + ')' if o.label else ''}: {machine['date']}", "",
             f"{machine['machine']}; `bench/load/http_load.py{' --quick' if o.quick else ''}` against `{o.project}` (Release) with "
             f"{articles:,} articles ({'uploaded' if o.upload else 'bulk-indexed synthetic'}); wrk, {seconds} s per row; load average at start {machine['load']}; host RSS afterwards {rss[0]:.0f} MiB ({rss[1]:.0f} MiB anonymous, {rss[2]:.0f} MiB file-backed, mostly the memory-mapped index).", "",
             "| endpoint | connections | requests/s | of the bare endpoint | p50 ms | p99 ms | non-2xx | load average |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    for name, c, rps, p50, p99, errors, load in rows:
        share = "" if name.startswith("bare") else f"{rps / bare[c] * 100:.1f} %"
        lines.append(f"| {name} | {c} | **{rps:,.0f}** | {share} | {p50:.2f} | {p99:.2f} | {errors} | {load} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
