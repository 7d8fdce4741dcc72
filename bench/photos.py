"""Accepting a 24-megapixel camera JPEG: time and peak memory, upload to renditions.

    .venv/bin/python bench/photos.py

Draws a 6000x4000 photo-like JPEG (noise over gradients, so it compresses like a
photograph), then times the upload check and clean-up (decode, turn upright,
re-encode without metadata) and the making of every rendition, and prints the
process's peak resident memory after each step. Files go to a temporary MEDIA_ROOT.
"""

import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.test_settings"
SCRATCH = Path(tempfile.mkdtemp(prefix="newsroom-bench-photos-"))
os.environ["MEDIA_ROOT"] = str(SCRATCH)
os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH / 'bench.sqlite3'}"


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def camera_jpeg(size=(6000, 4000)):
    from PIL import Image, ImageChops

    gradient = Image.linear_gradient("L").resize(size)
    noise = Image.effect_noise(size, 48)
    red = ImageChops.add(gradient, noise, scale=1.6)
    green = ImageChops.add(gradient.transpose(Image.Transpose.ROTATE_180), noise, scale=1.8)
    blue = ImageChops.multiply(gradient, noise)
    buffer = io.BytesIO()
    Image.merge("RGB", (red, green, blue)).save(buffer, format="JPEG", quality=92)
    return buffer.getvalue()


def drawn_in_another_process():
    """The test photo, drawn where its drawing does not count towards our peak memory."""
    import subprocess

    path = SCRATCH / "input.jpg"
    subprocess.run([sys.executable, __file__, "--draw", str(path)], check=True, cwd=ROOT)
    return path.read_bytes()


def main():
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command

    from media import renditions
    from media.models import Photo
    from media.processing import clean_image

    call_command("migrate", verbosity=0)
    data = drawn_in_another_process()
    baseline = peak_mb()
    print(f"input: 6000x4000 JPEG, {len(data) / 1e6:.1f} MB; peak memory so far {baseline:.0f} MB")

    started = time.perf_counter()
    cleaned = clean_image(SimpleUploadedFile("DSC_0001.jpg", data))
    accepted = time.perf_counter() - started
    print(
        f"accept (check, decode, re-encode): {accepted:.2f} s, "
        f"peak memory {peak_mb():.0f} MB (+{peak_mb() - baseline:.0f} MB)"
    )

    photo = Photo.objects.create(
        image=cleaned.file, content_hash=cleaned.content_hash, alt_text="Bench", credit="Bench"
    )
    before = peak_mb()
    started = time.perf_counter()
    made = renditions.make_renditions(photo)
    rendered = time.perf_counter() - started
    print(
        f"renditions: {made} files in {rendered:.2f} s, "
        f"peak memory {peak_mb():.0f} MB (+{peak_mb() - before:.0f} MB over the accept)"
    )
    print(f"total: {accepted + rendered:.2f} s")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--draw"]:
        Path(sys.argv[2]).write_bytes(camera_jpeg())
    else:
        main()
