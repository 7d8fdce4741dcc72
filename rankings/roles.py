"""Who may read the ranking dashboard: Analysts, and Editors too."""

ROLES = {
    "Analyst": [
        "rankings.view_rankings",
        "articles.view_article",
        "articles.view_section",
        "articles.view_author",
    ],
    "Editor": ["rankings.view_rankings"],
}
