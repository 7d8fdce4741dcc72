"""Demo content for `manage.py seed_demo`.

Everything here is fiction written for this project: the people, companies, teams
and parties do not exist. `texts` holds the copy, `stories` assembles articles from
it with one seeded random generator (every run makes the same slugs and text; only
the dates follow the clock), and `drawing` draws their photos with Pillow.
"""
