from .article import Article, ArticleQuerySet
from .authors import Author, Byline
from .body_photos import BodyPhoto
from .history import Correction, Revision
from .search import SearchDocument
from .sections import RESERVED_SECTION_SLUGS, Section

__all__ = [
    "RESERVED_SECTION_SLUGS",
    "Article",
    "ArticleQuerySet",
    "Author",
    "BodyPhoto",
    "Byline",
    "Correction",
    "Revision",
    "SearchDocument",
    "Section",
]
