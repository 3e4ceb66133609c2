"""One settings file; every value comes from the environment (see nextround.config)."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from csp.constants import NONE, SELF

from nextround import config

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = config.data_dir()

SECRET_KEY = config.secret_key(DATA_DIR)
DEBUG = config.env_bool("NEXTROUND_DEBUG", False)
# Where people reach nextround when it is not only on this machine ("https://jobs.example.org"); behind an
# HTTPS reverse proxy this switches on secure cookies, HSTS and the proxy's headers (docs/security.md).
PUBLIC_URL = config.public_url("NEXTROUND_PUBLIC_URL")
LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
PUBLIC_HOSTS = [urlsplit(PUBLIC_URL).hostname] if PUBLIC_URL else []
ALLOWED_HOSTS = config.env_list("NEXTROUND_ALLOWED_HOSTS", LOCAL_HOSTS + PUBLIC_HOSTS)
CSRF_TRUSTED_ORIGINS = [PUBLIC_URL] if PUBLIC_URL else []
BEHIND_HTTPS_PROXY = PUBLIC_URL.startswith("https://")
# The address of the reverse proxy whose X-Forwarded-* headers waitress believes (`nextround serve`).
TRUSTED_PROXY = config.env_str("NEXTROUND_TRUSTED_PROXY", "127.0.0.1" if BEHIND_HTTPS_PROXY else "")
TIME_ZONE = config.env_time_zone("NEXTROUND_TIME_ZONE", "UTC")
USE_TZ = True
LANGUAGE_CODE = "en"
USE_I18N = False

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "csp",
    "axes",
    "nextround.core",
    "nextround.tracker",
    "nextround.playbook",
    "nextround.checker.web",
    "nextround.transfer",
    "nextround.insights",
    "nextround.mail",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "nextround.core.middleware.UserTimeZoneMiddleware",
    "nextround.core.middleware.DatabaseBusyMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "nextround.urls"
WSGI_APPLICATION = "nextround.wsgi.application"

FORM_RENDERER = "nextround.core.rendering.SiteFormRenderer"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nextround.core.context_processors.navigation",
            ],
            "builtins": ["django_htmx.templatetags.django_htmx"],
        },
    }
]

DATABASES = {"default": config.database_config(DATA_DIR)}
# IMAP sync checks the mail server's certificate against the system's authorities, or this file's.
MAIL_IMAP_CA_FILE = config.env_str("NEXTROUND_IMAP_CA_FILE", "")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling (django-axes): after NEXTROUND_LOGIN_ATTEMPTS wrong passwords for one account, or from one
# address, logging in there pauses for NEXTROUND_LOGIN_COOLOFF_MINUTES (even with the right password).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = config.env_int("NEXTROUND_LOGIN_ATTEMPTS", 5, minimum=1, maximum=1000)
AXES_COOLOFF_TIME = timedelta(
    minutes=config.env_int("NEXTROUND_LOGIN_COOLOFF_MINUTES", 15, minimum=1, maximum=7 * 24 * 60)
)
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "nextround.core.views.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # failed attempts are kept; nobody's successful logins are recorded
AXES_VERBOSE = False
# The client's address is REMOTE_ADDR alone: waitress puts the proxy's X-Forwarded-For there when it trusts
# the proxy, and a header anyone can send must not choose which address a failure counts against.
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "tracker:dashboard"
LOGOUT_REDIRECT_URL = "login"

STATIC_URL = "/static/"
STATIC_ROOT = None  # nothing is collected: whitenoise serves from the installed packages
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve straight from the installed packages: nothing to collect, so `nextround serve` just works.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# Vendored scripts carry their version in their name (echarts-6.1.0.min.js) and ship with a gzipped copy
# next to them, so browsers may keep them for a year and receive them compressed (docs/decisions.md).
WHITENOISE_IMMUTABLE_FILE_TEST = r"/vendor/.+-\d+\.\d+\.\d+[^/]*$"

# Imports started on the web page run in a thread and the page shows their progress (transfer/jobs.py).
IMPORTS_IN_BACKGROUND = True
# A running import not heard from for this long is over (its process was stopped or killed): the page says
# so, and the account may import again.
IMPORT_STALE_SECONDS = config.env_int("NEXTROUND_IMPORT_STALE_SECONDS", 120, minimum=2, maximum=24 * 3600)

# The calendar feed lists open items due from this many days ago to this many days ahead (the settings page
# says so): calendar apps fetch it every few minutes, and a year of old steps would be sent every time.
CALENDAR_FEED_DAYS_BACK = 60
CALENDAR_FEED_DAYS_AHEAD = 180

# Uploads (imports) are streamed to disk past this size rather than held in memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if BEHIND_HTTPS_PROXY:
    # waitress believes X-Forwarded-Proto only from TRUSTED_PROXY and drops it from anyone else, so Django
    # may read it to know the visitor's connection was HTTPS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # health checks often come from the proxy's host over HTTP
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    YEAR = 365 * 24 * 3600
    SECURE_HSTS_SECONDS = config.env_int("NEXTROUND_HSTS_SECONDS", YEAR, minimum=0, maximum=2 * YEAR)
    # Subdomains and the browsers' preload list concern the whole domain, not nextround: the owner decides.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = config.env_bool("NEXTROUND_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = config.env_bool("NEXTROUND_HSTS_PRELOAD", False)
    SILENCED_SYSTEM_CHECKS = [
        check
        for check, chosen in (
            ("security.W005", SECURE_HSTS_INCLUDE_SUBDOMAINS),
            ("security.W021", SECURE_HSTS_PRELOAD),
        )
        if not chosen
    ]

# Scripts, styles and images from this site only: no inline script or style, so an injected tag does nothing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
