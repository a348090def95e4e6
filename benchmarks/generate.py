"""Generate a synthetic book scaled from the review, in several variants.

The text is the review's own paragraphs (from ``docs/``), recombined with a fixed random seed;
each ×1 of scale is one review's worth: 5 chapters, 69 notes, 5 periods, 15 events and about
25 theme passages. Variants share the text and differ only in what the benchmark compares:

``notecite``
    the edition's extension: ``notecite`` with page locators, periods, events, themes,
    timeline and thematic index;
``footcite-cached``
    the same book with ``notecite`` replaced by sphinxcontrib-bibtex's ``footcite`` (no
    locators, which ``footcite`` cannot take) and pybtex's plugin lookup cached;
``footcite``
    what authors have today: ``footcite``, stock sphinxcontrib-bibtex, no extension (and
    so no directives: their text stays as plain paragraphs);
``plain``
    no citations and no directives: the floor;
``pandoc``
    one Pandoc Markdown file with ``[@key, p. 12]`` citations, for ``pandoc --citeproc``.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ("introduction", "first-decade", "putin-bush", "obama", "conclusion")
VARIANTS = ("notecite", "footcite", "footcite-cached", "plain", "pandoc")
THEMES = {
    "arms": "Arms control",
    "nato": "NATO",
    "eurasia": "Eurasia",
    "terror": "Counter-terrorism",
    "economy": "Economic aid",
    "leaders": "Personal diplomacy",
}
CLIMATES = ("cooperation", "tension", "mixed")
NOTES_PER_REVIEW = 69


def review_paragraphs() -> list[str]:
    """The review's body paragraphs, without their notes or any markup but inline text."""
    paragraphs = []
    for name in CHAPTERS:
        lines, skipping = [], False
        for line in (ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8").splitlines():
            # Editorial notes are not the review's text; directive fences and options go.
            if line.startswith(":::{admonition}"):
                skipping = True
            elif skipping:
                skipping = line.strip() != ":::"
            elif not re.match(r"^(:::|:[a-z-]+:|#|```)", line):
                lines.append(line)
        for block in re.split(r"\n\s*\n", "\n".join(lines)):
            text = re.sub(r"\{[a-z:]+\}`[^`]*`", "", block)  # notes and other roles
            if text.strip():
                paragraphs.append(" ".join(text.split()))
    return paragraphs


def bib_keys() -> list[str]:
    return re.findall(r"^@\w+\{([^,]+),", (ROOT / "refs.bib").read_text(), re.M)


def _cite(variant: str, key: str, page: int) -> str:
    if variant == "notecite":
        return f"{{notecite}}`{key}{{p. {page}}}`"
    if variant.startswith("footcite"):
        return f"{{footcite}}`{key}`"
    if variant == "pandoc":
        return f" [@{key}, p. {page}]"
    return ""


def _with_notes(variant: str, text: str, cites: list[tuple[str, int]]) -> str:
    """Put the citations at sentence ends, in order."""
    sentences = re.split(r"(?<=[.!?])\s+", text)
    slots = sorted(random.sample(range(len(sentences)), min(len(cites), len(sentences))))
    for slot, (key, page) in zip(slots, cites, strict=False):
        sentence = sentences[slot]
        end = len(sentence) - 1 if sentence[-1:] in ".!?" else len(sentence)
        sentences[slot] = sentence[:end] + _cite(variant, key, page) + sentence[end:]
    return " ".join(sentences)


def chapter(variant: str, number: int, paragraphs: list[str], keys: list[str]) -> str:
    """One synthetic chapter: a period, three events, notes, and theme passages."""
    rng = random.Random(number)
    random.seed(number)
    start = 1900 + number % 100
    # The stock-footcite book is what authors have without the extension: no directives.
    directives = variant in ("notecite", "footcite-cached")
    out = [f"# Chapter {number}", ""]
    if directives:
        out += [
            f":::{{period}} p{number}",
            f":title: Period {number}",
            f":start: {start}",
            f":end: {start + 1}",
            ":actors: Clinton; Yeltsin",
            f":climate: {CLIMATES[number % 3]}",
            "",
            f"A summary of period {number}.",
            ":::",
            "",
        ]
    body = rng.sample(paragraphs, 7)
    # 69 notes per five chapters: 14 in four chapters out of five, 13 in the fifth.
    notes = 13 if number % 5 == 0 else 14
    per_para = [notes // 7 + (1 if i < notes % 7 else 0) for i in range(7)]
    for index, (text, count) in enumerate(zip(body, per_para, strict=True)):
        if directives and index in (1, 3, 5):
            month = 2 * index
            out += [
                f":::{{event}} {start}-{month:02d}-1{index}",
                f":title: Event {number}.{index}",
                f":climate: {CLIMATES[(number + index) % 3]}",
                ":::",
                "",
            ]
        cites = [(rng.choice(keys), rng.randint(1, 300)) for _ in range(count)]
        noted = _with_notes(variant, text, cites)
        if directives and index in (0, 1, 2, 4, 6):
            themes = " ".join(sorted(rng.sample(sorted(THEMES), rng.randint(1, 2))))
            out += [f":::{{theme}} {themes}", noted, ":::", ""]
        else:
            out += [noted, ""]
    if variant.startswith("footcite"):
        out += ["```{footbibliography}", "```", ""]
    return "\n".join(out)


CONF = """\
from pathlib import Path
extensions = ["myst_parser", "sphinxcontrib.bibtex"{extension}]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = [str(Path(__file__).parent / "refs.bib")]
bibtex_default_style = "{style}"
html_theme = "basic"
project = "Synthetic book"
{themes}{cache}"""

CACHE = """
# The overhead baseline: pybtex's plugin lookup cached, as the edition's extension does.
import functools
import pybtex.plugin
pybtex.plugin.find_plugin = functools.lru_cache(maxsize=None)(pybtex.plugin.find_plugin)
"""


def generate(outdir: Path, scale: int, variant: str) -> Path:
    """Write the *variant* of the book at *scale* into *outdir*; return the source dir."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}")
    if outdir.exists():
        shutil.rmtree(outdir)
    outdir.mkdir(parents=True)
    random.seed(2012)
    paragraphs, keys = review_paragraphs(), bib_keys()
    shutil.copy(ROOT / "refs.bib", outdir / "refs.bib")
    chapters = [chapter(variant, n, paragraphs, keys) for n in range(1, 5 * scale + 1)]
    if variant == "pandoc":
        front = "---\ntitle: Synthetic book\nbibliography: refs.bib\n---\n\n"
        (outdir / "book.md").write_text(front + "\n\n".join(chapters) + "\n\n# References\n")
        return outdir
    names = [f"ch{n:04d}" for n in range(1, len(chapters) + 1)]
    for name, text in zip(names, chapters, strict=True):
        (outdir / f"{name}.md").write_text(text, encoding="utf-8")
    extra = []
    if variant == "notecite":
        extra = ["timeline", "themes"]
        (outdir / "timeline.md").write_text("# Timeline\n\n```{timeline}\n```\n")
        (outdir / "themes.md").write_text("# Themes\n\n```{themeindex}\n```\n")
    refs = "# References\n\n```{bibliography}\n:all:\n```\n" if variant != "plain" else "# End\n"
    (outdir / "references.md").write_text(refs)
    toctree = "\n".join([*names, *extra, "references"])
    (outdir / "index.md").write_text(f"# Synthetic book\n\n```{{toctree}}\n{toctree}\n```\n")
    with_edition = variant in ("notecite", "footcite-cached")
    (outdir / "conf.py").write_text(
        CONF.format(
            extension=', "sphinx_edition"' if with_edition else "",
            style="oxford" if variant == "notecite" else "plain",
            themes=f"edition_themes = {THEMES!r}\n" if with_edition else "",
            cache=CACHE if variant == "footcite-cached" else "",
        )
    )
    return outdir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--variant", choices=VARIANTS, default="notecite")
    args = parser.parse_args()
    print(generate(args.outdir, args.scale, args.variant))


if __name__ == "__main__":
    main()
