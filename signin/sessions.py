"""Ending a user's sessions when their access is taken away.

A password change already ends the user's other sessions: Django signs each
session with a hash of the password, and `update_session_auth_hash` keeps only
the one that made the change. Taking away a role, staff status or the account
itself does not touch the password, so those end every session of the user here.
"""

from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.utils import timezone

# Losing any of these takes access away.
ACCESS_FLAGS = ("is_active", "is_staff", "is_superuser")


def end_sessions(user_ids):
    """Delete every live session signed in as one of `user_ids`.

    Sessions do not record their user in a column, so each live one is read;
    only staff sign in, so there are few.
    """
    wanted = {str(pk) for pk in user_ids}
    doomed = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get(SESSION_KEY) in wanted
    ]
    Session.objects.filter(pk__in=doomed).delete()


def _access_lowered(sender, instance, **kwargs):
    if instance.pk is None:
        return
    before = sender.objects.filter(pk=instance.pk).values(*ACCESS_FLAGS).first()
    instance._access_lowered = before is not None and any(
        before[flag] and not getattr(instance, flag) for flag in ACCESS_FLAGS
    )


def _end_after_save(sender, instance, **kwargs):
    if getattr(instance, "_access_lowered", False):
        transaction.on_commit(lambda: end_sessions([instance.pk]))


def _groups_or_permissions_removed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_remove", "pre_clear"):
        return
    if not reverse:  # user.groups.remove(...): the instance is the user
        user_ids = [instance.pk]
    elif action == "pre_clear":  # group.user_set.clear(): everyone in it
        user_ids = list(instance.user_set.values_list("pk", flat=True))
    else:  # group.user_set.remove(users)
        user_ids = list(pk_set)
    transaction.on_commit(lambda: end_sessions(user_ids))


def connect_signals():
    User = get_user_model()
    pre_save.connect(_access_lowered, sender=User, dispatch_uid="signin.access_lowered")
    post_save.connect(_end_after_save, sender=User, dispatch_uid="signin.end_after_save")
    for relation in (User.groups.through, User.user_permissions.through):
        m2m_changed.connect(
            _groups_or_permissions_removed,
            sender=relation,
            dispatch_uid=f"signin.removed.{relation._meta.label}",
        )
