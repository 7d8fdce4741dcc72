"""Counting in Redis (RANKINGS_RECORDER=redis): one script, one round trip, no SQL.

The script checks that the article is live, that this is the reader's first read
in the window and that the address is under its cap, marks both, and adds one to
the hour's hash, which `manage.py flush_views` moves into the buckets (flush.py).

Whether an article is live comes from a sorted set of article id -> publication
timestamp, holding every published article, scheduled ones included: the script
compares the timestamp with now, so a scheduled article counts from its time with
nothing run. The set is kept current after each commit that changes an article
(receivers.py); Redis keeps nothing on disk, so a missing set is rebuilt from the
database by one request under a lock, never read as "nothing is live". It also
expires hourly, which bounds how long a change Redis missed can go unseen.
"""

import functools
import logging

import redis
from django.conf import settings

from articles.models import Article

from .buckets import hour_of

logger = logging.getLogger(__name__)

HITS_PREFIX = "rankings:hits:"
MARKER_PREFIX = "rankings:seen:"
LIVE = "rankings:live"
LIVE_BUILD = "rankings:live:build"
LIVE_LOCK = "rankings:live:lock"
LIVE_CHANGES = "rankings:live:changes"
LIVE_LIFETIME = 3600
# A member no article id can be: the set exists, even with no article live.
BUILT = "built"
NOT_BUILT = -1

# KEYS: live set, reader marker, address counter[, hour hash].
# ARGV: article id, now, repeat window, cap, "1" when the caller has checked liveness.
COUNT_READ = """
if ARGV[5] ~= "1" then
  local published = redis.call("ZSCORE", KEYS[1], ARGV[1])
  if not published then
    if redis.call("EXISTS", KEYS[1]) == 0 then return -1 end
    return 0
  end
  if tonumber(published) > tonumber(ARGV[2]) then return 0 end
end
if redis.call("EXISTS", KEYS[2]) == 1 then return 0 end
if tonumber(redis.call("GET", KEYS[3]) or "0") >= tonumber(ARGV[4]) then return 0 end
redis.call("SET", KEYS[2], 1, "EX", ARGV[3])
if redis.call("INCR", KEYS[3]) == 1 then redis.call("EXPIRE", KEYS[3], ARGV[3]) end
if KEYS[4] then redis.call("HINCRBY", KEYS[4], ARGV[1], 1) end
return 1
"""

# KEYS: live set, build, changes. ARGV: the change count read before the database was.
SWAP_BUILT_SET = """
if (redis.call("GET", KEYS[3]) or "0") ~= ARGV[1] then
  redis.call("DEL", KEYS[2])
  return 0
end
redis.call("RENAME", KEYS[2], KEYS[1])
redis.call("EXPIRE", KEYS[1], ARGV[2])
return 1
"""

# KEYS: live set, changes. ARGV: n, then n (id, timestamp) pairs to add, then ids to remove.
UPDATE_LIVE = """
redis.call("INCR", KEYS[2])
if redis.call("EXISTS", KEYS[1]) == 0 then return 0 end
local adds = tonumber(ARGV[1])
for i = 0, adds - 1 do
  redis.call("ZADD", KEYS[1], ARGV[3 + 2 * i], ARGV[2 + 2 * i])
end
for i = 2 + 2 * adds, #ARGV do
  redis.call("ZREM", KEYS[1], ARGV[i])
end
return 1
"""


@functools.cache
def redis_client():
    return redis.Redis.from_url(
        settings.RANKINGS_REDIS_URL,
        socket_timeout=settings.RANKINGS_REDIS_TIMEOUT,
        socket_connect_timeout=settings.RANKINGS_REDIS_TIMEOUT,
        decode_responses=True,
    )


@functools.cache
def _script(source):
    return redis_client().register_script(source)  # sent once, then run by its hash


def hits_key(hour):
    return f"{HITS_PREFIX}{hour:%Y%m%d%H}"


def count_in_redis(article_id, reader, address, *, now):
    """True or False as the read counted; None when Redis cannot be reached, and the
    read must go to the database. A command sent but answered too late is not
    retried anywhere: Redis may have applied it, and a view counted twice is worse
    than one lost, so it answers False."""
    keys = [LIVE, MARKER_PREFIX + reader, MARKER_PREFIX + address, hits_key(hour_of(now))]
    args = [article_id, now.timestamp(), settings.RANKINGS_REPEAT_WINDOW]
    args.append(settings.RANKINGS_READS_PER_ADDRESS)
    global _live_set_suspect
    try:
        if _live_set_suspect:
            redis_client().delete(LIVE)
            _live_set_suspect = False
        result = _script(COUNT_READ)(keys=keys, args=[*args, "0"])
        if result == NOT_BUILT:
            rebuild_live_set(redis_client())
            result = _script(COUNT_READ)(keys=keys, args=[*args, "0"])
        if result == NOT_BUILT:
            # Another request is rebuilding the set, or a change raced this rebuild:
            # ask the database this once.
            if not Article.objects.published().filter(pk=article_id).exists():
                return False
            result = _script(COUNT_READ)(keys=keys, args=[*args, "1"])
    except (redis.ConnectionError, redis.TimeoutError) as error:
        if not never_reached_redis(error):
            logger.warning("rankings: Redis answered too late; read not retried", exc_info=True)
            return False
        logger.warning("rankings: Redis unavailable; counting in the database", exc_info=True)
        return None
    return result == 1


def mark_in_redis(reader, address):
    """The repeat and cap rule alone, for the database recorder with its markers in
    Redis: True or False as the read counts, None when Redis cannot be reached."""
    keys = [LIVE, MARKER_PREFIX + reader, MARKER_PREFIX + address]
    args = [0, 0, settings.RANKINGS_REPEAT_WINDOW, settings.RANKINGS_READS_PER_ADDRESS, "1"]
    try:
        return _script(COUNT_READ)(keys=keys, args=args) == 1
    except redis.RedisError:
        logger.warning("rankings: Redis unavailable for reader markers", exc_info=True)
        return None


def never_reached_redis(error):
    """True when the command cannot have been applied: no connection was ever made.

    redis-py reports a timeout while connecting and one while waiting for an answer
    with the same exception class; only its message tells them apart.
    """
    if isinstance(error, redis.TimeoutError):
        return str(error).startswith("Timeout connecting")
    return True


def rebuild_live_set(client):
    """Build the live set from the database; False when another request holds the lock.

    Built aside and renamed into place, unless an article changed meanwhile: that
    change's receiver may have found no set to update, so the build is thrown away
    and the next read builds again.
    """
    if not client.set(LIVE_LOCK, 1, nx=True, ex=30):
        return False
    try:
        changes = client.get(LIVE_CHANGES) or "0"
        members = {BUILT: float("inf")}
        for pk, published_at in Article.objects.published_or_scheduled().values_list(
            "pk", "published_at"
        ):
            members[str(pk)] = published_at.timestamp()
        pipe = client.pipeline()
        pipe.delete(LIVE_BUILD)
        pipe.zadd(LIVE_BUILD, members)
        pipe.execute()
        swapped = client.register_script(SWAP_BUILT_SET)(
            keys=[LIVE, LIVE_BUILD, LIVE_CHANGES], args=[changes, LIVE_LIFETIME]
        )
        logger.info("rankings: live set rebuilt with %d articles", len(members) - 1)
        return bool(swapped)
    finally:
        client.delete(LIVE_LOCK)


def update_live_articles(article_ids):
    """Bring the live set up to date for these articles, after their change committed."""
    ids = {int(pk) for pk in article_ids}
    articles = Article.objects.published_or_scheduled().filter(pk__in=ids)
    live = dict(articles.values_list("pk", "published_at"))
    args = [len(live)]
    for pk, published_at in live.items():
        args += [pk, published_at.timestamp()]
    args += sorted(ids - live.keys())
    try:
        _script(UPDATE_LIVE)(keys=[LIVE, LIVE_CHANGES], args=args)
    except redis.RedisError:
        # The set may now be out of date: make the next request that reaches Redis
        # rebuild it.
        global _live_set_suspect
        logger.warning("rankings: Redis unavailable; live set to be rebuilt", exc_info=True)
        _live_set_suspect = True


# Set when this process could not pass an article change on to Redis.
_live_set_suspect = False
