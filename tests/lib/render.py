#!/usr/bin/env python3
"""render.py - render an HTML file in headless Chromium and say what a
person would see, for tests/html.sh.  Python 3 standard library only.

    render.py page FILE.html OUTDIR [WIDTH]
                                      renders FILE in a window WIDTH pixels
                                      wide (1280), writes OUTDIR/page.png
                                      (the whole page) and OUTDIR/dom.html
                                      (the DOM after scripts ran), prints a
                                      JSON summary
    render.py png FILE.png            decodes a PNG (zlib, every filter
                                      type, CRCs checked) and prints its
                                      size and colours as JSON

Chromium is driven over the DevTools protocol on a pipe
(--remote-debugging-pipe: commands on fd 3, answers on fd 4, each a JSON
text ended by NUL), so one run gives the console, the DOM and the
screenshot, and no port is opened.  The summary holds:

    errors      console.error and console.assert calls, uncaught
                exceptions, and log entries at level error (a resource that
                failed to load), each as text
    requests    URLs the page asked for besides itself: a self-contained
                report asks for none but data: URLs
    svgs        for each <svg>: its id, its size on the page, how many
                shapes (path, rect, circle, ellipse, line, polyline,
                polygon) it holds and how many of those have a box larger
                than nothing (getBBox), and its text elements

Chromium runs in a session of its own, with a profile in OUTDIR, and is
killed with its whole process group when done or after the time limit.
"""

import base64
import collections
import json
import os
import select
import shutil
import signal
import struct
import subprocess
import sys
import time
import zlib

TIMEOUT = 60


class Browser:
    def __init__(self, outdir, width, height):
        exe = shutil.which("chromium") or shutil.which("chromium-browser")
        if not exe:
            raise SystemExit("render.py: chromium not found")
        r1, w1 = os.pipe()
        r2, w2 = os.pipe()

        def child():
            # Through fresh numbers first: one of the ends may already be
            # 3 or 4, and dup2 onto itself would leave it close-on-exec.
            a, b = os.dup(r1), os.dup(w2)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [exe, "--headless", "--disable-gpu", "--remote-debugging-pipe",
                "--user-data-dir=" + os.path.join(outdir, "profile"),
                "--window-size=%d,%d" % (width, height), "--hide-scrollbars",
                "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--mute-audio", "about:blank"]
        if os.geteuid() == 0:
            args.insert(2, "--no-sandbox")  # Chromium refuses root otherwise
        self.log = open(os.path.join(outdir, "chromium.log"), "wb")
        env = dict(os.environ, HOME=outdir)
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL,
                                     stdout=self.log, stderr=self.log,
                                     preexec_fn=child, close_fds=False,
                                     start_new_session=True, env=env)
        os.close(r1)
        os.close(w2)
        self.wfd, self.rfd = w1, r2
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.deadline = time.time() + TIMEOUT

    def close(self):
        try:
            self.send("Browser.close", wait=False)
        except OSError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        # Whatever Chromium forked (renderer, zygote, GPU) goes with it.
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()
        for fd in (self.wfd, self.rfd):
            try:
                os.close(fd)
            except OSError:
                pass
        self.log.close()

    def read_message(self):
        while b"\0" not in self.buf:
            left = self.deadline - time.time()
            if left <= 0:
                raise TimeoutError("chromium did not answer in %d s" % TIMEOUT)
            r, _, _ = select.select([self.rfd], [], [], left)
            if not r:
                continue
            chunk = os.read(self.rfd, 1 << 16)
            if not chunk:
                raise EOFError("chromium closed its pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method, params=None, session=None, wait=True):
        self.next_id += 1
        m = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            m["sessionId"] = session
        os.write(self.wfd, json.dumps(m).encode() + b"\0")
        if not wait:
            return None
        while True:
            r = self.read_message()
            if r.get("id") == self.next_id:
                if "error" in r:
                    raise RuntimeError("%s: %s" % (method, r["error"]))
                return r.get("result", {})
            self.events.append(r)

    def wait_event(self, method):
        for i, e in enumerate(self.events):
            if e.get("method") == method:
                del self.events[i]
                return e
        while True:
            e = self.read_message()
            if e.get("method") == method:
                return e
            self.events.append(e)


SVG_JS = r"""
(() => {
  const shapes = 'path,rect,circle,ellipse,line,polyline,polygon';
  return Array.from(document.querySelectorAll('svg')).map((s, i) => {
    const r = s.getBoundingClientRect();
    const els = Array.from(s.querySelectorAll(shapes));
    const drawn = els.filter(e => {
      try { const b = e.getBBox(); return b.width > 0 || b.height > 0; }
      catch (x) { return false; }
    });
    return {id: s.id || ('svg' + (i + 1)), width: r.width, height: r.height,
            shapes: els.length, drawn: drawn.length,
            texts: s.querySelectorAll('text').length};
  });
})()
"""


def page(path, outdir, width=1280):
    path = os.path.abspath(path)
    url = "file://" + path
    os.makedirs(outdir, exist_ok=True)
    height = width * 3 // 4
    b = Browser(outdir, width, height)
    out = {"url": url, "errors": [], "requests": [], "svgs": []}
    try:
        targets = b.send("Target.getTargets")["targetInfos"]
        tid = next(t["targetId"] for t in targets if t["type"] == "page")
        s = b.send("Target.attachToTarget",
                   {"targetId": tid, "flatten": True})["sessionId"]
        for m in ("Page.enable", "Runtime.enable", "Log.enable",
                  "Network.enable"):
            b.send(m, session=s)
        b.send("Page.navigate", {"url": url}, session=s)
        b.wait_event("Page.loadEventFired")
        # Let timers and the next frames run before looking.
        b.send("Runtime.evaluate", {
            "expression": "new Promise(r => requestAnimationFrame(() => "
                          "setTimeout(r, 200)))",
            "awaitPromise": True}, session=s)
        out["svgs"] = b.send("Runtime.evaluate", {
            "expression": SVG_JS, "returnByValue": True},
            session=s)["result"]["value"]
        dom = b.send("Runtime.evaluate", {
            "expression": "document.documentElement.outerHTML",
            "returnByValue": True}, session=s)["result"]["value"]
        with open(os.path.join(outdir, "dom.html"), "w") as f:
            f.write(dom)
        m = b.send("Page.getLayoutMetrics", session=s)
        size = m.get("cssContentSize") or m["contentSize"]
        w = max(1, min(int(size["width"]), 4000))
        h = max(1, min(int(size["height"]), 16000))
        shot = b.send("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "optimizeForSpeed": True,
            "clip": {"x": 0, "y": 0, "width": w, "height": h, "scale": 1}},
            session=s)
        with open(os.path.join(outdir, "page.png"), "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        # Events that came in while we asked.
        b.send("Runtime.evaluate", {"expression": "0"}, session=s)
    finally:
        events = b.events
        b.close()
    for e in events:
        m, p = e.get("method"), e.get("params", {})
        if m == "Runtime.consoleAPICalled" and p.get("type") in ("error",
                                                                 "assert"):
            args = [a.get("value", a.get("description", "")) for a in
                    p.get("args", [])]
            out["errors"].append("console.%s: %s" % (
                p["type"], " ".join(str(a) for a in args)))
        elif m == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            ex = d.get("exception", {}).get("description") or d.get("text")
            out["errors"].append("uncaught: %s (line %s)" % (
                ex, d.get("lineNumber", 0) + 1))
        elif m == "Log.entryAdded" and p["entry"].get("level") == "error":
            out["errors"].append("log: %s %s" % (
                p["entry"].get("text"), p["entry"].get("url", "")))
        elif m == "Network.requestWillBeSent":
            u = p["request"]["url"]
            if u != url and not u.startswith("data:"):
                out["requests"].append(u)
    return out


def png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG signature")
    pos, idat, ihdr = 8, [], None
    while pos < len(data):
        if pos + 8 > len(data):
            raise ValueError("truncated chunk header")
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        crc = data[pos + 8 + n:pos + 12 + n]
        if len(body) != n or len(crc) != 4:
            raise ValueError("truncated %s chunk" % kind.decode("latin1"))
        if zlib.crc32(kind + body) != struct.unpack(">I", crc)[0]:
            raise ValueError("bad CRC in %s chunk" % kind.decode("latin1"))
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + n
    else:
        raise ValueError("no IEND chunk")
    if ihdr is None or not idat:
        raise ValueError("no IHDR or IDAT")
    w, h, depth, ctype, _, _, interlace = ihdr
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(ctype)
    if depth != 8 or channels is None or interlace:
        raise ValueError("only 8-bit non-interlaced grey/RGB(A) is read")
    raw = zlib.decompress(b"".join(idat))
    bpp, stride = channels, w * channels
    if len(raw) != h * (stride + 1):
        raise ValueError("image data is %d bytes, not %d" % (
            len(raw), h * (stride + 1)))
    counts = collections.Counter()
    prev = bytearray(stride)
    for y in range(h):
        ft = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if ft == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif ft == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 255
        elif ft == 3:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((a + prev[i]) >> 1)) & 255
        elif ft == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                c = prev[i - bpp] if i >= bpp else 0
                b_ = prev[i]
                p = a + b_ - c
                pa, pb, pc = abs(p - a), abs(p - b_), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b_ if pb <= pc else c)
                line[i] = (line[i] + pr) & 255
        elif ft != 0:
            raise ValueError("bad filter type %d in row %d" % (ft, y))
        row = bytes(line)
        counts.update(row[x:x + bpp] for x in range(0, stride, bpp))
        prev = line
    top = max(counts.values())
    return {"width": w, "height": h, "colours": len(counts),
            "dominant_share": top / (w * h)}


def main():
    try:
        if len(sys.argv) in (4, 5) and sys.argv[1] == "page":
            width = int(sys.argv[4]) if len(sys.argv) == 5 else 1280
            if not 200 <= width <= 4000:
                raise ValueError("width must be 200 to 4000")
            r = page(sys.argv[2], sys.argv[3], width)
        elif len(sys.argv) == 3 and sys.argv[1] == "png":
            r = png(sys.argv[2])
        else:
            sys.stderr.write("usage: render.py page FILE.html OUTDIR "
                             "[WIDTH] | png FILE.png\n")
            return 2
    except (ValueError, OSError, RuntimeError, TimeoutError, EOFError,
            zlib.error, StopIteration) as e:
        sys.stderr.write("render.py: %s: %s\n" % (sys.argv[-1]
                                                  if sys.argv[1] == "png"
                                                  else sys.argv[2], e))
        return 1
    print(json.dumps(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
