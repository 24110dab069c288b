#!/usr/bin/env python3
"""Drives `proofmark serve` in headless Chromium through chromedriver's W3C WebDriver protocol (plain HTTP and JSON,
standard library only), as an analyst would: open the queue, move with j/k, confirm, dismiss with a reason, undo,
bulk-confirm a filter, export a channel; then tries what an attacker would: a hostile title, a cross-site form post,
no session. Prints one JSON object of what it saw for the Swift test to check against the state file and the
export files. The Swift test (BrowserTests) starts the server; this script starts chromedriver.

Usage: drive.py URL_WITH_TOKEN --screenshot PNG --hostile ID --bulk-marketplace NAME --csrf-target ID
       --chromedriver PATH
"""
import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


class Driver:
    def __init__(self, chromedriver, chromium):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.profile = tempfile.mkdtemp(prefix="proofmark-chromium-")
        self.process = subprocess.Popen(
            [chromedriver, f"--port={self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.base = f"http://127.0.0.1:{self.port}"
        # chromedriver takes a moment to listen: ask its /status until it answers (bounded).
        deadline = time.monotonic() + 30
        while True:
            try:
                if self.call("GET", "/status").get("ready"):
                    break
            except (urllib.error.URLError, ConnectionError):
                pass
            if time.monotonic() > deadline:
                raise SystemExit("chromedriver did not start within 30 s")
            time.sleep(0.1)
        options = {
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,900", f"--user-data-dir={self.profile}", "--no-first-run",
            ]
        }
        if chromium:
            options["binary"] = chromium
        session = self.call(
            "POST", "/session",
            {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options}}},
        )
        self.session = session["sessionId"]
        self.call("POST", self.path("/timeouts"), {"script": 30000, "pageLoad": 30000, "implicit": 0})

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read() or b"{}").get("value")
        except urllib.error.HTTPError as error:
            payload = json.loads(error.read() or b"{}").get("value", {})
            raise WebDriverError(payload.get("error", str(error)), payload.get("message", ""))

    def path(self, suffix):
        return f"/session/{self.session}{suffix}"

    def go(self, url):
        self.call("POST", self.path("/url"), {"url": url})

    def find(self, css):
        return self.call("POST", self.path("/element"), {"using": "css selector", "value": css})[ELEMENT]

    def click(self, css):
        self.call("POST", self.path(f"/element/{self.find(css)}/click"), {})

    def type(self, css, text):
        self.call("POST", self.path(f"/element/{self.find(css)}/value"), {"text": text})

    def keys(self, *keys):
        actions = []
        for key in keys:
            actions += [{"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]
        self.call("POST", self.path("/actions"), {"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})
        self.call("DELETE", self.path("/actions"))

    def run(self, script, *args):
        return self.call("POST", self.path("/execute/sync"), {"script": script, "args": list(args)})

    def idle(self):
        """Waits (in the page, not by the clock) until the page has no request in flight."""
        return self.call(
            "POST", self.path("/execute/async"),
            {"script": "const done = arguments[arguments.length - 1]; window.proofmarkIdle().then(() => done(true));",
             "args": []},
        )

    def alert(self):
        try:
            return self.call("GET", self.path("/alert/text"))
        except WebDriverError as error:
            if error.code == "no such alert":
                return None
            raise

    def screenshot(self, target):
        with open(target, "wb") as file:
            file.write(base64.b64decode(self.call("GET", self.path("/screenshot"))))

    def quit(self):
        try:
            self.call("DELETE", self.path(""))
        except (WebDriverError, urllib.error.URLError, ConnectionError) as error:
            print(f"drive.py: closing the session: {error}", file=sys.stderr)
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


class WebDriverError(Exception):
    def __init__(self, code, message):
        super().__init__(f"{code}: {message}")
        self.code = code


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--screenshot", required=True)
    parser.add_argument("--hostile", required=True)
    parser.add_argument("--bulk-marketplace", required=True)
    parser.add_argument("--csrf-target", required=True)
    parser.add_argument("--chromedriver", required=True)
    parser.add_argument("--chromium")
    arguments = parser.parse_args()
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(arguments.url))
    driver = Driver(arguments.chromedriver, arguments.chromium)
    seen = {}
    try:
        # The queue, signed in by the printed address; the token leaves the address bar.
        driver.go(arguments.url)
        driver.idle()
        seen["address"] = driver.run("return window.location.href;")
        rows = driver.run("return Array.from(document.querySelectorAll('#queue tbody tr')).map(r => r.dataset.id);")
        seen["rows"] = rows
        current = "return document.body.dataset.current;"
        seen["start"] = driver.run(current)
        driver.keys("j", "j")
        seen["after_jj"] = driver.run(current)
        driver.keys("k")
        seen["after_k"] = driver.run(current)

        # c confirms the current finding and moves on; d asks why, then dismisses; u takes the last one back.
        driver.keys("c")
        driver.idle()
        seen["confirmed"] = seen["after_k"]
        seen["after_confirm"] = driver.run(current)
        driver.keys("d")
        seen["dialog_open"] = driver.run("return !document.getElementById('dismiss-dialog').hidden;")
        driver.type("#reason-text", "parody shop")
        driver.click("#dismiss-ok")
        driver.idle()
        seen["dismissed"] = seen["after_confirm"]
        # One more dismissal, taken back with u.
        driver.keys("d")
        driver.click("#dismiss-ok")
        driver.idle()
        seen["undone"] = driver.run(
            "return document.querySelectorAll('#queue tbody tr')[arguments[0]].dataset.id;", rows.index(seen["dismissed"]) + 1
        )
        driver.keys("k")
        seen["undo_target"] = driver.run(current)
        driver.keys("u")
        driver.idle()
        seen["review_cells"] = driver.run(
            "return Object.fromEntries(Array.from(document.querySelectorAll('#queue tbody tr'))"
            ".map(r => [r.dataset.id, r.dataset.review]));"
        )
        seen["alert_on_queue"] = driver.alert()
        seen["pwned_on_queue"] = driver.run("return window.pwned === undefined ? null : window.pwned;")
        driver.screenshot(arguments.screenshot)

        # Bulk: filter one marketplace, see the count, confirm them all.
        driver.click(f"#f-marketplace option[value='{arguments.bulk_marketplace}']")
        driver.idle()
        seen["bulk_rows"] = driver.run("return document.querySelectorAll('#queue tbody tr').length;")
        driver.click("#bulk-confirm")
        seen["bulk_question"] = driver.run("return document.getElementById('bulk-question').textContent;")
        driver.click("#bulk-yes")
        driver.idle()
        seen["bulk_reviews"] = driver.run(
            "return Array.from(document.querySelectorAll('#queue tbody tr')).map(r => r.dataset.review);"
        )

        # The finding with the hostile title: shown as text, never run.
        driver.go(f"{origin}/finding/{arguments.hostile}")
        driver.idle()
        seen["hostile_text"] = driver.run("return document.querySelector('table.listing').textContent;")
        seen["pwned_on_finding"] = driver.run("return window.pwned === undefined ? null : window.pwned;")
        seen["alert_on_finding"] = driver.alert()
        seen["images"] = driver.run(
            "return Array.from(document.images).map(i => ({src: i.getAttribute('src'), ok: i.complete && i.naturalWidth > 0}));"
        )

        # Filing: export amazon, see the refusals and the files.
        driver.go(f"{origin}/filing")
        driver.idle()
        driver.click("#export-amazon")
        driver.idle()
        seen["export_files"] = driver.run(
            "return Array.from(document.querySelectorAll('#export-files a')).map(a => a.textContent);"
        )
        seen["export_summary"] = driver.run("return document.querySelector('#export-result p').textContent;")

        # A page of another origin posting a decision to the server, as a cross-site form would (text/plain, the
        # browser's cookies if it sends them): refused. The script waits for the server's answer, so the check of
        # the state file that follows sees whatever it did.
        target = arguments.csrf_target
        seen["csrf_target"] = target
        driver.go("data:text/html," + urllib.parse.quote("<p>elsewhere</p>"))
        seen["csrf_reply"] = driver.call(
            "POST", driver.path("/execute/async"),
            {"script": "const done = arguments[arguments.length - 1];"
                       "fetch(arguments[0], {method: 'POST', mode: 'no-cors', credentials: 'include',"
                       " headers: {'Content-Type': 'text/plain'}, body: arguments[1]})"
                       ".then(() => done('answered'), error => done('blocked: ' + error));",
             "args": [origin + "/api/decide", json.dumps({"ids": [target], "decision": "confirmed"})]},
        )

        # No session: the page is refused (cookies are deleted for the page's own site, so open one of its pages).
        driver.go(origin + "/static/app.css")
        driver.call("DELETE", driver.path("/cookie"))
        driver.go(origin + "/")
        seen["no_session"] = driver.run("return document.body.textContent;")
    finally:
        driver.quit()
    json.dump(seen, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
