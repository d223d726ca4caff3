"""Page profiles as data: the settings file, its mistakes, the fonts it names, the CLI options."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafting.writers.artifacts import BuildContext
from drafting.cli import app
from drafting.diagnostics import DraftingError, Diagnostics
from drafting.source.load import load_valid
from drafting.writers.pdf.glyphs import check_glyphs
from drafting.writers.pdf.settings import SETTINGS_FILE, load_settings
from drafting.writers.pdf.stylesheet import Output, profile_stylesheet
from drafting.writers.pdf.documents import plan, selected_profiles
from print_support import MINI, edit, mini_copy

CONSTITUTION = Path(__file__).resolve().parent.parent / "constitution"


def _settings_copy(tmp_path: Path) -> Path:
    target = tmp_path / "print.yaml"
    shutil.copyfile(SETTINGS_FILE, target)
    return target


def test_bundled_profiles() -> None:
    settings = load_settings()
    assert {"a2", "a3", "a4"} <= set(settings.profiles)
    a2, a3, a4 = settings.profiles["a2"], settings.profiles["a3"], settings.profiles["a4"]
    assert (a2.width, a2.height, a2.columns, a2.default, a2.print_file) == ("420mm", "578mm", 5, True, True)
    assert (a3.width, a3.height, a3.columns) == ("289mm", "420mm", 3)
    assert a4.columns == 1 and a4.toc and a4.default and not a4.print_file
    assert settings.print_file.variant in ("pdf/x-1a", "pdf/x-4") and settings.print_file.icc.is_file()


def test_default_set_is_newspapers_for_kk_ru_and_a_booklet_for_all() -> None:
    work = load_valid(MINI)
    ctx = BuildContext(MINI, MINI, MINI, ["kk", "ru", "en"], MINI)
    chosen = [(p.name, langs) for p, langs in selected_profiles(work, ctx, load_settings())]
    assert chosen == [("a2", ["kk", "ru"]), ("a4", ["kk", "ru", "en"])]
    ctx.options["pages"] = ["a3"]
    assert [(p.name, langs) for p, langs in selected_profiles(work, ctx, load_settings())] == \
        [("a3", ["kk", "ru", "en"])]
    ctx.options["pages"] = ["a5"]
    with pytest.raises(DraftingError, match="unknown page profile"):
        selected_profiles(work, ctx, load_settings())


def test_stylesheet_from_a_profile() -> None:
    settings = load_settings()
    css = profile_stylesheet(settings, settings.profiles["a3"], Output(print_file=True, bleed="9.00mm"))
    assert "size: 289mm 420mm" in css and "column-count: 3" in css and "bleed: 9.00mm" in css
    assert "@color-profile device-cmyk { components: cyan, magenta, yellow, black;" in css
    assert css.count("@font-face") == 8 and "PTF55F.ttf" in css
    screen = profile_stylesheet(settings, settings.profiles["a3"], Output())
    assert "bleed" not in screen and "@color-profile" not in screen


def test_mistakes_are_diagnostics_with_lines(tmp_path: Path) -> None:
    path = _settings_copy(tmp_path)
    edit(path, "    columns: 5\n", "    columns: six\n")
    edit(path, "    bold: /usr/share/fonts/truetype/paratype/PTS75F.ttf", "    bold: /nowhere/PTS75F.ttf")
    with pytest.raises(DraftingError) as caught:
        load_settings(path)
    found = {(d.code, d.line) for d in caught.value.diagnostics}
    lines = path.read_text(encoding="utf-8").splitlines()
    assert ("F203", lines.index("    columns: six") + 1) in found


def test_missing_font_file_names_the_setup(tmp_path: Path) -> None:
    path = _settings_copy(tmp_path)
    edit(path, "    bold: /usr/share/fonts/truetype/paratype/PTS75F.ttf", "    bold: /nowhere/PTS75F.ttf")
    edit(path, "fonts: {text: PT Serif, headings: PT Sans}\n    font-size: 8.5pt",
         "fonts: {text: Comic, headings: PT Sans}\n    font-size: 8.5pt")
    with pytest.raises(DraftingError) as caught:
        load_settings(path)
    messages = {d.code: d.message for d in caught.value.diagnostics}
    assert "scripts/setup.sh" in messages["P701"] and "Comic" in messages["P703"]


def test_bad_yaml(tmp_path: Path) -> None:
    path = tmp_path / "print.yaml"
    path.write_text("fonts: [\n", encoding="utf-8")
    with pytest.raises(DraftingError) as caught:
        load_settings(path)
    assert caught.value.diagnostics[0].code == "F201"


@pytest.mark.parametrize("source", [MINI, CONSTITUTION])
def test_every_character_of_the_sources_has_a_glyph(source: Path) -> None:
    work = load_valid(source)  # the bundled sources pass 'drafting check' (a test of its own says so too)
    settings = load_settings()
    diags = Diagnostics()
    check_glyphs(work, work.meta.codes, list(settings.profiles.values()), settings, diags)
    assert not diags.items, diags.items[:5]


def test_a_character_without_glyph_is_reported_at_its_line(tmp_path: Path) -> None:
    source = mini_copy(tmp_path)
    edit(source / "02-rights" / "004-rights-2.ru.md", "вторая мера.", "вторая мера \U0001F600 ꙮ.")
    work = load_valid(source)
    settings = load_settings()
    diags = Diagnostics()
    check_glyphs(work, ["ru"], [settings.profiles["a4"]], settings, diags)
    found = sorted((d.code, Path(d.path).name, d.line, d.message[:23]) for d in diags.items)
    assert found == [("P705", "004-rights-2.ru.md", 8, "character 'ꙮ' (U+A66E C"),
                     ("P705", "004-rights-2.ru.md", 8, "character '😀' (U+1F600 ")]
    assert "character 'ꙮ' (U+A66E CYRILLIC LETTER MULTIOCULAR O) has no glyph in the print fonts (PTS55F.ttf, PTS56F.ttf, PTS75F.ttf, PTS76F.ttf, PTF55F.ttf, PTF56F.ttf, PTF75F.ttf, PTF76F.ttf): it would print as a box or in another font" in {d.message for d in diags.items}  # noqa: E501


def test_cli_options_reach_the_writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    def fake_build(source: Path, out: Path, kinds: list[str] | None, languages: list[str] | None,
                   options: dict[str, object], progress: object) -> list[dict[str, object]]:
        seen.update(options, kinds=kinds, languages=languages)
        return []

    monkeypatch.setattr("drafting.writers.artifacts.build", fake_build)
    result = CliRunner().invoke(app, ["build", str(MINI), "--only", "pdf", "--lang", "kk", "--page", "a3",
                                      "--bleed", "5mm", "--no-marks", "--print-settings", str(SETTINGS_FILE)])
    assert result.exit_code == 0, result.output
    assert seen == {"pages": ["a3"], "bleed": "5mm", "marks": False, "print_settings": SETTINGS_FILE,
                    "kinds": ["pdf"], "languages": ["kk"]}
    bad = CliRunner().invoke(app, ["build", str(MINI), "--bleed", "lots"])
    assert bad.exit_code == 2 and "--bleed lots" in bad.output


def test_bleed_and_marks_options_shape_the_job() -> None:
    work = load_valid(MINI)
    ctx = BuildContext(MINI, MINI, MINI, ["kk"], MINI, {"pages": ["a2"], "bleed": "5mm", "marks": False})
    [job] = plan(work, ctx, load_settings())
    assert job.print_file is not None and job.print_file.bleed_mm == 5 and not job.print_file.marks
    assert "bleed: 5.00mm" in job.css[0]


def _with_icc(tmp_path: Path, icc: str) -> Path:
    path = _settings_copy(tmp_path)
    edit(path, "icc: /usr/share/color/icc/ghostscript/default_cmyk.icc", f"icc: {icc}")
    return path


def _icc_messages(path: Path) -> list[tuple[str, int, str]]:
    with pytest.raises(DraftingError) as caught:
        load_settings(path)
    return [(d.code, d.line, d.message) for d in caught.value.diagnostics]


def test_a_missing_icc_profile_is_named_with_its_line(tmp_path: Path) -> None:
    path = _with_icc(tmp_path, "/nowhere/newsprint.icc")
    line = path.read_text(encoding="utf-8").splitlines().index("    icc: /nowhere/newsprint.icc") + 1
    # the exact message on one line: tests/emitted_codes.py looks for it written out in full
    message = "ICC profile /nowhere/newsprint.icc is not installed: run scripts/setup.sh, or name the print shop's own CMYK profile"  # noqa: E501
    assert _icc_messages(path) == [("P702", line, message)]


def test_an_icc_profile_that_is_not_a_cmyk_output_profile_is_refused(tmp_path: Path) -> None:
    not_icc = tmp_path / "notes.icc"
    not_icc.write_text("a shop's e-mail saved under the wrong name\n" * 5, encoding="utf-8")
    cut = tmp_path / "cut.icc"
    cut.write_bytes(Path("/usr/share/color/icc/ghostscript/default_cmyk.icc").read_bytes()[:4096])
    found = {}
    for icc in (not_icc, cut, Path("/usr/share/color/icc/ghostscript/srgb.icc")):
        folder = tmp_path / icc.stem
        folder.mkdir()
        [(code, _, message)] = _icc_messages(_with_icc(folder, str(icc)))
        found[icc.name] = (code, message)
    assert found["notes.icc"] == ("P706", f"ICC profile {not_icc} cannot be the output intent: it is not an ICC "
                                          "profile (no 'acsp' signature in its header)")
    size = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc").stat().st_size
    assert found["cut.icc"] == ("P706", f"ICC profile {cut} cannot be the output intent: it is cut short (the "
                                        f"header says {size} bytes, the file has 4096)")
    srgb = "ICC profile /usr/share/color/icc/ghostscript/srgb.icc cannot be the output intent: its colour space is RGB, not CMYK (a newspaper press prints CMYK)"  # noqa: E501
    assert found["srgb.icc"] == ("P706", srgb)


def test_the_icc_profiles_description_is_read_from_the_profile() -> None:
    from drafting.writers.pdf.iccprofile import icc_description

    assert icc_description(Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")) == "Artifex CMYK SWOP Profile"
    assert icc_description(Path("/nowhere.icc")) == "nowhere.icc"
