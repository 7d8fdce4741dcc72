"""Search over published articles: one interface, two engines (see README "Search").

    parsed = query.parse(request.GET["q"])
    articles = finder.find(parsed, section=..., start=..., end=...)

Modules: tokens (the one tokeniser), query (any string -> a safe query), documents
(what an article is found by), backends (the PostgreSQL and SQLite engines behind one
interface), finder (the search the page, the admin and the benchmark run), indexing
(kept current on every save path), snippets (highlighted excerpts), forms and views
(the /search/ page).
"""
