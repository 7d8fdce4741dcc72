"""Settings for the test suite (pytest's DJANGO_SETTINGS_MODULE): the real settings
with test-only secrets filled in."""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_COOKIES", "false")
os.environ.setdefault("SERVE_MEDIA", "true")
# The test client and the live server speak plain HTTP.
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
# Tests sign in with force_login; tests/signin turns the production rule back on.
os.environ.setdefault("TWO_FACTOR_REQUIRED", "none")

from newsroom.settings import *  # noqa: E402, F403

TEST_DIR = Path(tempfile.mkdtemp(prefix="newsroom-test-"))  # noqa: F405
atexit.register(shutil.rmtree, TEST_DIR, ignore_errors=True)
MEDIA_ROOT = TEST_DIR / "media"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Serve static files from the apps' folders, as in development, without collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# A file, not memory, for the SQLite test database: the live server's threads then
# hold connections of their own, and concurrent requests meet SQLite's real locking.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(TEST_DIR / "test.sqlite3")}  # noqa: F405
