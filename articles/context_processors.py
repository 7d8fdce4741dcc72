from django.conf import settings

from .models import Section


def sections(request):
    """The navigation's sections and the paper's name, on every page."""
    return {
        "nav_sections": Section.objects.only("name", "slug"),
        "newsroom_name": settings.NEWSROOM_NAME,
    }
