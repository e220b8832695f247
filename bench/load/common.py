"""Shared helpers of the load benchmarks: Azurite and the local host as child processes, blob uploads with the
emulator's well-known account (stdlib only), CPU accounting from /proc, and the machine description every result
carries."""
import base64, email.utils, hashlib, hmac, json, os, platform, shutil, signal, socket, subprocess, sys, tempfile, time
import urllib.error, urllib.parse, urllib.request

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
ACCOUNT = "devstoreaccount1"
KEY = base64.b64decode("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==")
CLK = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def machine():
    load = os.getloadavg()
    return {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "machine": f"{platform.system()} {platform.release()}, "
            f"{os.cpu_count()} logical cores", "load": f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"}


def loadavg():
    return "%.2f %.2f %.2f" % os.getloadavg()


class Azurite:
    """Blob storage emulator on free ports, with its data in a folder of its own."""

    def __init__(self, location):
        self.location = location
        self.blob, self.queue, self.table = free_port(), free_port(), free_port()
        node = shutil.which("node") or sys.exit("node is needed (Azurite runs on Node.js)")
        script = os.path.join(REPO, "node_modules", "azurite", "dist", "src", "azurite.js")
        if not os.path.exists(script):
            sys.exit(f"Azurite is not installed at {script}: run the local host once, or `npm ci` at the repository root")
        self.process = subprocess.Popen(
            [node, script, "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--location", location,
             "--blobPort", str(self.blob), "--queuePort", str(self.queue), "--tablePort", str(self.table)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: self.call("GET", "", query={"comp": "list"}) == 200, 30, "Azurite to listen")

    @property
    def connection_string(self):
        base = "http://127.0.0.1:%d/" + ACCOUNT
        return (f"DefaultEndpointsProtocol=http;AccountName={ACCOUNT};AccountKey={base64.b64encode(KEY).decode()};"
                f"BlobEndpoint={base % self.blob};QueueEndpoint={base % self.queue};TableEndpoint={base % self.table};")

    def call(self, method, path, body=b"", query=None, extra=None, read=False, port=None, headers_out=None):
        query = query or {}
        headers = {"x-ms-date": email.utils.formatdate(usegmt=True), "x-ms-version": "2021-08-06", "Content-Length": str(len(body))}
        if method in ("PUT", "POST"):
            headers["Content-Type"] = "application/octet-stream"
        headers.update(extra or {})
        headers["Authorization"] = f"SharedKey {ACCOUNT}:{_sign(method, path, headers, query)}"
        qs = "&".join(f"{k}={urllib.parse.quote(str(v), safe='')}" for k, v in query.items())
        url = f"http://127.0.0.1:{port or self.blob}/{ACCOUNT}{path}" + (f"?{qs}" if qs else "")
        request = urllib.request.Request(url, data=body if method in ("PUT", "POST") else None, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                if headers_out is not None:
                    headers_out.update((k.lower(), v) for k, v in response.headers.items())
                return response.read() if read else response.status
        except urllib.error.HTTPError as e:
            return e.code
        except OSError:
            return 0

    def put(self, container, name, body):
        """Writes a block blob; returns the version written as (ETag, Last-Modified), the headers storage answered with."""
        headers = {}
        status = self.call("PUT", f"/{container}/{urllib.parse.quote(name)}", body, extra={"x-ms-blob-type": "BlockBlob"}, headers_out=headers)
        if status != 201:
            raise RuntimeError(f"upload of {name} failed: {status}")
        return headers.get("etag"), headers.get("last-modified")

    def announce(self, queue, name):
        """A message with one blob name on the upload queue (what any client can send by hand)."""
        self._announce(queue, name.encode(), name)

    def announce_many(self, queue, blobs):
        """What the host's `upload` command sends: one message announcing several blobs, [{"name", "length"}, ...]."""
        self._announce(queue, json.dumps([{"name": n, "length": l} for n, l in blobs]).encode(), f"{len(blobs)} blobs")

    def _announce(self, queue, payload, what):
        text = base64.b64encode(payload).decode()
        body = f"<QueueMessage><MessageText>{text}</MessageText></QueueMessage>".encode()
        status = self.call("POST", f"/{queue}/messages", body, port=self.queue)
        if status != 201:
            raise RuntimeError(f"announcing {what} on {queue} failed: {status}")

    def create_container(self, name):
        self.call("PUT", f"/{name}", query={"restype": "container"})

    def stop(self):
        stop_process(self.process)


def _sign(method, path, headers, query):
    h = {k.lower(): v for k, v in headers.items()}
    std = ["content-encoding", "content-language", "content-length", "content-md5", "content-type", "date",
           "if-modified-since", "if-match", "if-none-match", "if-unmodified-since", "range"]
    values = ["" if (k == "content-length" and h.get(k) == "0") else h.get(k, "") for k in std]
    canonical_headers = "".join(f"{k}:{h[k]}\n" for k in sorted(h) if k.startswith("x-ms-"))
    resource = f"/{ACCOUNT}/{ACCOUNT}{urllib.parse.quote(urllib.parse.unquote(path))}"
    for k in sorted(query):
        resource += f"\n{k}:{query[k]}"
    text = method + "\n" + "\n".join(values) + "\n" + canonical_headers + resource
    return base64.b64encode(hmac.new(KEY, text.encode(), hashlib.sha256).digest()).decode()


class LocalHost:
    """The pipeline's local host (a Release build) as its own process, on the given storage, with a fresh index."""

    def __init__(self, storage, data, command, log_path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(log_path, "w")
        self.process = subprocess.Popen(
            command + ["--urls", self.url, f"--AzureWebJobsStorage={storage.connection_string}",
                       f"--Pipeline:Lucene:IndexPath={os.path.join(data, 'index')}",
                       "--Logging:LogLevel:Default=Warning"],
            cwd=REPO, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_for(lambda: self.get("/api/health") is not None, 180, "the local host to answer")

    def get(self, path, timeout=60):
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
                return json.load(response)
        except (OSError, ValueError):
            return None

    def count(self, source=None):
        query = {"q": "*", "top": 0, "count": "true"}
        if source:
            query["filter"] = f"source eq '{source}'"
        result = self.get("/api/search?" + urllib.parse.urlencode(query))
        return -1 if result is None else result.get("count", 0)

    def hand_over(self, container, name, body, version):
        """What the host's `upload` command does after writing a blob: hands it to the host, content included
        (POST /api/ingest/uploads). Returns whether the host took it."""
        etag, last_modified = version
        query = urllib.parse.urlencode({"container": container, "name": name})
        request = urllib.request.Request(f"{self.url}/api/ingest/uploads?{query}", data=body, method="POST", headers={
            "Content-Type": "text/plain", "Blob-ETag": etag, "Blob-Last-Modified": last_modified})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return 200 <= response.status < 300
        except OSError:
            return False

    def stop(self):
        stop_process(self.process)
        self.log.close()


def host_command(project):
    """How to start the host: the Release build of the project's run command (built first, once)."""
    subprocess.run(["dotnet", "build", os.path.join(REPO, project), "-c", "Release", "-v", "q", "-nologo"], check=True,
                   stdout=subprocess.DEVNULL)
    # The built tool itself, not `dotnet run`: its CPU and memory are the host's alone.
    dll = os.path.join(REPO, project, "bin", "Release", "net10.0", "pipeline.dll")
    return ["dotnet", dll, "run"]


def cpu_seconds(pid):
    """CPU time (user + system) of a process and all its descendants, in seconds."""
    total = 0.0
    for p in [pid] + descendants(pid):
        try:
            fields = open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / CLK
        except OSError:
            pass
    return total


def descendants(pid):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parent = int(open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
            except OSError:
                pass
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def rss_mib(pid):
    total = 0
    for p in [pid] + descendants(pid):
        try:
            for line in open(f"/proc/{p}/status"):
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def stop_process(process):
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM) if os.getpgid(process.pid) == process.pid else process.terminate()
        except ProcessLookupError:
            return
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(condition, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise TimeoutError(f"timed out after {seconds} s waiting for {what}")


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def bbc_files(shared):
    folder = os.path.join(shared, "corpora", "bbc")
    files = sorted(os.path.join(r, f) for r, _, fs in os.walk(folder) for f in fs if f.endswith(".txt"))
    if not files:
        sys.exit(f"No BBC corpus at {folder}: pass --shared <folder holding corpora/bbc>")
    return files
