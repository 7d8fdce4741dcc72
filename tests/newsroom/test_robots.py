"""/robots.txt as a crawler reads it: the desk, previews and search results kept out,
and the sitemaps named by absolute address."""

import urllib.robotparser

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def robots(client, **extra):
    response = client.get("/robots.txt", **extra)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    return response.content.decode()


def test_crawlers_are_kept_out_of_the_desk_previews_and_search(client):
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(robots(client).splitlines())
    for path in [
        "/admin/",
        "/admin/articles/article/",
        "/preview/12/",
        "/search/?q=東京",
        "/webauthn/",
    ]:
        assert not parser.can_fetch("Googlebot", f"http://testserver{path}"), path
    for path in ["/", "/politics/", "/tags/東京/", "/feed/", "/sitemap.xml", "/authors/zoe/"]:
        assert parser.can_fetch("Googlebot", f"http://testserver{path}"), path


def test_it_names_both_sitemaps_by_absolute_address_on_the_host_asked(client):
    lines = robots(client, HTTP_HOST="localhost").splitlines()
    assert lines[0] == "User-agent: *"
    sitemaps = [line.removeprefix("Sitemap: ") for line in lines if line.startswith("Sitemap:")]
    assert sitemaps == ["http://localhost/sitemap.xml", "http://localhost/sitemap-news.xml"]
    for url in sitemaps:
        response = client.get(url.removeprefix("http://localhost"))
        assert response.status_code == 200 and response["Content-Type"] == "application/xml"


def test_it_is_a_cached_public_page():
    reader = Client()
    first = reader.get("/robots.txt")
    assert "public" in first["Cache-Control"]
    assert reader.get("/robots.txt").templates == [], "the second comes from the cache"
