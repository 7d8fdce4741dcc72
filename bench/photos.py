"""Accepting a 24-megapixel camera JPEG: time and peak memory, upload to renditions.

    .venv/bin/python bench/photos.py

Draws a 6000x4000 photo-like JPEG (noise over gradients, so it compresses like a
photograph), then, each in a fresh process so that one step's peak cannot hide
another's, times the upload check and clean-up (decode, turn upright, re-encode
without metadata) and the making of every rendition, printing the growth of the
process's peak resident memory over what it held before the step. Works in a
temporary folder and database, removed at the end.
"""

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def peak_mb():
    """This process's peak resident memory. VmHWM starts afresh at exec, unlike
    ru_maxrss, which Linux carries over from the parent."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def draw(scratch, size=(6000, 4000)):
    from PIL import Image, ImageChops

    gradient = Image.linear_gradient("L").resize(size)
    noise = Image.effect_noise(size, 48)
    red = ImageChops.add(gradient, noise, scale=1.6)
    green = ImageChops.add(gradient.transpose(Image.Transpose.ROTATE_180), noise, scale=1.8)
    blue = ImageChops.multiply(gradient, noise)
    path = scratch / "input.jpg"
    Image.merge("RGB", (red, green, blue)).save(path, format="JPEG", quality=92)
    print(f"input: 6000x4000 JPEG, {path.stat().st_size / 1e6:.1f} MB")


def accept(scratch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from media.processing import clean_image

    data = (scratch / "input.jpg").read_bytes()
    before = peak_mb()
    started = time.perf_counter()
    cleaned = clean_image(SimpleUploadedFile("DSC_0001.jpg", data))
    elapsed = time.perf_counter() - started
    (scratch / "cleaned.jpg").write_bytes(cleaned.file.read())
    print(
        f"accept (check, decode, turn, re-encode): {elapsed:.2f} s, "
        f"peak memory {peak_mb():.0f} MB (+{peak_mb() - before:.0f} MB for the step)"
    )


def render(scratch):
    from django.core.files import File
    from django.core.management import call_command

    from media.models import Photo
    from media.renditions import make_renditions

    call_command("migrate", verbosity=0)
    with open(scratch / "cleaned.jpg", "rb") as file:
        photo = Photo.objects.create(
            image=File(file, name="cleaned.jpg"), content_hash="0" * 64, alt_text="-", credit="-"
        )
    before = peak_mb()
    started = time.perf_counter()
    made = make_renditions(photo)
    elapsed = time.perf_counter() - started
    print(
        f"renditions: {made} files in {elapsed:.2f} s, "
        f"peak memory {peak_mb():.0f} MB (+{peak_mb() - before:.0f} MB for the step)"
    )


def step(name, scratch):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "MEDIA_ROOT": str(scratch / "media"),
        "DATABASE_URL": f"sqlite:///{scratch / 'bench.sqlite3'}",
    }
    subprocess.run([sys.executable, __file__, name, str(scratch)], env=env, check=True, cwd=ROOT)


def main():
    # Every step runs in a fresh process, so one step's peak cannot hide another's.
    scratch = Path(tempfile.mkdtemp(prefix="newsroom-bench-photos-"))
    try:
        for name in ("draw", "accept", "render"):
            step(name, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) == 3:
        import django

        django.setup()
        {"draw": draw, "accept": accept, "render": render}[sys.argv[1]](Path(sys.argv[2]))
    else:
        main()
