#!/usr/bin/env python3
"""Ingest benchmark: uploads BBC-size articles to Azurite while the local host runs, and measures how fast they become
searchable, how long one more upload takes to become searchable with that many blobs in the container, and what the
host and Azurite cost at rest afterwards.

usage: bench/load/ingest_load.py [--quick] [--levels 1000,10000,100000] [--project src/Pipeline.Cli]
                            [--shared ../shared] [--threads 8] [--out bench/results/ingest.md]

Each level tops the container up to that many blobs (one host and one Azurite for the whole run, fresh folders), so
the levels show how each cost grows with the container. Every upload is a BBC story with one distinct closing line,
so each has new content. The upload->searchable distribution of a burst pairs the k-th upload to finish with the
moment the k-th article became searchable (the count is polled every 0.25 s): exact when articles are indexed in upload
order, an estimate otherwise. Uploads are made as the host's `upload` command makes them: the blob, then a hand-over of
it to the host (POST /api/ingest/uploads, content included), falling back to a message on the upload queue
(--queue-announce: always the queue, as `upload` did before hand-overs; --unannounced: the blob only, found by listing).
The single-upload probes run one at a time at rest (--probe-gap apart: Azurite saves its whole database up to 5 s after
a write and answers nothing while it saves, seconds with 100,000 blobs, so a probe right after another measures that
save), each timed until it is searchable: first as `upload` makes them, then as any other client does (the blob only).
--quick: 1,000 blobs, 10 s of idle measurement, 5 probes 5 s apart (under 2 minutes once built).
"""
import argparse, concurrent.futures as cf, os, shutil, sys, tempfile, threading, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--quick", action="store_true")
    p.add_argument("--levels", default="1000,10000,100000")
    p.add_argument("--project", default="src/Pipeline.Cli")
    p.add_argument("--shared", default=os.path.join(common.REPO, "..", "shared"))
    p.add_argument("--threads", type=int, default=8)
    p.add_argument("--idle-seconds", type=int, default=30)
    p.add_argument("--probes", type=int, default=20)
    p.add_argument("--plain-probes", type=int, default=None,
                   help="plain PUTs to time (default: --probes); each waits for the next listing, minutes in a large container")
    p.add_argument("--label", default="")
    p.add_argument("--unannounced", action="store_true",
                   help="upload the burst as any other client does (blobs only, found by listing) instead of as `pipeline upload` does")
    p.add_argument("--queue-announce", action="store_true",
                   help="announce uploads on the upload queue only, without handing them to the host")
    p.add_argument("--probe-gap", type=float, default=12.0,
                   help="seconds between single-upload probes, so that each finds storage at rest (default 12)")
    p.add_argument("--out", default=None)
    o = p.parse_args()
    levels = [1000] if o.quick else [int(x) for x in o.levels.split(",")]
    idle_seconds = 10 if o.quick else o.idle_seconds
    probes = 5 if o.quick else o.probes
    if o.quick:
        o.probe_gap = min(o.probe_gap, 5.0)  # a 1,000-blob database saves in milliseconds
    plain_probes = probes if o.plain_probes is None else o.plain_probes
    files = common.bbc_files(o.shared)
    bodies = [open(f, "rb").read() for f in files]

    command = common.host_command(o.project)
    data = tempfile.mkdtemp(prefix="pipeline-bench-ingest-")
    before = common.machine()
    storage = common.Azurite(os.path.join(data, "azurite"))
    host = None
    rows = []
    try:
        host = common.LocalHost(storage, data, command, os.path.join(data, "host.log"))
        uploaded = 0
        for level in levels:
            mode = "plain" if o.unannounced else "queue" if o.queue_announce else "hand-over"
            rows.append(run_level(storage, host, bodies, uploaded, level, o.threads, idle_seconds, probes, plain_probes, mode, o.probe_gap))
            uploaded = level
            print(rows[-1], flush=True)
    finally:
        if host:
            host.stop()
        storage.stop()
    report = render(o, before, rows, idle_seconds, probes)
    print(report)
    if o.out:
        with open(o.out, "a") as f:
            f.write(report + "\n")
    shutil.rmtree(data, ignore_errors=True)


def run_level(storage, host, bodies, start, level, threads, idle_seconds, probes, plain_probes, mode, probe_gap):
    announce = mode != "plain"
    count = level - start
    finished = []
    gathered = []
    lock = threading.Lock()
    done = threading.Event()

    def put(i):
        body = bodies[i % len(bodies)] + f"\n\nEdition {i} of this story.\n".encode()
        version = storage.put("articles", f"load/{i}.txt", body)
        handed = mode == "hand-over" and host.hand_over("articles", f"load/{i}.txt", body, version)
        with lock:
            finished.append(time.time())
            if not handed:
                gathered.append((f"load/{i}.txt", len(body)))

    def announcer():
        # As `pipeline upload` does: what was uploaded in the last 50 ms, in one message (at most 400 names).
        while True:
            stop = done.wait(0.05)
            with lock:
                batch = gathered[:]
                gathered.clear()
            for k in range(0, len(batch), 400):
                try:
                    storage.announce_many("articles-uploads", batch[k:k + 400])
                except RuntimeError:
                    pass  # lost announcements are found by the next listing
            if stop:
                return

    load_before = common.loadavg()
    cpu0 = {"host": common.cpu_seconds(host.process.pid), "azurite": common.cpu_seconds(storage.process.pid)}
    t0 = time.time()
    polls = []
    announcing = threading.Thread(target=announcer) if announce else None
    if announcing:
        announcing.start()
    with cf.ThreadPoolExecutor(threads) as ex:
        futures = [ex.submit(put, i) for i in range(start, level)]
        while not all(f.done() for f in futures):
            polls.append((time.time(), host.count("load")))
            time.sleep(0.25)
        for f in futures:
            f.result()
    done.set()
    if announcing:
        announcing.join()
    t_upload = time.time() - t0
    searchable = host.count("load")
    while searchable < level and time.time() - t0 < 7200:
        polls.append((time.time(), searchable))
        time.sleep(0.25)
        searchable = host.count("load")
    polls.append((time.time(), searchable))
    t_all = time.time() - t0
    cpu_busy = {"host": common.cpu_seconds(host.process.pid) - cpu0["host"], "azurite": common.cpu_seconds(storage.process.pid) - cpu0["azurite"]}

    # The k-th upload to finish against the moment the count reached start + k.
    finished.sort()
    latencies, j = [], 0
    for k, uploaded_at in enumerate(finished, 1):
        while j < len(polls) and polls[j][1] < start + k:
            j += 1
        if j < len(polls):
            latencies.append(polls[j][0] - uploaded_at)

    # At rest: let any follow-up work (catch-up passes, commits) finish, then measure.
    # Tiered JIT and the index's last commit and merges run for some seconds after a burst; at rest means after them.
    time.sleep(min(60, max(20, idle_seconds)))
    h0, a0 = common.cpu_seconds(host.process.pid), common.cpu_seconds(storage.process.pid)
    time.sleep(idle_seconds)
    idle = {"host": (common.cpu_seconds(host.process.pid) - h0) / idle_seconds,
            "azurite": (common.cpu_seconds(storage.process.pid) - a0) / idle_seconds}

    def probe(name, announce, delay=0.0):
        time.sleep(delay)
        body = bodies[hash(name) % len(bodies)] + f"\n\nProbe {name}.\n".encode()
        t1 = time.time()
        version = storage.put("articles", f"{name}/1.txt", body)
        if announce and mode == "hand-over" and host.hand_over("articles", f"{name}/1.txt", body, version):
            pass
        elif announce:
            try:
                storage.announce_many("articles-uploads", [(f"{name}/1.txt", len(body))])
            except RuntimeError:
                pass  # a host without an upload queue: the probe measures its listing
        while host.count(name) < 1 and time.time() - t1 < 600:
            time.sleep(0.05)
        return time.time() - t1

    # Announced uploads one at a time, at rest. Plain PUTs wait for the next listing, whose interval grows with the
    # container (minutes at 100,000 blobs): they are spread over 20 s at once, each timed on its own.
    announced = []
    for n in range(probes):
        if n:
            time.sleep(probe_gap)
        announced.append(probe(f"probe-{level}-a{n}", True))
    single = []
    if plain_probes > 0:
        with cf.ThreadPoolExecutor(plain_probes) as ex:
            single = list(ex.map(lambda n: probe(f"probe-{level}-p{n}", False, 20.0 * n / plain_probes), range(plain_probes)))

    return {"blobs": level, "uploaded": count, "searchable": searchable - start, "upload_s": t_upload, "all_searchable_s": t_all,
            "rate": (searchable - start) / t_all, "lat_p50": common.percentile(latencies, 50), "lat_p95": common.percentile(latencies, 95),
            "lat_max": max(latencies) if latencies else float("nan"), "busy_cpu_host": cpu_busy["host"] / t_all,
            "busy_cpu_azurite": cpu_busy["azurite"] / t_all, "idle_host": idle["host"], "idle_azurite": idle["azurite"],
            "announced": announced, "ann_p50": common.percentile(announced, 50), "ann_p95": common.percentile(announced, 95), "ann_max": max(announced),
            "one_p50": common.percentile(single, 50), "one_p95": common.percentile(single, 95), "one_max": max(single, default=float("nan")),
            "rss_mib": common.rss_mib(host.process.pid), "load_before": load_before, "load_after": common.loadavg()}


def render(o, machine, rows, idle_seconds, probes):
    lines = [f"## Ingest{' (' + o.label + ')' if o.label else ''}: {machine['date']}", "",
             f"{machine['machine']}; `bench/load/ingest_load.py{' --quick' if o.quick else ''}` against `{o.project}` (Release); "
             f"load average at start {machine['load']}.", "",
             "| blobs in `articles` | uploaded | seconds to all searchable | articles/s | burst upload→searchable p50 / p95 / max s "
             "| CPU while ingesting host / Azurite (cores) | idle CPU host / Azurite (share of one core) | one `upload` → searchable p50 / p95 / max s | one plain blob PUT → searchable p50 / p95 / max s "
             "| host RSS MiB | load average before → after |",
             "|---:|---:|---:|---:|---|---|---|---|---|---:|---|"]
    for r in rows:
        lines.append(f"| {r['blobs']:,} | {r['uploaded']:,} ({r['searchable']:,} searchable) | {r['all_searchable_s']:.1f} | **{r['rate']:.0f}** "
                     f"| {r['lat_p50']:.1f} / {r['lat_p95']:.1f} / {r['lat_max']:.1f} | {r['busy_cpu_host']:.2f} / {r['busy_cpu_azurite']:.2f} "
                     f"| **{r['idle_host'] * 100:.1f} % / {r['idle_azurite'] * 100:.1f} %** | {r['ann_p50']:.2f} / **{r['ann_p95']:.2f}** / {r['ann_max']:.2f} | {r['one_p50']:.2f} / **{r['one_p95']:.2f}** / {r['one_max']:.2f} "
                     f"| {r['rss_mib']:.0f} | {r['load_before']} → {r['load_after']} |")
    mode = "the blob only" if o.unannounced else "the blob, then a message on the upload queue" if o.queue_announce else "the blob, then a hand-over to the host"
    lines += ["", f"Uploads as {mode}. Idle CPU over {idle_seconds} s after the burst; {probes} single-upload probes, {o.probe_gap:g} s apart."]
    for r in rows:
        lines.append(f"Probes at {r['blobs']:,} blobs, in order (s): " + ", ".join(f"{x:.2f}" for x in r["announced"]) + ".")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
