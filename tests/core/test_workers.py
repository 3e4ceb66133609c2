"""`nextround serve --workers N`: arguments, where it cannot run, and forwarded headers like waitress."""

import pytest

from nextround.cli import main
from nextround.core import workers


def echo(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    seen = [environ["REMOTE_ADDR"], environ["wsgi.url_scheme"], environ.get("HTTP_X_FORWARDED_PROTO", "-")]
    return [" ".join(seen).encode()]


def call(app, **environ):
    base = {"REMOTE_ADDR": "10.1.2.3", "wsgi.url_scheme": "http", "REQUEST_METHOD": "GET", "PATH_INFO": "/"}
    return b"".join(app({**base, **environ}, lambda status, headers: None)).decode()


def test_the_trusted_proxy_gives_the_visitors_address_and_scheme():
    app = workers.proxied(echo, "10.1.2.3")
    seen = call(app, HTTP_X_FORWARDED_FOR="203.0.113.9", HTTP_X_FORWARDED_PROTO="https")
    assert seen.split()[:2] == ["203.0.113.9", "https"]


def test_forwarded_headers_from_anyone_else_are_dropped():
    app = workers.proxied(echo, "10.1.2.3")
    seen = call(
        app, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="1.1.1.1", HTTP_X_FORWARDED_PROTO="https"
    )
    assert seen == "198.51.100.7 http -"


def test_without_a_trusted_proxy_the_app_is_unchanged():
    assert workers.proxied(echo, "") is echo


@pytest.mark.parametrize("value", ["0", "-2", "many", "65"])
def test_a_bad_worker_count_is_named(value, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--workers", value])
    assert exited.value.code == 2
    assert "--workers must be a number from 1 to 64" in capsys.readouterr().err


def test_windows_is_told_to_use_one_process(monkeypatch):
    monkeypatch.setattr(workers.sys, "platform", "win32")
    with pytest.raises(workers.Unavailable, match="does not run on Windows"):
        workers.serve(echo, host="127.0.0.1", port=1, workers=2, threads=1, trusted_proxy="")
