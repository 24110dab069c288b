#!/usr/bin/env python3
"""Times `proofmark serve` over a night of 10,000+ findings: the queue's first page, a filtered page, and a decision's
round trip (the POST, then the page reloaded as the browser does after a key).

It copies a night's outputs (OUT, as `proofmark run --out OUT` leaves them), multiplies the latest night's findings
in the copy's state file to --findings (each clone a new finding id on the same listing, its score nudged so the
order is real), starts `proofmark serve --port 0` on it, signs in with the printed token, and times each request
--repeats times (best and median, in ms, over loopback, as the page's own fetch would see them).

With `--browser`, it also opens the queue in headless Chromium (Debian's `chromium` and `chromium-driver`, driven as the
browser tests drive it, by `Tests/ReviewTests/Browser/drive.py`'s WebDriver client) and times, in the page's own
clock (`performance.now()`), what an analyst waits for: the queue interactive (navigation start until the first page
of rows is shown and no request is in flight) and a decision's round trip (the `c` key until it is saved and the
next finding's row is current).

Usage: Benchmarks/review/bench_queue.py OUT [--findings 10000] [--repeats 20] [--proofmark PATH] [--browser]
"""
import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def multiply(state, target):
    db = sqlite3.connect(state)
    run = db.execute("SELECT id FROM runs WHERE status = 'completed' ORDER BY started_at DESC, id DESC").fetchone()[0]
    rows = db.execute("SELECT * FROM findings WHERE last_run = ?", (run,)).fetchall()
    columns = [c[1] for c in db.execute("PRAGMA table_info(findings)")]
    nights = {r[0]: r for r in db.execute("SELECT * FROM finding_nights WHERE run_id = ?", (run,))}
    count = len(rows)
    n = 0
    while count < target:
        for row in rows:
            if count >= target:
                break
            n += 1
            record = dict(zip(columns, row))
            clone = "f-%016x" % (0x7000000000000000 + n)
            record["finding_id"] = clone
            record["score"] = max(0.0, record["score"] - (n % 997) / 10000)
            db.execute(
                "INSERT INTO findings (%s) VALUES (%s)" % (",".join(columns), ",".join("?" * len(columns))),
                [record[c] for c in columns],
            )
            night = nights[row[0]]
            db.execute(
                "INSERT INTO finding_nights VALUES (?, ?, ?, ?, ?, ?)",
                (clone, run, night[2], record["score"], night[4], night[5]),
            )
            count += 1
    db.commit()
    db.close()
    return count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--findings", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--proofmark", default=os.path.join(ROOT, ".build", "release", "proofmark"))
    parser.add_argument("--browser", action="store_true", help="also time the queue and a decision in headless Chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    arguments = parser.parse_args()
    work = tempfile.mkdtemp(prefix="proofmark-bench-review-")
    out = os.path.join(work, "out")
    shutil.copytree(arguments.out, out)
    total = multiply(os.path.join(out, "state.sqlite"), arguments.findings)
    server = subprocess.Popen(
        [arguments.proofmark, "serve", "--state", os.path.join(out, "state.sqlite"), "--port", "0", "--reviewer", "bench"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    try:
        url = None
        for line in server.stdout:
            match = re.search(r"open (http://\S+)", line)
            if match:
                url = match.group(1)
                break
        base = url.split("/?")[0]

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        opener = urllib.request.build_opener(NoRedirect)
        try:
            opener.open(url)
        except urllib.error.HTTPError as reply:
            cookie = reply.headers["Set-Cookie"].split(";")[0]
        page = opener.open(urllib.request.Request(base + "/", headers={"Cookie": cookie})).read().decode()
        csrf = re.search(r'name="csrf-token" content="([0-9a-f]+)"', page).group(1)
        port = base.rsplit(":", 1)[1]

        def get(path):
            return opener.open(urllib.request.Request(base + path, headers={"Cookie": cookie})).read()

        def post(path, body):
            request = urllib.request.Request(
                base + path, data=json.dumps(body).encode(), method="POST",
                headers={"Cookie": cookie, "X-CSRF-Token": csrf, "Origin": "http://127.0.0.1:" + port,
                         "Content-Type": "application/json"},
            )
            return opener.open(request).read()

        first = json.loads(get("/api/queue?offset=0&limit=100"))
        ids = [item["id"] for item in first["items"]]
        brand = first["items"][0]["brand"]

        def timed(action):
            samples = []
            for index in range(arguments.repeats):
                started = time.perf_counter()
                action(index)
                samples.append((time.perf_counter() - started) * 1000)
            return min(samples), statistics.median(samples)

        results = {
            "findings": total,
            "queue first page (100 rows)": timed(lambda i: get("/api/queue?offset=0&limit=100")),
            "queue filtered (brand, min_score 0.9)": timed(
                lambda i: get("/api/queue?brand=%s&min_score=0.9&offset=0&limit=100" % brand)),
            "queue page 50": timed(lambda i: get("/api/queue?offset=5000&limit=100")),
            "decision round trip (POST + reload)": timed(
                lambda i: (post("/api/decide", {"ids": [ids[i % len(ids)]], "decision": "confirmed"}),
                           get("/api/queue?offset=0&limit=100"))),
        }
        if arguments.browser:
            results.update(browser(url, base, arguments))
        for name, value in results.items():
            if isinstance(value, tuple):
                print("%-40s best %7.1f ms  median %7.1f ms" % (name, value[0], value[1]))
            else:
                print("%-40s %d" % (name, value))
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


def browser(url, base, arguments):
    """The queue and a decision as the analyst sees them, timed by the page's clock."""
    sys.path.insert(0, os.path.join(ROOT, "Tests", "ReviewTests", "Browser"))
    from drive import Driver

    driver = Driver(arguments.chromedriver, None)
    try:
        driver.go(url)  # the token for the cookie
        driver.idle()

        def load(index):
            driver.go(base + "/")
            driver.idle()
            rows = driver.run("return document.querySelectorAll('#queue tbody tr').length;")
            assert rows > 0, "the queue shows no rows"
            return driver.run("return performance.now();")

        def decide(index):
            return driver.call(
                "POST", driver.path("/execute/async"),
                {"script": """
                    const done = arguments[arguments.length - 1];
                    const before = document.body.dataset.current;
                    const started = performance.now();
                    document.dispatchEvent(new KeyboardEvent("keydown", { key: "c", bubbles: true }));
                    window.proofmarkIdle().then(() => done(
                      document.body.dataset.current !== before ? performance.now() - started : -1));
                 """, "args": []},
            )

        def sampled(action):
            samples = [action(index) for index in range(arguments.repeats)]
            assert all(sample >= 0 for sample in samples), "a decision did not move to the next finding"
            return min(samples), statistics.median(samples)

        return {
            "browser: queue interactive (navigation to rows)": sampled(load),
            "browser: decision (c key to next finding shown)": sampled(decide),
        }
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
