#!/usr/bin/env python3
"""HTTP benchmark: loads the local host's API with wrk (a load generator in its own process), at 1 and 16
connections, next to a bare ASP.NET Core endpoint measured in the same run as the ceiling for the API's own overhead.

usage: bench/load/http_load.py [--quick] [--articles 2225] [--project src/Pipeline.Cli] [--shared ../shared]
                          [--seconds 10] [--out bench/results/http.md]

Needs wrk (Debian: apt-get install wrk). Starts Azurite and the host (Release) on free ports with fresh folders,
uploads the BBC stories (each with a distinct closing line, as bench/load/ingest_load.py does), waits until all are
searchable, then measures: health, search (two headline words), filtered + faceted search, suggest, article, related.
--quick: 500 articles, 3 s per measurement (under 2 minutes once built).
"""
import argparse, concurrent.futures as cf, os, re, shutil, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common

WORDS = ["broadband", "election", "labour", "film", "music", "market", "shares", "economy", "football", "chelsea", "oil",
         "prices", "mobile", "phone", "game", "court", "minister", "tax", "rugby", "award", "bank", "growth", "software",
         "virus", "tory", "blair", "oscar", "league", "injury", "search"]
PREFIXES = ["ukr", "elec", "mark", "foot", "mob", "gam", "minis", "bank", "soft", "osc"]


def lua_rotating(paths):
    """A wrk script that cycles through the given request paths."""
    items = ",".join('"' + p.replace('"', '\\"') + '"' for p in paths)
    return f"local p = {{{items}}}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\", p[(i % #p) + 1])\nend\n"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--quick", action="store_true")
    p.add_argument("--articles", type=int, default=2225)
    p.add_argument("--project", default="src/Pipeline.Cli")
    p.add_argument("--shared", default=os.path.join(common.REPO, "..", "shared"))
    p.add_argument("--seconds", type=int, default=10)
    p.add_argument("--label", default="")
    p.add_argument("--out", default=None)
    o = p.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    articles = 500 if o.quick else o.articles
    seconds = 3 if o.quick else o.seconds
    bodies = [open(f, "rb").read() for f in common.bbc_files(o.shared)]

    bare_project = os.path.join(os.path.dirname(os.path.abspath(__file__)), "BareEndpoint")
    subprocess.run(["dotnet", "build", bare_project, "-c", "Release", "-v", "q", "-nologo"], check=True, stdout=subprocess.DEVNULL)
    command = common.host_command(o.project)
    data = tempfile.mkdtemp(prefix="pipeline-bench-http-")
    machine = common.machine()
    storage = common.Azurite(os.path.join(data, "azurite"))
    host = bare = None
    rows = []
    try:
        host = common.LocalHost(storage, data, command, os.path.join(data, "host.log"))
        with cf.ThreadPoolExecutor(8) as ex:
            list(ex.map(lambda i: storage.put("articles", f"bench/{i}.txt", bodies[i % len(bodies)] + f"\n\nEdition {i}.\n".encode()), range(articles)))
        common.wait_for(lambda: host.count() >= articles, 3600, f"{articles} articles to be searchable")
        first = host.get("/api/search?q=*&top=20&select=id")["value"]
        ids = [hit["id"] for hit in first]
        bare_port = common.free_port()
        bare = subprocess.Popen(["dotnet", "run", "-c", "Release", "--no-build", "--project", bare_project, "--", f"http://127.0.0.1:{bare_port}"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        common.wait_for(lambda: _answers(f"http://127.0.0.1:{bare_port}/api/health"), 120, "the bare endpoint")

        search = [f"/api/search?q={a}+{b}" for a, b in zip(WORDS, WORDS[7:] + WORDS[:7])]
        filtered = [f"/api/search?q={w}&filter=source%20eq%20%27bench%27%20and%20language%20eq%20%27en%27&facet=language&facet=source&facet=published,interval:month" for w in WORDS]
        suggest = [f"/api/suggest?q={p}" for p in PREFIXES]
        targets = [("bare ASP.NET Core endpoint (ceiling)", f"http://127.0.0.1:{bare_port}", ["/api/health"]),
                   ("`GET /api/health`", host.url, ["/api/health"]),
                   ("`GET /api/search` (two words, top 10)", host.url, search),
                   ("`GET /api/search` filtered + 3 facets", host.url, filtered),
                   ("`GET /api/suggest`", host.url, suggest),
                   ("`GET /api/articles/{id}`", host.url, [f"/api/articles/{i}" for i in ids]),
                   ("`GET /api/articles/{id}/related`", host.url, [f"/api/articles/{i}/related" for i in ids])]
        for name, base, paths in targets:
            # Warm up first (JIT, caches), so that no row pays for the start of the one process it measures.
            wrk(base, paths, 16, 2, data)
            for connections in (1, 16):
                rows.append((name, connections) + wrk(base, paths, connections, seconds, data))
                print(rows[-1], flush=True)
        rss = common.rss_mib(host.process.pid)
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
             f"{articles:,} articles; wrk, {seconds} s per row; load average at start {machine['load']}; host RSS afterwards {rss:.0f} MiB.", "",
             "| endpoint | connections | requests/s | of the bare endpoint | p50 ms | p99 ms | non-2xx | load average |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    for name, c, rps, p50, p99, errors, load in rows:
        share = "" if name.startswith("bare") else f"{rps / bare[c] * 100:.1f} %"
        lines.append(f"| {name} | {c} | **{rps:,.0f}** | {share} | {p50:.2f} | {p99:.2f} | {errors} | {load} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
