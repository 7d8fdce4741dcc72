#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    # Writing or checking migrations serves nothing and reads no secret, so it runs
    # on the local settings rather than stopping for production ones.
    if sys.argv[1:2] == ["makemigrations"]:
        os.environ.setdefault("DEBUG", "true")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
