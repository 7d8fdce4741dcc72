"""django-taggit's app is called "Tags" at the desk; its label stays "taggit"."""

import pytest
from django.apps import apps
from django.urls import reverse

from newsroom.apps import NewsroomConfig

pytestmark = pytest.mark.django_db


def test_the_admin_calls_the_tags_app_tags(editor_client):
    page = editor_client.get(reverse("admin:index")).content.decode()

    assert f'href="{reverse("admin:app_list", args=["taggit"])}"' in page
    assert ">Tags</a>" in page
    assert "Taggit" not in page


def test_the_label_migrations_and_permissions_know_is_unchanged():
    tags = apps.get_app_config("taggit")
    assert tags.verbose_name == "Tags"
    assert tags.get_model("Tag")._meta.app_label == "taggit"


def test_the_project_app_is_still_the_one_that_wires_the_apps():
    assert isinstance(apps.get_app_config("newsroom"), NewsroomConfig)
