"""Running behind an HTTPS reverse proxy (NEXTROUND_PUBLIC_URL), the security headers and static files."""

import gzip
import http.client
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

PUBLIC = "https://jobs.example.org"
SRC = Path(__file__).resolve().parents[2] / "src" / "nextround"


def proxy_env(tmp_path, **extra) -> dict:
    # A clean environment: the test run's settings (the browser tests' async switch) are no deployment's.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEXTROUND_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env.update(
        NEXTROUND_DATA_DIR=str(tmp_path),
        NEXTROUND_PUBLIC_URL=PUBLIC,
        NEXTROUND_SECRET_KEY="k" * 20 + "-proxy-test-" + "q7Z#x9!Lm2" * 3,
    )
    env.update(extra)
    return env


def nextround(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "nextround", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_behind_an_https_proxy(tmp_path):
    result = nextround("manage", "check", "--deploy", "--fail-level", "WARNING", env=proxy_env(tmp_path))
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_a_public_url_that_is_not_an_address_stops_start_up(tmp_path):
    result = nextround("manage", "check", env=proxy_env(tmp_path, NEXTROUND_PUBLIC_URL="jobs.example.org"))
    assert result.returncode == 2
    assert "NEXTROUND_PUBLIC_URL" in result.stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """A tiny client speaking to the server as the reverse proxy would, keeping cookies."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.set_cookie_lines: list[str] = []

    def request(self, method, path, body=None, *, proto="https", headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {
            "Host": "jobs.example.org",
            "X-Forwarded-Proto": proto,
            "X-Forwarded-Host": "jobs.example.org",
        }
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = PUBLIC
            sent["Referer"] = PUBLIC + path
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


@pytest.fixture
def served(tmp_path):
    env = proxy_env(tmp_path)
    assert nextround("init", env=env).returncode == 0
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "nextround", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield Browser(port)
    server.terminate()
    server.wait(timeout=10)


def csrf_of(text: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text).group(1)


def test_sign_up_and_log_in_through_an_https_proxy(served):
    from urllib.parse import urlencode

    response, text = served.request("GET", "/accounts/signup/")
    assert response.status == 200
    assert "csp" not in response.headers.get("Content-Security-Policy", "").lower()
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert "max-age=" in response.headers["Strict-Transport-Security"]
    form = {
        "csrfmiddlewaretoken": csrf_of(text),
        "username": "proxied",
        "password1": "a-long-Passphrase-9",
        "password2": "a-long-Passphrase-9",
        "full_name": "",
    }
    response, text = served.request("POST", "/accounts/signup/", urlencode(form))
    assert response.status == 302, text[:500]
    assert all("Secure" in line for line in served.set_cookie_lines), served.set_cookie_lines
    response, text = served.request("GET", "/settings/")
    assert response.status == 200
    assert f'value="{PUBLIC}/calendar/' in text
    served.request(
        "POST", "/accounts/logout/", urlencode({"csrfmiddlewaretoken": served.cookies["csrftoken"]})
    )
    response, text = served.request("GET", "/accounts/login/")
    form = {"csrfmiddlewaretoken": csrf_of(text), "username": "proxied", "password": "a-long-Passphrase-9"}
    response, _ = served.request("POST", "/accounts/login/", urlencode(form))
    assert response.status == 302
    assert response.headers["Location"] == "/"


def test_plain_http_is_sent_to_https_but_the_health_check_answers(served):
    response, _ = served.request("GET", "/accounts/login/", proto="http")
    assert response.status == 301
    assert response.headers["Location"] == f"{PUBLIC}/accounts/login/"
    response, text = served.request("GET", "/healthz", proto="http")
    assert (response.status, text) == (200, "ok")


def test_pages_carry_a_content_security_policy(client):
    response = client.get("/accounts/login/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy


# Attributes and tags the policy blocks: a template using one would break under it.
INLINE = re.compile(r"""\sstyle=|<style|<script>|<script\s+(?![^>]*\bsrc=)|\son[a-z]+=|javascript:""")


def test_no_template_relies_on_inline_script_or_style():
    offenders = []
    for template in SRC.rglob("templates/**/*.html"):
        if template.name == "report.html":  # a file written for offline reading, never served
            continue
        for number, line in enumerate(template.read_text().splitlines(), start=1):
            if INLINE.search(line):
                offenders.append(f"{template.relative_to(SRC)}:{number}: {line.strip()[:80]}")
    assert not offenders, "\n".join(offenders)


def test_the_charts_script_is_served_compressed_with_a_long_cache(client):
    path = "insights/vendor/echarts-6.1.0.min.js"
    response = client.get(f"/static/{path}", headers={"accept-encoding": "gzip, deflate"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]
    assert int(re.search(r"max-age=(\d+)", response.headers["Cache-Control"]).group(1)) >= 365 * 24 * 3600
    body = b"".join(response.streaming_content)
    assert len(body) < 400_000
    assert gzip.decompress(body) == Path(finders.find(path)).read_bytes()
