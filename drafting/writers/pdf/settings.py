"""Print settings as data: fonts, the print-shop file and the page profiles.

``schemas/print.yaml`` (checked against ``schemas/print.schema.json``) names
each page profile's size, margins, columns and fonts. Every mistake is a
diagnostic with the file's line, and a font file or ICC profile that is not
installed is named with the package that provides it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafting.diagnostics import Diagnostics, DraftingError
from drafting.writers.pdf.iccprofile import icc_problem
from drafting.profile import SCHEMAS_DIR
from drafting.source.yamldoc import YamlDoc, parse_yaml, validate

SETTINGS_FILE = SCHEMAS_DIR / "print.yaml"
STYLES = ("regular", "italic", "bold", "bold-italic")


@dataclass(frozen=True)
class FontFamily:
    name: str
    files: dict[str, Path]  # style -> file


@dataclass(frozen=True)
class PrintFile:
    variant: str
    icc: Path
    condition: str
    bleed: str
    marks: bool


@dataclass(frozen=True)
class PageProfile:
    name: str
    title: str
    width: str
    height: str
    margins: dict[str, str]
    columns: int
    gap: str
    column_rule: str
    text_font: str
    heading_font: str
    font_size: str
    line_height: float
    title_size: str
    toc: bool
    heading_zone: float = 0.12
    default: bool = False
    languages: tuple[str, ...] = ()
    print_file: bool = False
    newspaper: bool = False
    accessible: bool = False


@dataclass(frozen=True)
class PrintSettings:
    path: Path
    fonts: dict[str, FontFamily]
    print_file: PrintFile
    profiles: dict[str, PageProfile] = field(default_factory=dict)

    def font_files(self) -> list[Path]:
        return [path for family in self.fonts.values() for path in family.files.values()]


def _profile(name: str, data: dict[str, Any]) -> PageProfile:
    return PageProfile(
        name=name, title=data["title"], width=data["page"]["width"], height=data["page"]["height"],
        margins=dict(data["margins"]), columns=int(data["columns"]), gap=data["gap"],
        column_rule=data.get("column-rule", "0pt"), text_font=data["fonts"]["text"],
        heading_font=data["fonts"]["headings"], font_size=data["font-size"],
        line_height=float(data["line-height"]), title_size=data["title-size"], toc=bool(data["toc"]),
        heading_zone=float(data.get("heading-zone", 0.12)),
        default=bool(data.get("default", False)), languages=tuple(data.get("languages", ())),
        print_file=bool(data.get("print-file", False)), newspaper=bool(data.get("newspaper", False)),
        accessible=bool(data.get("accessible", False)))


def _check_files(doc: YamlDoc, display: str, diags: Diagnostics) -> None:
    for family, styles in doc.data["fonts"].items():
        for style, path in styles.items():
            if not Path(path).is_file():
                diags.error(display, doc.line_of(("fonts", family, style)), "P701",
                            f"font file {path} of {family} ({style}) is not installed: run scripts/setup.sh")
    icc = doc.data["print-file"]["output-intent"]["icc"]
    icc_line = doc.line_of(("print-file", "output-intent", "icc"))
    if not Path(icc).is_file():
        diags.error(display, icc_line, "P702", f"ICC profile {icc} is not installed: run scripts/setup.sh, "
                    "or name the print shop's own CMYK profile")
    else:
        problem = icc_problem(Path(icc))
        if problem:
            diags.error(display, icc_line, "P706", f"ICC profile {icc} cannot be the output intent: {problem}")
    for name, profile in doc.data["profiles"].items():
        for role, family in profile["fonts"].items():
            if family not in doc.data["fonts"]:
                diags.error(display, doc.line_of(("profiles", name, "fonts", role)), "P703",
                            f"profile {name} names font {family!r}, which is not under 'fonts'")


def load_settings(path: Path | None = None) -> PrintSettings:
    """Read and check the settings; a DraftingError carries every problem found."""
    path = path or SETTINGS_FILE
    display = str(path)
    diags = Diagnostics()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DraftingError(f"{display}: cannot read print settings: {error}") from None
    doc = parse_yaml(text, display, 1, diags)
    if doc is not None and validate(doc, "print", display, diags):
        _check_files(doc, display, diags)
    if doc is None or diags.has_errors():
        raise DraftingError(f"{display}: the print settings have errors", diags.sorted())
    data = doc.data
    fonts = {name: FontFamily(name, {style: Path(files[style]) for style in STYLES})
             for name, files in data["fonts"].items()}
    shop = data["print-file"]
    print_file = PrintFile(shop["variant"], Path(shop["output-intent"]["icc"]), shop["output-intent"]["condition"],
                           shop["bleed"], bool(shop["marks"]))
    profiles = {name: _profile(name, values) for name, values in data["profiles"].items()}
    return PrintSettings(path, fonts, print_file, profiles)
