"""Django's Redis cache, failing fast while Redis is down.

Django's RedisCache tries to connect on every call, so during an outage each cache
call of each request waits for the connection to fail (up to socket_connect_timeout
when Redis hangs rather than refuses). Here the first failure opens a circuit
breaker: for OPEN_SECONDS every call fails at once without touching the network,
then one call tries Redis again. When Redis is back, caching resumes by itself,
with no restart. The breaker is shared by every thread of a process, per Redis.

During an outage:

- Reads (get, get_many, has_key) answer as a cold cache does: the default, {},
  False. A miss is always a safe answer, so every caller, Django's own and
  third-party ones, copes without a try block and a page is rendered from the
  database. get_or_set() returns the freshly computed value without keeping it.
- Writes (set, add, delete, incr, touch, set_many, delete_many, clear) raise
  CacheUnavailable, a redis.ConnectionError. A caller that needs its write (an
  invalidation, a lock taken with add()) must learn it did not happen; callers
  here catch it (rankings/cached.py, the page cache).

Only the connection errors trip the breaker: a Redis that answers with an error is
up, and its error goes to the caller unchanged.
"""

import functools
import logging
import threading
import time

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

OPEN_SECONDS = 1.5
UNREACHABLE = (redis.ConnectionError, redis.TimeoutError)


class CacheUnavailable(redis.ConnectionError):
    """Redis failed a moment ago; not tried again until the breaker closes."""


class Breaker:
    """Closed while Redis answers; open for OPEN_SECONDS after a connection failure.

    When the time is up one call, the probe, tries Redis while the others still fail
    at once, so with a Redis that hangs only one request per OPEN_SECONDS waits for
    the timeout. A probe that fails opens the breaker again; one that succeeds closes it.
    """

    def __init__(self):
        self.open_until = 0.0  # 0: closed
        self.lock = threading.Lock()

    def check(self):
        if not self.open_until:
            return
        with self.lock:
            now = time.monotonic()
            if now < self.open_until:
                raise CacheUnavailable("Redis cache unavailable (circuit open)")
            self.open_until = now + OPEN_SECONDS  # this call is the probe

    def succeeded(self):
        if self.open_until:
            self.open_until = 0.0
            logger.warning("Redis cache reachable again")

    def trip(self, error):
        with self.lock:
            was_closed = not self.open_until
            self.open_until = time.monotonic() + OPEN_SECONDS
        if was_closed:
            logger.warning("Redis cache unavailable; failing fast for %ss: %s", OPEN_SECONDS, error)


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(servers):
    """One breaker per Redis, shared by the cache backend instances of every thread."""
    key = tuple(servers)
    with _breakers_lock:
        return _breakers.setdefault(key, Breaker())


def _guarded(method):
    @functools.wraps(method)
    def call(self, *args, **kwargs):
        self.breaker.check()
        try:
            result = method(self, *args, **kwargs)
        except UNREACHABLE as error:
            self.breaker.trip(error)
            raise
        self.breaker.succeeded()
        return result

    return call


class FailFastRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self.breaker = breaker_for(servers)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        # Django's makes a new redis.Redis, with its table of reply handlers, on every
        # call: a good part of what a cached page costs. One per connection pool does
        # the same work; it is safe to share between threads, as the pool is.
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client

    add = _guarded(RedisCacheClient.add)
    get = _guarded(RedisCacheClient.get)
    set = _guarded(RedisCacheClient.set)
    touch = _guarded(RedisCacheClient.touch)
    delete = _guarded(RedisCacheClient.delete)
    get_many = _guarded(RedisCacheClient.get_many)
    has_key = _guarded(RedisCacheClient.has_key)
    incr = _guarded(RedisCacheClient.incr)
    set_many = _guarded(RedisCacheClient.set_many)
    delete_many = _guarded(RedisCacheClient.delete_many)
    clear = _guarded(RedisCacheClient.clear)

    @_guarded
    def ping(self):
        return self.get_client(write=True).ping()


class FailFastRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = FailFastRedisCacheClient

    def ping(self):
        """True, or a redis.ConnectionError (CacheUnavailable at once while the circuit is open)."""
        return self._cache.ping()

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except UNREACHABLE:
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except UNREACHABLE:
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except UNREACHABLE:
            return False

    def get_or_set(self, key, default, timeout=DEFAULT_TIMEOUT, version=None):
        value = self.get(key, self._missing_key, version=version)
        if value is not self._missing_key:
            return value
        if callable(default):
            default = default()
        try:
            self.add(key, default, timeout=timeout, version=version)
        except UNREACHABLE:
            return default
        # As Django's own: another process may have added its value meanwhile.
        return self.get(key, default, version=version)
