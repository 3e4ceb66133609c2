"""Running behind an HTTPS reverse proxy (NEXTROUND_PUBLIC_URL), the security headers and static files."""

import gzip
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from tests.live import Visitor, environment, nextround, served

PUBLIC = "https://jobs.example.org"
SRC = Path(__file__).resolve().parents[2] / "src" / "nextround"


def proxy_env(tmp_path, **extra) -> dict:
    return environment(tmp_path, **{"NEXTROUND_PUBLIC_URL": PUBLIC, **extra})


def test_check_deploy_is_clean_behind_an_https_proxy(tmp_path):
    result = nextround("manage", "check", "--deploy", "--fail-level", "WARNING", env=proxy_env(tmp_path))
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_a_public_url_that_is_not_an_address_stops_start_up(tmp_path):
    result = nextround("manage", "check", env=proxy_env(tmp_path, NEXTROUND_PUBLIC_URL="jobs.example.org"))
    assert result.returncode == 2
    assert "NEXTROUND_PUBLIC_URL" in result.stderr


def through_proxy(port: int, proto: str = "https") -> Visitor:
    """What the reverse proxy on this machine sends on: the public host and the visitor's scheme."""
    host = "jobs.example.org"
    headers = {"X-Forwarded-Proto": proto, "X-Forwarded-Host": host}
    return Visitor(port, host=host, headers=headers, origin=PUBLIC)


# One process (waitress, the default) and several (gunicorn, `--workers`) must behave the same behind a proxy.
@pytest.fixture(params=[[], ["--workers", "2"]], ids=["one process", "two workers"])
def proxied(tmp_path, request):
    with served(proxy_env(tmp_path), *request.param) as port:
        yield port


def test_sign_up_and_log_in_through_an_https_proxy(proxied):
    visitor = through_proxy(proxied)
    response, _text = visitor.request("GET", "/accounts/signup/")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert "max-age=" in response.headers["Strict-Transport-Security"]
    visitor.sign_up("proxied")
    assert all("Secure" in line for line in visitor.set_cookie_lines), visitor.set_cookie_lines
    response, text = visitor.request("GET", "/settings/")
    assert response.status == 200
    assert f'value="{PUBLIC}/calendar/' in text
    visitor.post("/accounts/logout/", {})
    response, text = visitor.request("GET", "/accounts/login/")
    response, _ = visitor.post("/accounts/login/", {"username": "proxied", "password": "a-long-Passphrase-9"})
    assert response.status == 302
    assert response.headers["Location"] == "/"


def test_plain_http_is_sent_to_https_but_the_health_check_answers(proxied):
    visitor = through_proxy(proxied, proto="http")
    response, _ = visitor.request("GET", "/accounts/login/")
    assert response.status == 301
    assert response.headers["Location"] == f"{PUBLIC}/accounts/login/"
    response, text = visitor.request("GET", "/healthz")
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
