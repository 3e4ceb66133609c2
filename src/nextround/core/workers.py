"""`nextround serve --workers N`: several processes under gunicorn, for a team on PostgreSQL.

One process (waitress, the default) is the local-first server on every system. Past one process, gunicorn
is the conventional pre-fork server on Linux and macOS: a master that starts N workers, restarts any that
dies, and reloads them on SIGHUP. It does not run on Windows, so it is only installed elsewhere.

Behind a reverse proxy both servers behave the same: the proxy's X-Forwarded-* headers go through
waitress's own proxy-headers middleware, believed from NEXTROUND_TRUSTED_PROXY only and cleared from
anyone else (so REMOTE_ADDR is the visitor's address for login throttling, whatever the server).
"""

from __future__ import annotations

import sys

# Each worker serves this many requests at once on threads; a request mostly waits on the database.
THREADS_PER_WORKER = 4
PROXY_HEADERS = {"x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"}


class Unavailable(Exception):
    """Several workers cannot run here; the message says why and what to do instead."""


def proxied(application, trusted_proxy: str):
    """`application` reading X-Forwarded-* from `trusted_proxy` only, as waitress does in one process."""
    if not trusted_proxy:
        return application
    from waitress.proxy_headers import proxy_headers_middleware

    return proxy_headers_middleware(
        application,
        trusted_proxy=trusted_proxy,
        trusted_proxy_count=1,
        trusted_proxy_headers=PROXY_HEADERS,
        clear_untrusted=True,
    )


def gunicorn_options(*, host: str, port: int, workers: int, threads: int) -> dict:
    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        # The forwarded headers are handled by `proxied` above, the same way as under waitress.
        "forwarded_allow_ips": "",
        "proc_name": "nextround",
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        # A worker that stops answering (a request stuck for 2 minutes) is replaced.
        "timeout": 120,
        "graceful_timeout": 30,
    }


def serve(application, *, host: str, port: int, workers: int, threads: int, trusted_proxy: str) -> None:
    """Run `application` under gunicorn with `workers` processes until stopped (Ctrl+C or SIGTERM)."""
    if sys.platform == "win32":
        raise Unavailable(
            "--workers: several worker processes need gunicorn, which does not run on Windows; "
            "leave --workers out to serve with one process"
        )
    try:
        from gunicorn.app.base import BaseApplication
    except ImportError:
        raise Unavailable(
            "--workers: gunicorn is not installed; reinstall nextround (pip install nextround) "
            "or leave --workers out to serve with one process"
        ) from None
    from django.db import connections

    # The master checked the database before forking: each worker must open its own connections.
    connections.close_all()
    app = proxied(application, trusted_proxy)
    options = gunicorn_options(host=host, port=port, workers=workers, threads=threads)

    class Server(BaseApplication):
        def load_config(self):
            for name, value in options.items():
                self.cfg.set(name, value)

        def load(self):
            return app

    Server().run()
