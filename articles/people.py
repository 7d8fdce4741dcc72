def person_name(user):
    """How the desk names a user: their full name, or their login when they have none."""
    return user.get_full_name() or user.get_username()
