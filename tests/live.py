"""A real `nextround serve` in a subprocess, on its own SQLite data directory, and a small cookie-keeping
client: for what only a separate process shows (waitress behind a proxy, a second connection's lock)."""

import contextlib
import http.client
import os
import re
import socket
import subprocess
import sys
import time
import uuid
from urllib.parse import urlencode

SECRET = "k" * 20 + "-live-test-" + "q7Z#x9!Lm2" * 3


def environment(tmp_path, **extra) -> dict:
    # A clean environment: the test run's settings (the browser tests' async switch) are no deployment's.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEXTROUND_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env.update(NEXTROUND_DATA_DIR=str(tmp_path), NEXTROUND_SECRET_KEY=SECRET)
    env.update(extra)
    return env


def nextround(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "nextround", *args], env=env, capture_output=True, text=True, timeout=120
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def served(env, *options):
    """`nextround init` then `nextround serve [options]` on a free port; yields the port."""
    with server_process(env, *options) as (port, _process):
        yield port


@contextlib.contextmanager
def server_process(env, *options):
    """As `served`, and yields the server's process too (to stop or kill it)."""
    assert nextround("init", env=env).returncode == 0
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "nextround", "serve", "--port", str(port), *options],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield port, server
    finally:
        if server.poll() is None:
            server.terminate()
        server.wait(timeout=10)


class Visitor:
    """A browser-like client for one person: keeps cookies, sends the CSRF token with forms."""

    def __init__(self, port: int, *, host: str = "127.0.0.1", headers: dict | None = None, origin: str = ""):
        self.port, self.host, self.extra = port, host, headers or {}
        self.origin = origin or f"http://{host}:{port}"
        self.cookies: dict[str, str] = {}
        self.set_cookie_lines: list[str] = []

    def request(self, method, path, body=None, *, headers=None, content_type=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        sent = {"Host": self.host if self.host != "127.0.0.1" else f"127.0.0.1:{self.port}", **self.extra}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            sent["Content-Type"] = content_type or "application/x-www-form-urlencoded"
            sent["Origin"] = self.origin
            sent["Referer"] = self.origin + path
        sent.update(headers or {})
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for line in response.headers.get_all("Set-Cookie") or []:
            self.set_cookie_lines.append(line)
            name, value = line.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        connection.close()
        return response, text

    def token(self) -> str:
        return self.cookies["csrftoken"]

    def post(self, path, fields: dict, **options):
        return self.request(
            "POST", path, urlencode({"csrfmiddlewaretoken": self.token(), **fields}), **options
        )

    def upload(self, path, fields: dict, name: str, data: bytes):
        boundary = uuid.uuid4().hex
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
            for key, value in {"csrfmiddlewaretoken": self.token(), **fields}.items()
        ]
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: text/csv\r\n\r\n".encode()
            + data
            + b"\r\n"
        )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request("POST", path, body, content_type=f"multipart/form-data; boundary={boundary}")

    def sign_up(self, username: str, password: str = "a-long-Passphrase-9"):
        response, text = self.request("GET", "/accounts/signup/")
        assert response.status == 200, text[:300]
        fields = {"username": username, "password1": password, "password2": password, "full_name": ""}
        response, text = self.post("/accounts/signup/", fields)
        assert response.status == 302, text[:500]
        return response


def csrf_of(text: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text).group(1)
