"""Settings for Newsroom.

Two kinds. What differs per deployment (secrets, hosts, the database and Redis,
storage, cache times, the time zone, the paper's name, security and sign-in policy)
comes from the environment through `newsroom/env.py`; `.env.example` lists each
variable with its default, and a `.env` file in the project folder fills in what the
environment does not set. With DEBUG off the site refuses to start unless SECRET_KEY
and ALLOWED_HOSTS are set, so a production deployment can never run on the
local-development fallbacks below.

The rest are plain Django settings with the defaults below (labels, sizes, the
rankings' default window, the photo widths, the counting rules): a newsroom changes
them in a settings module of its own that imports this one (see the README's
"Settings"). Each app checks its own with system checks (its `checks.py`).
"""

import datetime
import zoneinfo
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django_prose_editor.config import html_tags
from dotenv import load_dotenv
from js_asset import static_lazy

from newsroom.env import env_bool, env_choice, env_int, env_list, env_str
from newsroom.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent
# Variables the environment already sets win; values are taken as written (no ${NAME}).
load_dotenv(BASE_DIR / ".env", override=False, interpolate=False)

DEBUG = env_bool("DEBUG")

SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if DEBUG:
    SECRET_KEY = SECRET_KEY or "django-insecure-local-development-only"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]"]
else:
    if not SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
    if "*" in ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's hosts, not '*'.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "newsroom.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Full-text search on PostgreSQL (articles/search/); harmless on SQLite.
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django.forms",
    "newsroom.apps.TagsConfig",
    "django_prose_editor",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "signin",
    "media",
    "articles",
    "rankings",
    "newsroom",
]

MIDDLEWARE = [
    # First: its line has every request's final status and whole duration.
    "newsroom.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session: a reader's cached page costs no more than this.
    "newsroom.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "newsroom.middleware.AdminQueryStringGuardMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "signin.middleware.SecondStepMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "articles.context_processors.sections",
            ],
        },
    },
]

# Widgets render through TEMPLATES, so templates/ can hold widget templates too.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# SQLite under var/ by default (the folder is kept in git, its contents are not);
# DATABASE_URL (postgres://...) in production.
VAR_DIR = BASE_DIR / "var"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions and WAL let concurrent requests queue for the write
    # lock instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # A database host that does not answer fails a request (and /healthz) in seconds,
    # not after the system's TCP timeout of minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

# Covering indexes speed up rankings on PostgreSQL; SQLite ignores the extra columns.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache in Redis when REDIS_URL is set, shared by every app process; without
# it, per process. (The ranking's own Redis state follows RANKINGS_REDIS_URL below.)
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, failing fast while Redis is down (newsroom/cache.py).
            "BACKEND": "newsroom.cache.FailFastRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsroom",
            # A Redis that hangs must not hang pages: give up quickly.
            "OPTIONS": {"socket_timeout": 0.5, "socket_connect_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The full-page cache for anonymous readers (newsroom/pagecache.py): how long a page
# is fresh (0 turns the cache off), how long a stale copy may still be served while
# one request rebuilds it, and how long a CDN or nginx in front may keep it (s-maxage).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60)
PAGE_CACHE_STALE_SECONDS = env_int("PAGE_CACHE_STALE_SECONDS", 600)
PAGE_CACHE_EDGE_SECONDS = env_int("PAGE_CACHE_EDGE_SECONDS", 5)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
USE_I18N = True
USE_TZ = True
# Times are stored in UTC and shown in the newsroom's own zone.
TIME_ZONE = env_str("NEWSROOM_TIME_ZONE", "Asia/Tokyo")
try:
    zoneinfo.ZoneInfo(TIME_ZONE)
except (zoneinfo.ZoneInfoNotFoundError, ValueError):
    raise ImproperlyConfigured(f"NEWSROOM_TIME_ZONE {TIME_ZONE!r} is not a known zone.") from None

# How times are written, in the admin and on the site alike: "17:25 JST, April 4, 2025".
FORMAT_MODULE_PATH = ["newsroom.formats"]

NEWSROOM_NAME = env_str("NEWSROOM_NAME", "The Daily Newsroom")
# Articles per page on the home, section, tag and author pages.
ARTICLES_PER_PAGE = 20
# Articles under "Related" on an article page, at most (articles/related.py).
ARTICLES_RELATED_SIZE = 4

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# The body editor's own extension (articles/fields.py BODY_EXTENSIONS): the "Photo"
# button's module, and the tags and attributes nh3 lets through for its figures
# (articles/photo_figures.py then keeps only the one form they are stored in).
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("articles/body-photo.js")],
        "extensions": {
            "BodyPhoto": html_tags(
                ["figure", "figcaption"], {"figure": ["data-photo", "data-credit"]}
            )
        },
    }
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploads live outside the source tree.
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", VAR_DIR / "media"))
# Let Django itself serve uploads: on for local development; in production the
# web server or object storage serves MEDIA_URL instead.
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=DEBUG)
# Refuse images larger than this many pixels (a decompression bomb guard) or bytes:
# what the web processes' memory and the proxy's upload limit allow.
PHOTO_MAX_PIXELS = env_int("PHOTO_MAX_PIXELS", 50_000_000)
PHOTO_MAX_BYTES = env_int("PHOTO_MAX_BYTES", 25_000_000)
# The widths photos are rendered at, for srcset (the original shape and the 16:9 card).
# After changing them, run `manage.py make_renditions`.
PHOTO_RENDITION_WIDTHS = (320, 640, 960, 1280, 1920)

# Staff sign in through the admin (see signin/ and the README's "Signing in").
LOGIN_URL = "admin:login"
# Where a sign-in lands when its `next` is missing or points off the site.
LOGIN_REDIRECT_URL = "admin:index"
AUTHENTICATION_BACKENDS = [
    # First, as django-axes asks: a locked-out username or address is refused here.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# A staff session ends after this many minutes without a request; each request renews it.
SESSION_COOKIE_AGE = env_int("STAFF_SESSION_IDLE_MINUTES", 60) * 60
SESSION_SAVE_EVERY_REQUEST = True
# Lockouts (django-axes): this many failed sign-ins for one username, or from one
# address, lock it for LOGIN_LOCKOUT_MINUTES.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "signin.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "newsroom.client.client_block"
# Two-factor sign-in (django-otp, django-otp-webauthn): who must use it.
# "publishers": whoever may publish articles or manage users; "staff": every staff
# login; "none": nobody (the local default). Anyone who has set it up uses it.
TWO_FACTOR_REQUIRED = env_choice(
    "TWO_FACTOR_REQUIRED", ("publishers", "staff", "none"), "none" if DEBUG else "publishers"
)
OTP_TOTP_ISSUER = NEWSROOM_NAME
OTP_WEBAUTHN_RP_NAME = NEWSROOM_NAME
# Passkeys belong to the host name the desk is reached at.
OTP_WEBAUTHN_RP_ID_CALLABLE = "signin.passkeys.relying_party_id"
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list(
    "PASSKEY_ORIGINS",
    CSRF_TRUSTED_ORIGINS
    or [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS if not host.startswith("[")],
)
# A passkey is a second factor here, after the password: one way in, under the lockouts.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False

# HTTPS. With DEBUG off, plain HTTP is redirected and browsers are told (HSTS) to
# come back over HTTPS only. Behind a reverse proxy that ends TLS, set
# SECURE_PROXY_SSL so Django can tell an HTTPS request (or the redirect loops).
if env_bool("SECURE_PROXY_SSL", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# A health probe speaks plain HTTP to the app itself.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
# Content Security Policy: the public site loads nothing but its own files and the
# photos' storage; no inline script or style runs there.
_media = urlsplit(MEDIA_URL)
_media_origin = [f"{_media.scheme}://{_media.netloc}"] if _media.netloc else []
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *_media_origin],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# The admin's pages (see newsroom/admin.py): the same, plus scripts and style
# sheets that carry this response's nonce (the rich text editor's import map, the
# admin's own tags), and the base style sheet the editor (tiptap) inserts itself,
# by its hash: django-prose-editor passes it no nonce. Style attributes stay
# allowed: the editor sets them as it lays out, and they cannot run code.
# tests/e2e/test_signin.py fails if an upgrade changes what the admin needs.
TIPTAP_BASE_STYLE = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE, TIPTAP_BASE_STYLE],
    "style-src-attr": [CSP.UNSAFE_INLINE],
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Human-readable lines by default; LOG_FORMAT=json for one JSON object per line,
# with a line per request (newsroom/logs.py).
LOG_FORMAT = env_choice("LOG_FORMAT", ("human", "json"), "human")
LOGGING = logging_config(log_format=LOG_FORMAT, level=env_str("LOG_LEVEL", "INFO"))

TAGGIT_CASE_INSENSITIVE = True

# Access ranking (see rankings/ and the README). Where counted reads go: "database"
# or "redis".
RANKINGS_RECORDER = env_choice("RANKINGS_RECORDER", ("database", "redis"), "database")
# Redis for the ranking's own state: repeat-reader counters, and the Redis
# recorder's hour counters. Best a database of its own, since clearing a Django
# cache empties its whole Redis database.
RANKINGS_REDIS_URL = env_str("RANKINGS_REDIS_URL", REDIS_URL)
if RANKINGS_RECORDER == "redis" and not RANKINGS_REDIS_URL:
    raise ImproperlyConfigured("RANKINGS_RECORDER=redis needs RANKINGS_REDIS_URL or REDIS_URL.")
RANKINGS_REDIS_TIMEOUT = 0.25
# How long a page's view token stays valid: longer than any cache keeps the page.
RANKINGS_TOKEN_MAX_AGE = env_int("RANKINGS_TOKEN_MAX_AGE", 6 * 3600)
# The request header (as in request.META) our own proxy puts the client address
# in, e.g. HTTP_X_FORWARDED_FOR; its last entry is used. Empty: REMOTE_ADDR.
RANKINGS_CLIENT_IP_HEADER = env_str("RANKINGS_CLIENT_IP_HEADER")
RANKINGS_CACHE_SECONDS = env_int("RANKINGS_CACHE_SECONDS", 60)
RANKINGS_HOURLY_RETENTION_DAYS = env_int("RANKINGS_HOURLY_RETENTION_DAYS", 90)
# What counts as a read, the same in every deployment: a reader's second read of an
# article within this many seconds is not counted, and at most this many reads of an
# article from one address count per window, however many user agents it shows (an
# office or a household shares one address).
RANKINGS_REPEAT_WINDOW = 30 * 60
RANKINGS_READS_PER_ADDRESS = 20
# The window of the widgets and the ranking page's first tab (a key of
# rankings/windows.py), the widgets' labels and sizes, and the ranking page's length.
RANKINGS_DEFAULT_WINDOW = "24h"
RANKINGS_SECTION_LABEL = "POPULAR ARTICLE"
RANKINGS_SITE_LABEL = "ACCESS RANKING"
RANKINGS_SECTION_SIZE = 5
RANKINGS_SITE_SIZE = 10
RANKINGS_PAGE_SIZE = 30

# Django tasks (rankings.tasks): run where they are enqueued, unless a deployment
# configures a queue backend (e.g. django-tasks-db) and a worker.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
