"""One upload's peak memory, whatever the file: hostile files refused, the largest accepted.

Each upload is posted to the admin's add page in a process of its own, forked from
one that has Django, a database and a logged-in client ready, so what is measured is
the upload alone: the growth of peak resident memory (VmHWM, reset in the child)
over what the process held before the post.
"""

import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PIL import Image

from media.limits import MAX_SIDE

PROJECT = Path(__file__).resolve().parents[2]
LIMIT_MB = 300

MEASURE = textwrap.dedent(
    """
    import os, sys, django
    django.setup()
    from django.core.management import call_command
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connections
    from django.test import Client
    from tests.page_forms import form_data

    call_command("migrate", verbosity=0)
    user = get_user_model().objects.create_superuser("desk", "desk@example.com", "x")
    connections.close_all()

    def status(key):
        with open("/proc/self/status") as lines:
            return next(int(l.split()[1]) // 1024 for l in lines if l.startswith(key + ":"))

    for path in sys.argv[1:]:
        pid = os.fork()
        if pid:
            os.waitpid(pid, 0)
            continue
        client = Client()
        client.force_login(user)
        page = client.get("/admin/media/photo/add/")
        data = form_data(page, form_id="photo_form", alt_text="Café", credit="東京 / Desk")
        with open(path, "rb") as file:
            data["image"] = SimpleUploadedFile(os.path.basename(path), file.read())
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")  # the peak starts again from here
        before = status("VmRSS")
        response = client.post("/admin/media/photo/add/", data)
        outcome = {302: "accepted", 200: "refused"}.get(response.status_code, "failed")
        print(os.path.basename(path), outcome, status("VmHWM") - before, flush=True)
        os._exit(0)
    """
)


def save(folder, name, image, **options):
    buffer = io.BytesIO()
    image.save(buffer, format=Image.registered_extensions()[Path(name).suffix], **options)
    (folder / name).write_bytes(buffer.getvalue())


def turned(orientation=6):
    exif = Image.Exif()
    exif[0x0112] = orientation
    return exif


def photo_like(size, mode="RGB"):
    """Gradients rather than one colour, so the encoders do real work."""
    gradient = Image.linear_gradient("L").resize(size)
    return Image.merge(
        "RGB", (gradient, gradient.transpose(Image.Transpose.ROTATE_180), gradient)
    ).convert(mode)


# name -> (what is expected, how to draw it)
FILES = {
    "thread-1x40000000.png": ("refused", lambda: Image.new("1", (1, 40_000_000))),
    "line-40000000x1.png": ("refused", lambda: Image.new("1", (40_000_000, 1))),
    "tall-1000x20000.png": ("refused", lambda: Image.new("RGB", (1000, 20_000))),
    "banner-16000x700.png": ("refused", lambda: Image.new("RGB", (16_000, 700))),
    "ribbon-12000x500.gif": ("refused", lambda: Image.new("P", (12_000, 500))),
    "ribbon-16000x600.webp": ("refused", lambda: Image.new("RGB", (16_000, 600))),
    "strip-300x9000.jpg": ("refused", lambda: Image.new("L", (300, 9_000))),
    "bomb-12000x5000.png": ("refused", lambda: Image.new("1", (12_000, 5_000))),
    "webp-8660x5770.webp": ("refused", lambda: Image.new("RGB", (8_660, 5_770))),
    "camera-50mp.jpg": ("accepted", lambda: photo_like((8_660, 5_770))),
    "camera-31mp-turned.jpg": ("accepted", lambda: photo_like((6_840, 4_560))),
    "scan-50mp-rgba.png": ("refused", lambda: photo_like((8_660, 5_770), "RGBA")),
    "scan-26mp-rgba.png": ("accepted", lambda: photo_like((6_200, 4_200), "RGBA")),
    "scan-26mp-palette.png": ("accepted", lambda: photo_like((6_200, 4_200), "P")),
    "scan-26mp-16bit.png": ("accepted", lambda: photo_like((6_200, 4_200), "L").convert("I;16")),
    "panorama-widest.png": ("accepted", lambda: photo_like((MAX_SIDE, MAX_SIDE // 20 + 1))),
    # Its crops need all its pixels: the largest picture whose renditions are made unreduced.
    "tower-1600x16383.png": ("accepted", lambda: photo_like((1_600, MAX_SIDE), "RGBA")),
    "web-12mp.webp": ("accepted", lambda: photo_like((4_320, 2_880))),
    "anim-12mp.gif": ("accepted", lambda: photo_like((4_320, 2_880), "P")),
}


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    folder = tmp_path_factory.mktemp("uploads")
    for name, (_, draw) in FILES.items():
        options = {"exif": turned()} if "turned" in name else {}
        if name.endswith(".png") and "palette" in name:
            options["transparency"] = 0
        save(folder, name, draw(), **options)
    env = {key: value for key, value in os.environ.items() if not key.startswith("REDIS")}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.settings",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        PYTHONPATH=str(PROJECT),
    )
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, *(str(folder / name) for name in FILES)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines()]
    print("\n".join(f"{name:28} {outcome:9} +{mb} MB" for name, outcome, mb in rows))
    return {name: (outcome, int(mb)) for name, outcome, mb in rows}


@pytest.mark.parametrize("name", FILES)
def test_an_upload_stays_under_the_memory_limit(measured, name):
    expected, _ = FILES[name]
    outcome, megabytes = measured[name]
    assert outcome == expected
    assert megabytes < LIMIT_MB, f"{name}: {megabytes} MB"
