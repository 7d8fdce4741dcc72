"""The editorial desk's share of the roles: who may do what with articles.

Reporters write, Editors run the desk (sections, authors, bylines, tags, and the
users list to choose an article's owner), and every role may view articles, so a
Photo editor can preview the stories its photos run with. The photo library's share
is in `media/roles.py`; `newsroom/roles.py` merges every app's.
"""

ROLES = {
    "Reporter": [
        "articles.add_article",
        "articles.change_article",
        "articles.view_article",
        "articles.view_section",
        "articles.view_author",
    ],
    "Editor": [
        "articles.add_article",
        "articles.change_article",
        "articles.delete_article",
        "articles.view_article",
        "articles.publish_article",
        "articles.edit_any_article",
        "articles.add_section",
        "articles.change_section",
        "articles.delete_section",
        "articles.view_section",
        "articles.add_author",
        "articles.change_author",
        "articles.delete_author",
        "articles.view_author",
        "articles.add_byline",
        "articles.change_byline",
        "articles.delete_byline",
        "articles.view_byline",
        "taggit.add_tag",
        "taggit.change_tag",
        "taggit.delete_tag",
        "taggit.view_tag",
        "auth.view_user",
    ],
    "Photo editor": ["articles.view_article"],
}
