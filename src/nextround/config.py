"""Typed readers for environment variables that fail loudly, naming the variable.

Plain Python (no Django import) so the command line can report a bad value before Django starts.
"""

import os
import secrets
import stat
import zoneinfo
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


class ConfigError(Exception):
    """A configuration value is wrong; the message is one line and names the variable."""


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ConfigError(f"{name} must be one of 1/0, true/false, yes/no, on/off (got {raw!r})")


def env_str(name: str, default: str) -> str:
    raw = os.environ.get(name)
    return default if raw is None else raw.strip()


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    items = [item.strip() for item in raw.split(",") if item.strip()]
    if not items:
        raise ConfigError(f"{name} must be a comma-separated list of host names (got {raw!r})")
    return items


def env_int(name: str, default: int, *, minimum: int, maximum: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ConfigError(f"{name} must be a whole number (got {raw!r})") from None
    if not minimum <= value <= maximum:
        raise ConfigError(f"{name} must be from {minimum:,} to {maximum:,} (got {value:,})")
    return value


def public_url(name: str) -> str:
    """The address people use to reach nextround ("https://jobs.example.org"), without a trailing slash."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return ""
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{name} must be an address such as https://jobs.example.org (got {raw!r})")
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username:
        raise ConfigError(
            f"{name} must be just the scheme and host, such as https://jobs.example.org (got {raw!r})"
        )
    return f"{parts.scheme}://{parts.netloc}"


def env_time_zone(name: str, default: str) -> str:
    raw = os.environ.get(name, default).strip()
    try:
        zoneinfo.ZoneInfo(raw)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"{name} must be an IANA time zone such as Europe/Berlin (got {raw!r})") from None
    return raw


def data_dir() -> Path:
    raw = os.environ.get("NEXTROUND_DATA_DIR")
    path = Path(raw).expanduser() if raw else Path(platformdirs.user_data_dir("nextround", appauthor=False))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"NEXTROUND_DATA_DIR: cannot create {path} ({exc.strerror})") from None
    return path


def secret_key(directory: Path) -> str:
    """The key from NEXTROUND_SECRET_KEY, else one generated once and kept in the data directory."""
    raw = os.environ.get("NEXTROUND_SECRET_KEY")
    if raw is not None:
        if len(raw.strip()) < 32:
            raise ConfigError("NEXTROUND_SECRET_KEY must be at least 32 characters long")
        return raw.strip()
    key_file = directory / "secret_key"
    if not key_file.exists():
        # O_EXCL: two processes starting at once must not both write a key.
        try:
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
        except FileExistsError:
            pass
        except OSError as exc:
            raise ConfigError(
                f"NEXTROUND_DATA_DIR: cannot write the secret key in {directory} ({exc.strerror})"
            ) from None
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(50))
    try:
        return key_file.read_text().strip()
    except OSError as exc:
        raise ConfigError(
            f"NEXTROUND_DATA_DIR: cannot read the secret key in {directory} ({exc.strerror})"
        ) from None


def database_config(directory: Path) -> dict:
    import dj_database_url

    raw = os.environ.get("DATABASE_URL")
    if raw is None or not raw.strip():
        config = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(directory / "nextround.sqlite3")}
    else:
        try:
            config = dj_database_url.parse(raw.strip(), conn_max_age=60, conn_health_checks=True)
        except ValueError as exc:
            raise ConfigError(f"DATABASE_URL is not a database URL nextround understands ({exc})") from None
        engine = config.get("ENGINE", "")
        if engine not in ("django.db.backends.sqlite3", "django.db.backends.postgresql"):
            raise ConfigError(f"DATABASE_URL must point to SQLite or PostgreSQL (got {engine or raw!r})")
        if engine == "django.db.backends.sqlite3":
            config.pop("CONN_HEALTH_CHECKS", None)
            config["CONN_MAX_AGE"] = 0
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets the web server read while the CLI writes; the busy timeout waits instead of failing.
        config["OPTIONS"] = {
            "timeout": env_int("NEXTROUND_SQLITE_BUSY_SECONDS", 20, minimum=1, maximum=600),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        }
    return config
