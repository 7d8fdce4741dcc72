"""Who may do what to an article. The admin asks these on every path.

Reporters create articles, edit their own while they are drafts or in review,
and submit them; editors edit and publish everything. Superusers hold every
permission, so they count as editors.
"""

from .models import Article

REPORTER_EDITABLE_STATUSES = {Article.Status.DRAFT, Article.Status.REVIEW}


def can_publish(user):
    return user.has_perm("articles.publish_article")


def can_edit_any(user):
    return user.has_perm("articles.edit_any_article")


def can_edit(user, article):
    if not user.has_perm("articles.change_article"):
        return False
    if can_edit_any(user):
        return True
    return article.owner_id == user.pk and article.status in REPORTER_EDITABLE_STATUSES


def allowed_statuses(user, article=None):
    """The statuses this user may give the article, keeping the one it has."""
    if can_publish(user):
        return list(Article.Status)
    allowed = [Article.Status.DRAFT, Article.Status.REVIEW]
    if article is not None and article.status not in allowed:
        allowed.append(Article.Status(article.status))
    return allowed
