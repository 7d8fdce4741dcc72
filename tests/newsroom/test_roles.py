"""Each app keeps its share of the roles; together they are what the migrations granted."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from newsroom.roles import every_role

pytestmark = pytest.mark.django_db

DASHBOARD_URL = reverse("admin:rankings_dashboard")


def granted_in_the_database():
    return {
        group.name: {
            f"{p.content_type.app_label}.{p.codename}"
            for p in group.permissions.select_related("content_type")
        }
        for group in Group.objects.all()
    }


def test_every_apps_roles_together_are_what_a_migrated_database_holds():
    """The data migrations froze their own lists; the apps' live lists must not drift."""
    merged = {name: set(codes) for name, codes in every_role().items()}
    assert set(merged) == {"Reporter", "Editor", "Photo editor", "Analyst"}
    assert granted_in_the_database() == merged


def test_each_role_is_kept_with_its_app():
    roles = every_role()
    assert "media.delete_photo" in roles["Photo editor"]
    assert {"media.add_photo", "articles.add_article"} <= set(roles["Reporter"])
    assert {"rankings.view_rankings", "articles.publish_article", "media.change_photo"} <= set(
        roles["Editor"]
    )
    assert "articles.view_section" in roles["Analyst"]


def test_sync_roles_gives_back_a_permission_removed_by_hand(client, editor):
    editor_group = Group.objects.get(name="Editor")
    editor_group.permissions.remove(
        Permission.objects.get(content_type__app_label="rankings", codename="view_rankings")
    )
    client.force_login(editor)
    assert client.get(DASHBOARD_URL).status_code == 403

    out = io.StringIO()
    call_command("sync_roles", stdout=out)

    assert "Editor" in out.getvalue()
    client.force_login(editor)
    assert client.get(DASHBOARD_URL).status_code == 200
    assert granted_in_the_database()["Editor"] == set(every_role()["Editor"])
