"""axe-core on every kind of public page a reader opens, at a desktop and a phone width.

The issue allows no serious, critical or moderate violation; minor ones (best practices
that do not stop anyone reading) are let through. Each case names its page and width, and
a failure lists every violation with the first element it found, so whoever adds a page
or a fragment sees what to fix without rerunning axe by hand.

Staff pages are held to the same rule where they pass: the preview with its banner,
History, the ranking dashboard and the article list. The article form is not checked:
what axe finds there is Django's and its widgets' markup, not ours (select2 boxes and the
prose editor without a name, the bylines table's inputs with column headers instead of
labels), and the issue leaves the admin's own markup alone.

The content is made per test: pytest-django flushes the database after every test that
uses the live server, so data made once per module would be gone after the first case.
Two photos shared by all the articles keep that quick.
"""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles import views
from articles.models import Correction
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory
from tests.rankings.helpers import record_views

from .browser import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BLOCKING_IMPACTS = {"moderate", "serious", "critical"}
WIDTHS = {"desktop": 1280, "phone": 390}
SEARCH_QUERY = "東京"
AXE = Axe()
# Small pages, so the section, tag and author lists show their pagination too.
PER_PAGE = 3


def seed_newsroom():
    """A small paper as readers meet it: sections, people, photos, tags, reads, corrections.

    Returns the named objects the page addresses are made from."""
    politics = SectionFactory(
        name="Politics",
        slug="politics",
        position=1,
        description="Government, parliament and elections.",
    )
    culture = SectionFactory(
        name="Culture & Café",
        slug="culture",
        position=2,
        description="Arts, food and the city after dark.",
    )
    sato = AuthorFactory(
        name="佐藤 美咲",
        slug="sato-misaki",
        role="Tokyo correspondent",
        bio="Covers the metropolitan government and the Diet.",
    )
    zoe = AuthorFactory(name="Zoë Riley", slug="zoe-riley", role="Culture writer")
    harbour = PhotoFactory(caption="Harbour cranes at dawn in Yokohama", credit="Kim Sato")
    station = PhotoFactory(
        caption="東京駅で握手する二人の首相", alt_text="Two leaders shaking hands"
    )
    now = timezone.now()
    lead = ArticleFactory(
        headline="東京湾の新しい橋、市議会が承認 🌉",
        subheadline="The council votes 31 to 9 after a decade of debate",
        dateline="TOKYO",
        section=politics,
        summary="The bridge will link Odaiba and Shinagawa by 2031.",
        body=(
            "<p>The council voted 31 to 9 on Tuesday.</p>"
            f'<figure data-photo="{station.pk}"><figcaption>首相が握手 🤝</figcaption></figure>'
            "<blockquote><p>It is a good day for the city.</p></blockquote>"
            "<p>Café owners on the waterfront cheered.</p>"
        ),
        lead_photo=harbour,
        authors=[sato, zoe],
        tag_names=["東京", "Café"],
        published_at=now - datetime.timedelta(minutes=30),
        updated_at=now - datetime.timedelta(minutes=5),
    )
    others = [
        ArticleFactory(
            headline=headline,
            section=section,
            lead_photo=photo,
            authors=authors,
            tag_names=tags,
            published_at=now - datetime.timedelta(hours=hours),
        )
        for hours, (headline, section, photo, authors, tags) in enumerate(
            [
                ("Zoë Riley on the Café that never closes 🎉", culture, station, [zoe], ["Café"]),
                ("Diet passes the harbour budget", politics, None, [sato], ["東京"]),
                ("A night at the Kabuki-za", culture, harbour, [zoe], ["東京", "Café"]),
                ("Governor names a new deputy", politics, harbour, [sato], []),
                ("Tea houses of Yanaka reopen", culture, station, None, ["Café"]),
                ("Ramen prices rise across 東京", culture, None, [sato, zoe], ["東京"]),
            ],
            start=1,
        )
    ]
    for reads, article in enumerate([lead, *others], start=2):
        record_views(article, reads * 7)
    Correction.objects.create(
        article=lead, serious=True, text="An earlier version gave the vote as 29 to 11."
    )
    Correction.objects.create(
        article=lead,
        kind=Correction.Kind.CLARIFICATION,
        text="The bridge's name, 東京ゲート, is provisional.",
    )
    return {"lead": lead, "section": culture, "author": sato, "tag": Tag.objects.get(name="東京")}


PAGES = {
    "home": lambda seed: reverse("articles:home"),
    "section": lambda seed: seed["section"].get_absolute_url(),
    "article": lambda seed: seed["lead"].get_absolute_url(),
    "tag": lambda seed: reverse("articles:tag", args=[seed["tag"].slug]),
    "author": lambda seed: seed["author"].get_absolute_url(),
    "ranking": lambda seed: reverse("rankings:page"),
    "corrections": lambda seed: reverse("articles:corrections"),
    "search": lambda seed: f"{reverse('articles:search')}?q={SEARCH_QUERY}",
}


def page_cases():
    cases = []
    for name in PAGES:
        for width_name, width in WIDTHS.items():
            cases.append(pytest.param(name, width, id=f"{name}-{width_name}"))
    return cases


def blocking(violations):
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


def describe(violations):
    """One line per violation: what rule, how bad, where first, and its markup."""
    lines = []
    for violation in violations:
        first = violation["nodes"][0]
        markup = " ".join(first["html"].split())[:200]
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}; "
            f"{len(violation['nodes'])} element(s), first {first['target']}: {markup}"
        )
    return "\n".join(lines)


def run_axe(page):
    """axe injected once into the loaded page, its violations of every impact."""
    return AXE.run(page).response["violations"]


@pytest.mark.parametrize(("name", "width"), page_cases())
def test_public_page_has_no_moderate_or_worse_axe_violation(
    page, live_server, monkeypatch, name, width
):
    monkeypatch.setattr(views.PublishedArticlesMixin, "paginate_by", PER_PAGE)
    path = PAGES[name](seed_newsroom())
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(live_server.url + path)
    # A missing page would be checked as the 404 page and pass for the wrong reason.
    assert response.status == 200, f"{path} answered {response.status}"
    page.wait_for_load_state("load")

    violations = blocking(run_axe(page))

    assert not violations, f"axe on {name} ({path}) at {width}px:\n{describe(violations)}"


STAFF_PAGES = {
    # Who opens it, and its address. An embargoed story's preview shows the whole banner.
    "preview": ("editor", lambda seed: reverse("articles:preview", args=[seed["embargoed"].pk])),
    "article-list": ("editor", lambda seed: reverse("admin:articles_article_changelist")),
    "history": (
        "editor",
        lambda seed: reverse("admin:articles_article_history", args=[seed["lead"].pk]),
    ),
    "dashboard": ("analyst", lambda seed: reverse("admin:rankings_dashboard")),
}


def seed_desk():
    """The paper, plus what only staff see: an embargoed story and a second revision."""
    seed = seed_newsroom()
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    seed["embargoed"] = ArticleFactory(
        headline="Embargoed: 東京 Café chain to list shares 🎉",
        published_at=tomorrow,
        embargoed_until=tomorrow,
    )
    seed["lead"].headline = "東京湾の新しい橋、市議会が承認"
    seed["lead"].save()
    return seed


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("name", STAFF_PAGES)
def test_our_staff_page_has_no_moderate_or_worse_axe_violation(
    page, live_server, request, name, width
):
    role, address = STAFF_PAGES[name]
    user = request.getfixturevalue(role)
    path = address(seed_desk())
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, user, next_path=path)
    page.wait_for_url(live_server.url + path)
    page.wait_for_load_state("load")

    violations = blocking(run_axe(page))

    assert not violations, f"axe on {name} ({path}) at {width}px:\n{describe(violations)}"
