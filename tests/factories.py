import datetime

import factory
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from articles.models import Article, Author, Byline, Section
from media.models import Photo
from media.renditions import make_renditions

from .images import image_bytes

PASSWORD = "correct horse battery"  # every user's, to sign in as a person does


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    is_staff = True
    password = factory.django.Password(PASSWORD)


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Writer {n}")
    slug = factory.Sequence(lambda n: f"writer-{n}")


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


def staff_writer():
    """The desk's byline, "Staff writer"."""
    return Author.objects.get_or_create(
        slug="staff-writer", defaults={"name": "Staff writer", "kind": Author.Kind.DESK}
    )[0]


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo
        skip_postgeneration_save = True

    image = factory.django.FileField(
        filename="photo.jpg", data=factory.LazyFunction(lambda: image_bytes(size=(160, 90)))
    )
    content_hash = factory.Sequence(lambda n: f"{n:064x}")
    caption = "Ana Costa, left, and Bo Lind arrive for a meeting in Brussels on Thursday."
    credit = "Kim Sato / Newsroom"
    alt_text = "Two officials walking into a building"

    @factory.post_generation
    def renditions(photo, create, extracted, **kwargs):
        if create:
            make_renditions(photo)


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article from an hour ago; pass status/published_at for others."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Headline number {n}")
    slug = factory.Sequence(lambda n: f"headline-number-{n}")
    section = factory.SubFactory(SectionFactory, name="Politics", slug="politics")
    summary = "What happened, in a sentence."
    body = "<p>First paragraph.</p><p>Second paragraph.</p>"
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))

    @factory.post_generation
    def authors(article, create, extracted, **kwargs):
        # Every article saved in the admin has a byline: the desk's when none is given.
        if extracted is None:
            extracted = [staff_writer()]
        for position, author in enumerate(extracted):
            Byline.objects.create(article=article, author=author, position=position)

    @factory.post_generation
    def tag_names(article, create, extracted, **kwargs):
        if extracted:
            article.tags.add(*extracted)


def client_of(user):
    """A browser of its own, logged in as `user` (beside the test's `client`)."""
    client = Client()
    client.force_login(user)
    return client
