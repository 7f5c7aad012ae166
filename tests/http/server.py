#!/usr/bin/env python3
"""server.py - a local HTTP server for tests/unit/test-http.c.

Binds 127.0.0.1 on a free port and prints the port as its first line.
Quiet (no request log); exits after 60 s, or on GET /quit.

  /ok                200 JSON, Content-Type with a charset, X-Custom header
  /gzip              200 gzip-encoded JSON (400 unless Accept-Encoding has gzip)
  /503-then-ok?id=K  503 the first 2 times for key K, then 200; every answer
                     carries X-Attempt: N
  /always-500        500 JSON
  /429               429 with Retry-After: 7
  /slow?s=S          sleeps S seconds (default 3) before answering
  /truncated         Content-Length: 1000, sends 10 bytes, closes
  /big?n=N           N bytes of 'x' (default 100000)
  /echo, /echo-headers
                     {"method", "path", "headers", "body"} of the request
  /html-error        500 with an HTML page
  /redirect          302 to /ok with a token in Location, and a Set-Cookie
  /quit              200, then the server exits
An "Expect: 100-continue" request gets a 100 answer carrying X-Interim: 1.
"""

import gzip
import json
import os
import socketserver
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlsplit

LIFETIME = 60
counts = {}
counts_lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def reply(self, code, body, ctype="application/json", headers=()):
        if isinstance(body, str):
            body = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def handle_expect_100(self):
        # A header on the interim answer, which the client must not keep.
        self.send_response_only(100)
        self.send_header("X-Interim", "1")
        self.end_headers()
        return True

    def read_body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n > 0 else b""

    def do_GET(self):
        self.route(self.read_body())

    do_POST = do_GET
    do_PUT = do_GET
    do_DELETE = do_GET
    do_PATCH = do_GET
    do_HEAD = do_GET

    def route(self, body):
        url = urlsplit(self.path)
        q = {k: v[-1] for k, v in parse_qs(url.query).items()}
        path = url.path
        if path == "/ok":
            self.reply(200, '{"ok":true}', "application/json; charset=utf-8",
                       [("X-Custom", "  spaced value  ")])
        elif path == "/gzip":
            if "gzip" not in self.headers.get("Accept-Encoding", ""):
                self.reply(400, '{"error":"no gzip in Accept-Encoding"}')
                return
            data = json.dumps({"hello": "gzip", "pad": "z" * 2000})
            self.reply(200, gzip.compress(data.encode()), "application/json",
                       [("Content-Encoding", "gzip")])
        elif path == "/503-then-ok":
            key = q.get("id", "")
            with counts_lock:
                counts[key] = n = counts.get(key, 0) + 1
            hdr = [("X-Attempt", str(n))]
            if n <= 2:
                self.reply(503, '{"error":"busy"}', headers=hdr)
            else:
                self.reply(200, '{"ok":true,"attempt":%d}' % n, headers=hdr)
        elif path == "/always-500":
            self.reply(500, '{"error":"internal"}')
        elif path == "/429":
            self.reply(429, '{"error":"rate limited"}',
                       headers=[("Retry-After", "7")])
        elif path == "/slow":
            time.sleep(float(q.get("s", "3")))
            self.reply(200, '{"slow":true}')
        elif path == "/truncated":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b'{"partial"')
            self.wfile.flush()
            self.close_connection = True
        elif path == "/big":
            self.reply(200, "x" * int(q.get("n", "100000")), "text/plain")
        elif path in ("/echo", "/echo-headers"):
            self.reply(200, json.dumps({
                "method": self.command,
                "path": self.path,
                "headers": dict(self.headers.items()),
                "body": body.decode("utf-8", "replace"),
            }))
        elif path == "/html-error":
            self.reply(500, "<!DOCTYPE html>\n<html><head><title>500 Internal"
                       " Server Error</title></head>\n<body><h1>Oops</h1>"
                       "</body></html>\n", "text/html; charset=utf-8")
        elif path == "/redirect":
            self.reply(302, '{"moved":true}', headers=[
                ("Location", "/ok?access_token=SEKRIT-LOCATION&x=1"),
                ("Set-Cookie", "sid=SEKRIT-SETCOOKIE; HttpOnly")])
        elif path == "/quit":
            self.reply(200, '{"bye":true}')
            self.close_connection = True
            threading.Thread(target=self.server.shutdown, daemon=True).start()
        else:
            self.reply(404, '{"error":"not found"}')


class Server(socketserver.ThreadingMixIn, HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass    # clients that hang up (timeouts) are expected here


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    timer = threading.Timer(LIFETIME, lambda: os._exit(0))
    timer.daemon = True
    timer.start()
    server.serve_forever(poll_interval=0.05)
    server.server_close()
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
