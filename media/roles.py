"""The photo library's share of the roles: the Photo editor manages it, Reporters
upload and browse, Editors upload and edit (deleting stays with the Photo editor)."""

ROLES = {
    "Reporter": ["media.add_photo", "media.view_photo"],
    "Editor": ["media.add_photo", "media.change_photo", "media.view_photo"],
    "Photo editor": [
        "media.add_photo",
        "media.change_photo",
        "media.delete_photo",
        "media.view_photo",
    ],
}
