"""A page profile as CSS: @font-face, @page, columns and sizes for WeasyPrint.

The shared typography is ``templates/css/print.css``; this module writes the
rules that vary by profile and by output (screen or print-shop file). Fonts
are named by their files (``@font-face``), so WeasyPrint embeds exactly the
files the settings name; a character they lack would fall back to a system
font, which the tests catch with pdffonts.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafting.writers.pdf.settings import PageProfile, PrintSettings

_FACES = {"regular": ("normal", "normal"), "italic": ("normal", "italic"),
          "bold": ("bold", "normal"), "bold-italic": ("bold", "italic")}


@dataclass(frozen=True)
class Output:
    """What a render is for: the screen PDF, or the print shop's (bleed, marks, PDF/X)."""

    print_file: bool = False
    bleed: str = "0mm"
    marks: bool = False


def font_faces(settings: PrintSettings, families: set[str]) -> list[str]:
    rules = []
    for name in sorted(families):
        family = settings.fonts[name]
        for style, path in family.files.items():
            weight, slant = _FACES[style]
            rules.append(f'@font-face {{ font-family: "{name}"; src: url("{path.as_uri()}"); '
                         f"font-weight: {weight}; font-style: {slant}; }}")
    return rules


def page_rules(profile: PageProfile, output: Output) -> list[str]:
    m = profile.margins
    bleed = f"bleed: {output.bleed}; " if output.print_file else ""
    # crop marks are drawn by WeasyPrint only over a page background
    marks = "marks: crop; " if output.print_file and output.marks else ""
    head = (f"font-family: \"{profile.heading_font}\"; font-size: 7pt; color: device-cmyk(0 0 0 1); "
            "letter-spacing: 0.03em;")
    # newspapers: the paper, the date and the issue number in the middle of every folio line
    folio = f"@top-center {{ content: string(folio); {head} }} " if profile.newspaper else ""
    return [
        f"@page {{ size: {profile.width} {profile.height}; margin: {m['top']} {m['outside']} {m['bottom']} "
        f"{m['inside']}; {bleed}{marks}background: device-cmyk(0 0 0 0); {folio}}}",
        f"@page :left {{ margin-left: {m['outside']}; margin-right: {m['inside']}; "
        f"@top-left {{ content: counter(page); {head} }} "
        f"@top-right {{ content: string(doctitle); {head} }} }}",
        f"@page :right {{ margin-left: {m['inside']}; margin-right: {m['outside']}; "
        f"@top-left {{ content: string(section); {head} }} "
        f"@top-right {{ content: counter(page); {head} }} }}",
        # the front page: the nameplate is its folio
        "@page :first { @top-left { content: none; } @top-center { content: none; } @top-right { content: none; } }",
    ]


def body_rules(profile: PageProfile) -> list[str]:
    rule = (f"column-rule: {profile.column_rule} solid device-cmyk(0 0 0 1); "
            if profile.column_rule not in ("0", "0pt", "0mm") else "")
    columns = (f".section-body, .preamble-body, .annex-body {{ column-count: {profile.columns}; "
               f"column-gap: {profile.gap}; "
               f"{rule}}}" if profile.columns > 1 else ".section-body { }")
    return [
        f"html {{ font-family: \"{profile.text_font}\"; font-size: {profile.font_size}; "
        f"line-height: {profile.line_height}; }}",
        f".masthead, .section-heading, .toc h2 {{ font-family: \"{profile.heading_font}\"; }}",
        f".masthead .title {{ font-size: {profile.title_size}; }}",
        f".nameplate .paper-name {{ font-family: \"{profile.heading_font}\"; font-size: {_scaled(profile.title_size, 1.5)}; }}",
        ".section-heading { font-size: 1.45em; }",
        columns,
    ]


# where a language's words are longer (Kazakh is agglutinative), hyphenating a little sooner keeps lines tight:
# measured on the A2 pages, kk at 15 % had 6.4 % loose lines and 17.5 % hyphenated, at 17 % 11.3 % and 14.3 %
HYPHENATE_ZONE = {"kk": "15%"}  # the rest: print.css (17 %)


def language_rules(lang: str) -> list[str]:
    """CSS for one language's pages, after the profile's (none for most languages)."""
    zone = HYPHENATE_ZONE.get(lang)
    return [f".text, .text * {{ hyphenate-limit-zone: {zone}; }}"] if zone else []


def _scaled(length: str, factor: float) -> str:
    """A CSS length (``40pt``, ``12mm``) times ``factor``, in the same unit."""
    number = length.rstrip("abcdefghijklmnopqrstuvwxyz")
    return f"{float(number) * factor:g}{length[len(number):]}"


def color_profile_rule(settings: PrintSettings) -> str:
    icc = settings.print_file.icc.as_uri()
    return ("@color-profile device-cmyk { components: cyan, magenta, yellow, black; "
            f'src: url("{icc}"); }}')


def profile_stylesheet(settings: PrintSettings, profile: PageProfile, output: Output) -> str:
    rules = font_faces(settings, {profile.text_font, profile.heading_font})
    if output.print_file:
        rules.append(color_profile_rule(settings))
    rules += page_rules(profile, output) + body_rules(profile)
    return "\n".join(rules) + "\n"
