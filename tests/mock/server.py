#!/usr/bin/env python3
"""server.py - a local stand-in for a platform's HTTP API, for the tests.

    python3 tests/mock/server.py MODULE [options]

Binds 127.0.0.1 on a free port, prints the port as the first line of
standard output, loads tests/mock/MODULE.py and serves it, breaking chosen
requests on demand (429, 500, HTML pages, truncated or slow answers).
tests/mock/README documents the options and the module interface.
"""

import argparse
import importlib.util
import json
import os
import signal
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))

HTML_PAGE = (
    "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n"
    "<body><h1>Bad Gateway</h1><p>The upstream server is not answering."
    "</p></body></html>\n"
)


class Spec:
    """One --on rule: which requests, what to do."""

    def __init__(self, text):
        parts = text.split(":", 2)
        if len(parts) < 2:
            raise ValueError("--on: expected SPEC:KIND, got %r" % text)
        rng, self.kind = parts[0], parts[1]
        self.arg = parts[2] if len(parts) > 2 else None
        if rng.endswith("+"):
            self.lo, self.hi = int(rng[:-1]), None
        elif "-" in rng:
            lo, hi = rng.split("-", 1)
            self.lo, self.hi = int(lo), int(hi)
        else:
            self.lo = self.hi = int(rng)
        kinds = ("429", "remaining0", "500", "502html", "html200",
                 "badjson", "cutjson", "truncate", "drop", "500after",
                 "dropafter", "slow", "401", "status", "htmlstatus")
        if self.kind not in kinds:
            raise ValueError("--on: unknown kind %r" % self.kind)

    def matches(self, n):
        return n >= self.lo and (self.hi is None or n <= self.hi)


class Request:
    def __init__(self, handler, n):
        url = urlsplit(handler.path)
        self.n = n
        self.method = handler.command
        self.path = url.path
        self.query = parse_qs(url.query, keep_blank_values=True)
        self.headers = {k.lower(): v for k, v in handler.headers.items()}
        length = int(handler.headers.get("Content-Length") or 0)
        self.body = handler.rfile.read(length) if length > 0 else b""
        self.created = None  # what a module made: {"id", "to", "text"}

    def q(self, name, default=None):
        v = self.query.get(name)
        return v[0] if v else default

    def header(self, name, default=None):
        return self.headers.get(name.lower(), default)

    def json(self):
        try:
            return json.loads(self.body.decode("utf-8"))
        except ValueError:
            return None

    def form(self):
        return parse_qs(self.body.decode("utf-8", "replace"),
                        keep_blank_values=True)


class Mock:
    """What modules see as `server`."""

    def __init__(self, args, module):
        self.args = args
        self.module = module
        self.data = None
        if args.data:
            with open(args.data, encoding="utf-8") as f:
                self.data = json.load(f)
        self.posts = args.posts
        self.page_size = args.page_size
        self.token = args.token
        self.knobs = dict(kv.split("=", 1) for kv in args.set)
        self.specs = [Spec(s) for s in args.on]
        self.lock = threading.Lock()
        self.store = {}
        self.count = 0
        self.window_used = 0
        self.window_reset = time.time() + args.reset
        self.base = None
        self.log_lock = threading.Lock()

    def knob(self, name, default=None):
        return self.knobs.get(name, default)

    def limit(self, asked, maximum):
        try:
            n = int(asked) if asked is not None else maximum
        except ValueError:
            n = maximum
        n = max(1, min(n, maximum))
        if self.page_size:
            n = min(n, self.page_size)
        return n

    def set_knob(self, name, value):
        if name == "posts":
            self.posts = int(value)
        elif name == "page-size":
            self.page_size = int(value)
        elif name == "token":
            self.token = value
        elif name in ("delay", "reset"):
            setattr(self.args, name, float(value))
        elif name == "limit":
            self.args.limit = int(value)
        else:
            self.knobs[name] = value

    def log(self, req, status):
        if not self.args.log:
            return
        rec = {"n": req.n, "method": req.method, "path": req.path,
               "query": req.query, "headers": req.headers,
               "body": req.body.decode("utf-8", "replace"),
               "status": status}
        if req.created is not None:
            rec["created"] = req.created
        with self.log_lock, open(self.args.log, "a", encoding="utf-8") as f:
            f.write(json.dumps(rec, sort_keys=True) + "\n")
            f.flush()


def encode(body):
    """(bytes, content type) for a module's body."""
    if isinstance(body, bytes):
        ctype = "text/html" if body[:1] == b"<" else "application/json"
        return body, ctype
    if isinstance(body, str):
        ctype = "text/html" if body[:1] == "<" else "application/json"
        return body.encode("utf-8"), ctype
    return json.dumps(body).encode("utf-8"), "application/json"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    mock = None

    def log_message(self, format, *args):
        pass

    def send(self, status, headers, body, ctype=None, cut=None):
        data, guessed = encode(body)
        self.send_response(status)
        self.send_header("Content-Type", ctype or guessed)
        self.send_header("Content-Length",
                         str(len(data) if cut is None or cut == "truncate"
                             else len(data) // 2))
        for name, value in headers:
            self.send_header(name, str(value))
        if cut == "truncate":
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command == "HEAD":
            return
        if cut == "truncate":
            self.wfile.write(data[:len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        if cut == "cutjson":
            data = data[:len(data) // 2]
        self.wfile.write(data)

    def drop(self):
        """Close the connection with no answer."""
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def control(self, url):
        m = self.mock
        q = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/_mock/quit":
            self.send(200, [], {"ok": True})
            self.wfile.flush()
            os.kill(os.getpid(), signal.SIGTERM)
            return
        if url.path == "/_mock/set":
            with m.lock:
                for name, values in q.items():
                    if name == "on":
                        m.specs = [Spec(v) for v in values if v]
                    elif name == "count":
                        m.count = int(values[-1])
                        m.window_used = 0
                    else:
                        m.set_knob(name, values[-1])
            self.send(200, [], {"ok": True})
            return
        self.send(404, [], {"error": "no such control"})

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path.startswith("/_mock/"):
            self.control(url)
            return
        m = self.mock
        with m.lock:
            m.count += 1
            n = m.count
            now = time.time()
            if now >= m.window_reset:
                m.window_used = 0
                m.window_reset = now + m.args.reset
            m.window_used += 1
            remaining = max(0, m.args.limit - m.window_used)
            reset = m.window_reset
        req = Request(self, n)
        spec = next((s for s in m.specs if s.matches(n)), None)
        kind = spec.kind if spec else None
        if m.args.delay:
            time.sleep(m.args.delay)
        if kind == "slow":
            time.sleep(float(spec.arg or 2))
        mod = m.module
        if kind == "drop":
            m.log(req, 0)
            self.drop()
            return
        if kind == "429" or (m.args.limit and remaining == 0 and
                             m.window_used > m.args.limit):
            reset = time.time() + m.args.reset
            status, headers, body = (
                mod.rate_limited(m, req, reset)
                if hasattr(mod, "rate_limited") else
                (429, [], {"error": "Too many requests"}))
            headers = list(headers) + rate_headers(m, 0, reset)
            m.log(req, status)
            self.send(status, headers, body)
            return
        if kind == "500":
            m.log(req, 500)
            self.send(500, [], {"error": "internal server error"})
            return
        if kind == "status":
            code = int(spec.arg or 500)
            m.log(req, code)
            self.send(code, [], {"error": "status %d" % code})
            return
        if kind == "htmlstatus":
            code = int(spec.arg or 404)
            m.log(req, code)
            self.send(code, [], HTML_PAGE)
            return
        if kind == "502html":
            m.log(req, 502)
            self.send(502, [], HTML_PAGE)
            return
        if kind == "html200":
            m.log(req, 200)
            self.send(200, [], HTML_PAGE)
            return
        if kind == "badjson":
            m.log(req, 200)
            self.send(200, [], b'{"data": [oops], "meta": {"count": 0}}',
                      "application/json")
            return
        if kind == "401" or (hasattr(mod, "authorized") and
                             not mod.authorized(m, req)):
            status, headers, body = (
                mod.auth_failed(m, req) if hasattr(mod, "auth_failed")
                else (401, [], {"error": "unauthorized"}))
            m.log(req, status)
            self.send(status, headers, body)
            return
        if kind == "remaining0":
            remaining = 0
            reset = time.time() + m.args.reset
        answer = mod.handle(m, req)
        if answer is None:
            answer = (404, [], {"error": "no such endpoint: %s" % req.path})
        status, headers, body = answer
        # The request was acted on; then the answer goes wrong.
        if kind == "500after":
            m.log(req, 500)
            self.send(500, [], {"error": "internal server error"})
            return
        if kind == "dropafter":
            m.log(req, 0)
            self.drop()
            return
        headers = list(headers) + rate_headers(m, remaining, reset)
        m.log(req, status)
        cut = kind if kind in ("truncate", "cutjson") else None
        self.send(status, headers, body, cut=cut)

    do_POST = do_GET
    do_PUT = do_GET
    do_DELETE = do_GET
    do_PATCH = do_GET
    do_HEAD = do_GET


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that hung up (killed, timed out) is no news.
        err = sys.exc_info()[1]
        if not isinstance(err, (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


def rate_headers(m, remaining, reset):
    if hasattr(m.module, "rate_headers"):
        return list(m.module.rate_headers(m, remaining, reset))
    return []


def load_module(name):
    path = os.path.join(HERE, name + ".py")
    if not os.path.exists(path) or name in ("server", "lib"):
        sys.exit("server.py: no module %s" % path)
    spec = importlib.util.spec_from_file_location("mock_" + name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    p = argparse.ArgumentParser(prog="server.py")
    p.add_argument("module")
    p.add_argument("--data")
    p.add_argument("--posts", type=int)
    p.add_argument("--page-size", type=int)
    p.add_argument("--token", default="test-token")
    p.add_argument("--on", action="append", default=[])
    p.add_argument("--reset", type=float, default=2)
    p.add_argument("--limit", type=int, default=300)
    p.add_argument("--delay", type=float, default=0)
    p.add_argument("--log")
    p.add_argument("--set", action="append", default=[])
    p.add_argument("--lifetime", type=float, default=120)
    args = p.parse_args()

    module = load_module(args.module)
    mock = Mock(args, module)
    Handler.mock = mock
    httpd = Server(("127.0.0.1", 0), Handler)
    port = httpd.server_address[1]
    mock.base = "http://127.0.0.1:%d" % port
    if hasattr(module, "setup"):
        module.setup(mock)

    def stop(signum, frame):
        # shutdown() waits for serve_forever(): leave from another thread.
        threading.Thread(target=httpd.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    timer = threading.Timer(args.lifetime, httpd.shutdown)
    timer.daemon = True
    timer.start()
    print(port, flush=True)
    httpd.serve_forever(poll_interval=0.1)
    httpd.server_close()


if __name__ == "__main__":
    main()
