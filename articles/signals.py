"""Signals for apps that build on articles; articles itself never imports them.

Django's post_save and post_delete cover single articles. Writes that change many
at once with one UPDATE (the publish and unpublish actions) send articles_changed.
"""

from django.dispatch import Signal

# Sent inside the writing transaction with article_ids, the articles it may have
# changed; a receiver that acts on the new state waits for the commit.
articles_changed = Signal()
