"""Revisions of articles: recording them, comparing two, restoring one.

snapshot.py says what a revision keeps, recording.py when one is made, diff.py how two
are compared, restore.py what a restore brings back and what it keeps.
"""
