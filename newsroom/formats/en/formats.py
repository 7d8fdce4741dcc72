"""How the admin and the site write dates and times in English.

With localisation always on, a locale's formats win over the DATETIME_FORMAT setting,
so the newsroom's own come from this module (FORMAT_MODULE_PATH): every time Django
writes by itself (readonly fields, lists, the History page) then reads like the
public site's, in the newsroom's zone with its abbreviation.
"""

# "17:25 JST, April 4, 2025": the zone is the one the time is shown in, never the browser's.
DATETIME_FORMAT = "H:i T, F j, Y"
DATE_FORMAT = "F j, Y"
