"""Demo photos drawn with Pillow: a scene per section, the same for the same seed."""

import io
import random

from PIL import Image, ImageColor, ImageDraw, ImageFilter, ImageOps

SIZE = WIDTH, HEIGHT = 1600, 900
PEOPLE = {1: "a person", 2: "two people", 3: "three people"}

# Per section: sky top, sky bottom, light, far shapes, near shapes, accent. Each scene
# gives the last four its own use (a stadium's stand, pitch and lines, say).
PALETTES = {
    "politics": "#1c2c54 #ec965c #ffdca0 #544662 #1a1626 #c42830",
    "world": "#265c7c #f2c498 #fff0c8 #606e82 #1e2838 #f0b43c",
    "business": "#122644 #d6ac60 #ffe296 #3a4860 #101624 #fad278",
    "technology": "#060a24 #3a1e6e #785aff #1e285a #0e1028 #50dcff",
    "science": "#04081a #223668 #e6c896 #283250 #0a0c18 #ffffff",
    "sports": "#3a76c8 #b8defa #ffffe6 #3c4050 #22783c #fafafa",
    "culture": "#14061e #5c1634 #ffe8aa #96182c #1e0e14 #ffc878",
    "opinion": "#5c6880 #e8c8a8 #ffecc8 #786e78 #2c2834 #ffd282",
}
CROWD = [(220, 60, 60), (240, 240, 240), (60, 90, 200), (250, 200, 60), (40, 40, 40)]


def draw_photo(section, *, seed):
    """A 1600×900 JPEG in the section's palette, the same for the same seed, and its alt text."""
    rng = random.Random(seed)
    palette = [_jitter(rng, ImageColor.getrgb(colour)) for colour in PALETTES[section].split()]
    image = ImageOps.colorize(Image.linear_gradient("L").resize(SIZE), palette[0], palette[1])
    description = SCENES[section](image, ImageDraw.Draw(image), rng, palette)
    buffer = io.BytesIO()
    # SMOOTH softens the hard, unantialiased edges that ImageDraw leaves.
    image.filter(ImageFilter.SMOOTH).save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue(), f"Illustration: {description}."


def _capitol(image, draw, rng, palette):
    _top, _bottom, sun, far, near, accent = palette
    _glow(image, (rng.randint(200, 1400), 600), 140, sun)
    _buildings(draw, rng, base=720, tallest=240, colour=far)
    # Lighter than the two figures in front of it, so they stand out.
    stone, shade = _mix(near, far, 0.35), _mix(near, far, 0.7)
    centre = rng.randint(620, 980)
    draw.rectangle([centre - 380, 500, centre + 380, 730], fill=stone)
    draw.polygon([(centre - 200, 470), (centre, 400), (centre + 200, 470)], fill=stone)
    draw.rectangle([centre - 200, 470, centre + 200, 500], fill=stone)
    for x in range(centre - 180, centre + 181, 60):
        draw.rectangle([x - 9, 510, x + 9, 720], fill=shade)
    draw.rectangle([centre - 120, 300, centre + 120, 410], fill=stone)
    draw.pieslice([centre - 130, 170, centre + 130, 430], 180, 360, fill=stone)
    draw.rectangle([centre - 14, 130, centre + 14, 180], fill=stone)
    for x in (centre - 440, centre + 440):
        draw.line([x, 730, x, 470], fill=stone, width=6)
        # A plain flag with a light canton: no real country's colours.
        draw.rectangle([x + 3, 472, x + 93, 528], fill=accent)
        draw.rectangle([x + 3, 472, x + 33, 496], fill=(245, 240, 230))
    draw.rectangle([0, 730, WIDTH, HEIGHT], fill=near)
    _people(draw, rng, 2, ground=890, colour=(10, 8, 14))
    return (
        "a domed parliament building with flags in front of it under an evening sky, "
        "two people walking in the foreground"
    )


def _waterfront(image, draw, rng, palette):
    top, _bottom, sun, far, near, accent = palette
    _glow(image, (rng.randint(200, 1400), 560), 120, sun)
    _buildings(draw, rng, base=700, tallest=330, colour=far)
    _buildings(draw, rng, base=720, tallest=220, colour=near, windows=accent)
    water = _mix(near, top, 0.5)
    draw.rectangle([0, 720, WIDTH, HEIGHT], fill=water)
    for y in range(726, HEIGHT, 14):
        ripple = _mix(water, rng.choice([sun, accent]), 0.2 + 0.3 * rng.random())
        left = rng.randint(-200, 1400)
        draw.rectangle([left, y, left + rng.randint(80, 500), y + 4], fill=ripple)
    return "a city waterfront at dusk, lights on in the buildings and reflected in the river"


def _towers(image, draw, rng, palette):
    _top, _bottom, sun, far, near, accent = palette
    _glow(image, (rng.randint(200, 1400), 420), 160, sun)
    _buildings(draw, rng, base=HEIGHT, tallest=620, colour=far)
    _buildings(draw, rng, base=HEIGHT, tallest=420, colour=near, windows=accent)
    return "office towers of a business district at sunset, with many lit windows"


def _circuit(image, draw, rng, palette):
    _top, _bottom, light, _far, near, accent = palette
    trace = _mix(accent, near, 0.45)
    for _ in range(46):
        x, y = rng.randrange(0, WIDTH, 50), rng.randrange(0, HEIGHT, 50)
        for _ in range(rng.randint(2, 5)):
            horizontal = rng.random() < 0.5
            step = rng.choice([-1, 1]) * rng.randint(2, 6) * 50
            end = (x + step, y) if horizontal else (x, y + step)
            draw.line([(x, y), end], fill=trace, width=4)
            x, y = end
        draw.ellipse([x - 8, y - 8, x + 8, y + 8], fill=accent)
    centre = (rng.randint(600, 1000), rng.randint(380, 520))
    _glow(image, centre, 260, light)
    cx, cy = centre
    for offset in range(-150, 151, 30):
        draw.line([cx + offset, cy - 220, cx + offset, cy + 220], fill=accent, width=5)
        draw.line([cx - 220, cy + offset, cx + 220, cy + offset], fill=accent, width=5)
    draw.rounded_rectangle([cx - 180, cy - 180, cx + 180, cy + 180], radius=18, fill=near)
    draw.rounded_rectangle(
        [cx - 120, cy - 120, cx + 120, cy + 120], radius=10, outline=trace, width=3
    )
    return "a glowing circuit board with a microchip at its centre"


def _observatory(image, draw, rng, palette):
    _top, _bottom, planet, far, near, stars = palette
    for _ in range(260):
        x, y, r = rng.randrange(WIDTH), rng.randrange(620), rng.choice([1, 1, 2, 3])
        draw.ellipse([x - r, y - r, x + r, y + r], fill=_mix(stars, far, rng.random() * 0.6))
    px, py = rng.randint(250, 1350), rng.randint(160, 300)
    _glow(image, (px, py), 150, planet)
    draw.ellipse([px - 90, py - 90, px + 90, py + 90], fill=planet)
    draw.ellipse([px - 170, py - 30, px + 170, py + 30], outline=_mix(planet, stars, 0.5), width=6)
    _hills(draw, rng, base=640, colour=far)
    _hills(draw, rng, base=740, colour=near)
    dome_x = rng.randint(300, 1300)
    draw.rectangle([dome_x - 70, 640, dome_x + 70, 760], fill=near)
    draw.pieslice([dome_x - 80, 570, dome_x + 80, 720], 180, 360, fill=near)
    draw.rectangle([dome_x - 10, 572, dome_x + 10, 645], fill=_mix(near, planet, 0.5))
    return "a starry night sky with a ringed planet above a hilltop observatory"


def _stadium(image, draw, rng, palette):
    _top, _bottom, light, stand, grass, lines = palette
    for x in (120, WIDTH - 120):
        draw.line([x, 560, x, 140], fill=stand, width=10)
        draw.rectangle([x - 60, 110, x + 60, 160], fill=stand)
        _glow(image, (x, 135), 110, light)
    draw.rectangle([0, 380, WIDTH, 580], fill=stand)
    for _ in range(1800):
        x, y = rng.randrange(WIDTH), rng.randrange(392, 570)
        draw.rectangle([x, y, x + 5, y + 7], fill=_mix(stand, rng.choice(CROWD), 0.6))
    for stripe in range(8):
        top, bottom = 580 + stripe * 40, 620 + stripe * 40
        shade = grass if stripe % 2 else _mix(grass, (255, 255, 255), 0.08)
        draw.polygon([(0, top), (WIDTH, top), (WIDTH, bottom), (0, bottom)], fill=shade)
    draw.line([(WIDTH // 2, 590), (WIDTH // 2, HEIGHT)], fill=lines, width=5)
    draw.ellipse([WIDTH // 2 - 220, 640, WIDTH // 2 + 220, 800], outline=lines, width=5)
    draw.line([(0, 600), (WIDTH, 600)], fill=lines, width=5)
    count = rng.choice([1, 2, 3])
    _people(draw, rng, count, ground=860, colour=(20, 24, 34))
    return f"a floodlit stadium with a packed stand behind {PEOPLE[count]} on a green pitch"


def _stage(image, draw, rng, palette):
    _top, _bottom, light, curtain, floor, warm = palette
    draw.polygon(
        [(0, 700), (WIDTH, 700), (WIDTH, HEIGHT), (0, HEIGHT)], fill=_mix(floor, warm, 0.2)
    )
    performer = rng.randint(500, 1100)
    for source in rng.sample(range(200, 1400, 150), 3):
        _beam(image, source, performer, light)
    for edge, sign in ((0, 1), (WIDTH, -1)):
        width = rng.randint(220, 300)
        draw.polygon(
            [
                (edge, 0),
                (edge + sign * width, 0),
                (edge + sign * (width - 80), HEIGHT),
                (edge, HEIGHT),
            ],
            fill=curtain,
        )
        for fold in range(40, width - 40, 45):
            draw.line(
                [(edge + sign * fold, 0), (edge + sign * (fold - 30), HEIGHT)],
                fill=_mix(curtain, floor, 0.4),
                width=8,
            )
    _figure(draw, performer, ground=780, height=340, colour=floor)
    return "a performer in silhouette on a stage lit by spotlights, between red curtains"


def _street(image, draw, rng, palette):
    _top, _bottom, sun, houses, near, lamp = palette
    _glow(image, (rng.randint(200, 1400), 520), 130, sun)
    x = -rng.randint(0, 80)
    while x < WIDTH:
        width, height = rng.randint(150, 240), rng.randint(140, 230)
        draw.rectangle([x, 720 - height, x + width, 720], fill=houses)
        draw.polygon(
            [
                (x - 10, 720 - height),
                (x + width // 2, 640 - height),
                (x + width + 10, 720 - height),
            ],
            fill=houses,
        )
        draw.rectangle([x + 30, 730 - height + 40, x + 60, 730 - height + 80], fill=lamp)
        x += width + rng.randint(20, 90)
    for tree in rng.sample(range(100, 1500, 110), 4):
        draw.rectangle([tree - 8, 600, tree + 8, 730], fill=near)
        draw.ellipse([tree - 70, 480, tree + 70, 630], fill=near)
    draw.rectangle([0, 720, WIDTH, HEIGHT], fill=_mix(near, houses, 0.3))
    _figure(draw, rng.randint(300, 1300), ground=860, height=250, colour=near)
    return "a quiet street of low houses and trees in the evening light, a person walking along it"


SCENES = {
    "politics": _capitol,
    "world": _waterfront,
    "business": _towers,
    "technology": _circuit,
    "science": _observatory,
    "sports": _stadium,
    "culture": _stage,
    "opinion": _street,
}


def _jitter(rng, colour, spread=14):
    """Nudge a colour so pictures in one section differ a little."""
    return tuple(max(0, min(255, channel + rng.randint(-spread, spread))) for channel in colour)


def _mix(colour, other, amount):
    return tuple(round(a + (b - a) * amount) for a, b in zip(colour, other, strict=True))


def _glow(image, centre, radius, colour):
    """A soft halo of light; blurred at a quarter size, which is far cheaper."""
    mask = Image.new("L", (WIDTH // 4, HEIGHT // 4))
    x, y, r = centre[0] // 4, centre[1] // 4, radius // 4
    ImageDraw.Draw(mask).ellipse([x - r, y - r, x + r, y + r], fill=190)
    mask = mask.filter(ImageFilter.GaussianBlur(r / 2)).resize(SIZE)
    image.paste(colour, (0, 0), mask)


def _beam(image, source, target, colour):
    """A spotlight from the top edge to a pool of light around `target` on the floor."""
    mask = Image.new("L", SIZE)
    ImageDraw.Draw(mask).polygon(
        [(source - 30, 0), (source + 30, 0), (target + 170, 790), (target - 170, 790)], fill=60
    )
    image.paste(colour, (0, 0), mask)


def _buildings(draw, rng, *, base, tallest, colour, windows=None):
    """A row of blocks across the picture, some windows lit when `windows` is a colour."""
    x = -rng.randint(0, 60)
    while x < WIDTH:
        width, height = rng.randint(60, 170), rng.randint(tallest // 3, tallest)
        draw.rectangle([x, base - height, x + width, base], fill=colour)
        if windows:
            for wy in range(base - height + 16, base - 20, 24):
                for wx in range(x + 10, x + width - 16, 20):
                    if rng.random() < 0.3:
                        draw.rectangle([wx, wy, wx + 8, wy + 11], fill=windows)
        x += width + rng.randint(0, 14)


def _hills(draw, rng, *, base, colour):
    points = [(0, HEIGHT)]
    for x in range(0, WIDTH + 200, 200):
        points.append((x, base - rng.randint(0, 90)))
    points.append((WIDTH, HEIGHT))
    draw.polygon(points, fill=colour)


def _people(draw, rng, count, *, ground, colour):
    """A small group side by side, as people walk or stand together."""
    x = rng.randint(250, 1350 - 160 * (count - 1))
    for _ in range(count):
        _figure(draw, x, ground=ground, height=rng.randint(250, 310), colour=colour)
        x += rng.randint(110, 160)


def _figure(draw, x, *, ground, height, colour):
    """A standing person in silhouette with feet on `ground`."""
    head, shoulders, top = height * 0.13, height * 0.27, ground - height
    hips = ground - height * 0.46
    draw.ellipse([x - head / 2, top, x + head / 2, top + head], fill=colour)
    draw.rounded_rectangle(
        [x - shoulders / 2, top + head * 1.1, x + shoulders / 2, hips],
        radius=head * 0.4,
        fill=colour,
    )
    draw.polygon(
        [
            (x - shoulders * 0.4, hips - 2),
            (x + shoulders * 0.4, hips - 2),
            (x + shoulders * 0.32, ground),
            (x + shoulders * 0.06, ground),
            (x, ground - height * 0.3),
            (x - shoulders * 0.06, ground),
            (x - shoulders * 0.32, ground),
        ],
        fill=colour,
    )
