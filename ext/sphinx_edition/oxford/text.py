"""Rich text for the Oxford style: fields decoded from LaTeX, joined, and quoted.

Everything here returns pybtex rich text (:class:`pybtex.richtext.Text`), never a rendered
string, so each backend (docutils, LaTeX, plain text) renders emphasis and dashes itself.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, cast

from pybtex.backends.plaintext import Backend as PlainTextBackend
from pybtex.markup import LaTeXParser
from pybtex.richtext import BaseMultipartText, Protected, String, Tag, Text
from sphinx.locale import get_translation

if TYPE_CHECKING:
    from pybtex.database import Entry

# The words a note prints go through the "edition" message catalog, so a translated
# edition (``language = "fr"``) prints "Ibid." and "éd." in its own language.
_translate = get_translation("edition")


def _(message: str) -> str:
    # pybtex's rich text takes real strings, not Sphinx's lazy translation proxies.
    return str(_translate(message))


#: Quotation marks that may close a title after its own question or exclamation mark.
CLOSING_QUOTES = "’”'\""


class Quoted(BaseMultipartText):  # type: ignore[misc]
    """A title in quotation marks, which ends as its words end.

    A title that ends in "?" or "!" closes the sentence of its reference inside the quotes:
    "‘A “Risky Westward Turn”?’" takes no full stop after it (New Hart's Rules 4.6: no
    second point).  pybtex's ``add_period`` asks ``endswith``, so the question mark is made
    visible through the closing quote here, wherever the title ends a note or an entry;
    and, unlike a plain :class:`Text`, this part is not unpacked into its neighbours.
    """

    def endswith(self, suffix: str | tuple[str, ...]) -> bool:
        if super().endswith(suffix):
            return True
        return str(self).rstrip(CLOSING_QUOTES).endswith(suffix)


def ordinal(number: str) -> str:
    if not number.isdigit():
        return number
    value = int(number)
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def join_names(names: Sequence[Text]) -> Text:
    """ "A", "A and B", "A, B, and C" (serial comma, as Oxford has it)."""
    if len(names) <= 2:
        return Text(" " + _("and") + " ").join(list(names))
    return Text(", ").join(list(names[:-1])) + Text(", " + _("and") + " ", names[-1])


def parts(*texts: Text | str | None, sep: str = ", ") -> Text:
    """Join the non-empty *texts* with *sep*."""
    kept = [Text(t) if isinstance(t, str) else t for t in texts if t]
    return Text(sep).join(kept)


#: BibTeX's ``quoted'`` pairs, and the apostrophes left over.
#: TeX's single quotation marks around words: `` `x' `` (a text's own quotation).
TEX_QUOTED = re.compile(r"`([^`']*)'")


def typeset(text: Any, quotes: tuple[str, str]) -> Any:
    """*text* with BibTeX quotes made typographic: `x' → *quotes* around x, ' → ’."""
    if isinstance(text, String):
        value = TEX_QUOTED.sub(lambda m: quotes[0] + m.group(1) + quotes[1], text.value)
        return String(value.replace("'", "’").replace("`", "‘"))
    if hasattr(text, "parts"):
        return text._create_similar([typeset(part, quotes) for part in text.parts])
    return text


#: The LaTeX italic commands.  pybtex's parser prints them as words ("\textit "), so their
#: arguments are cut out and set in italics here (a review names the book it reviews so).
_ITALIC = re.compile(r"\\(?:textit|emph|textsl|mkbibemph)\s*\{")


def argument_end(value: str, start: int) -> int | None:
    r"""The index just after the group that opens at ``value[start - 1]`` ("{"), or None
    when it does not close; an escaped brace ("\{") does not count."""
    depth, end = 1, start
    while end < len(value) and depth:
        if value[end] == "\\":
            end += 2
            continue
        depth += {"{": 1, "}": -1}.get(value[end], 0)
        end += 1
    return None if depth else end


# -- LaTeX commands that latexcodec leaves -------------------------------------------------
#
# latexcodec decodes accents and symbols ("\'e", "\&", "\ldots") but leaves every other
# command as it was, and pybtex's parser then prints its name as a word ("\textbf bold").
# pylatexenc, which knows the commands, is not a dependency; the few that bibliographies
# use are rewritten here into what pybtex reads, and whatever command is still left is
# dropped from the text rather than printed.

#: Old-style font switches inside a group: "{\em Title}" is "\emph{Title}" (italic),
#: "{\bf x}" is "{x}" (the edition's notes set no bold).
_ITALIC_SWITCH = re.compile(r"\{\\(?:em|it|itshape|sl|slshape)(?![A-Za-z])\s*")
_OTHER_SWITCH = re.compile(
    r"\{\\(?:bf|bfseries|sc|scshape|rm|rmfamily|tt|ttfamily|sf|sffamily|upshape|normalfont|"
    r"mdseries|small|footnotesize|large|Large|relax)(?![A-Za-z])\s*"
)
#: Commands whose argument is printed as it is (bold, small capitals, a URL, a box…).
_KEEP_ARGUMENT = re.compile(
    r"\\(?:textbf|textsc|textrm|textup|textsf|texttt|textnormal|textmd|mbox|hbox|text|"
    r"url|nolinkurl|textsuperscript|textsubscript|mkbibbold|mkbibsuperscript|"
    r"uppercase|MakeUppercase|lowercase|MakeLowercase|ensuremath)\s*\{"
)
#: Commands that quote their argument (biblatex's, csquotes').
_QUOTE = re.compile(r"\\(?:enquote|mkbibquote|textquote)\*?\s*\{")
#: ``\href{url}{text}``: the text.
_HREF = re.compile(r"\\href\s*\{[^{}]*\}\s*\{")
#: Commands that print a word.
_WORDS = {"LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX", "LaTeXe": "LaTeX2e"}
_WORD = re.compile(
    r"\\(" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")(?![A-Za-z])\s*(?:\{\})?"
)
#: TeX's escaped characters that pybtex would read as braces or math: kept apart from the
#: parser as private-use characters, and given back after it (:data:`ESCAPED_BACK`).
_ESCAPED = {"\\{": "\ue000", "\\}": "\ue001", "\\$": "\ue002"}
ESCAPED_BACK = str.maketrans({"\ue000": "{", "\ue001": "}", "\ue002": "$"})
#: A command still left after decoding: dropped.
LEFTOVER_COMMAND = re.compile(r"\\[A-Za-z@]+\*?(?![A-Za-z])\s*")


def _quoted_commands(value: str, depth: int = 0) -> str:
    """*value* with each quoting command's argument in TeX's quotes: `x' (the quotes of
    its context), and ``x'' for a quotation inside it."""
    out, pos = [], 0
    while (match := _QUOTE.search(value, pos)) is not None:
        end = argument_end(value, match.end())
        if end is None:
            break
        inner = _quoted_commands(value[match.end() : end - 1], depth + 1)
        opening, closing = ("``", "''") if depth % 2 else ("`", "'")
        out += [value[pos : match.start()], opening, "{", inner, "}", closing]
        pos = end
    return "".join([*out, value[pos:]])


@functools.lru_cache(maxsize=4096)
def latex_commands(value: str) -> str:
    r"""*value* (LaTeX) with the commands pybtex would print as words rewritten into what
    it reads: the italic switches as ``\emph``, the other switches and the commands that
    keep their argument as groups, quoting commands as TeX's quotes, ``\LaTeX`` as its
    word."""
    if "\\" not in value:
        return value
    for escaped, kept in _ESCAPED.items():
        value = value.replace(escaped, kept)
    value = _ITALIC_SWITCH.sub(r"\\emph{", value)
    value = _OTHER_SWITCH.sub("{", value)
    value = _HREF.sub("{", value)
    value = _KEEP_ARGUMENT.sub("{", value)
    value = _WORD.sub(lambda m: _WORDS[m.group(1)], value)
    return _quoted_commands(value)


def _without_commands(text: Any) -> Any:
    """*text* (rich) with any command latexcodec left in its strings dropped."""
    if isinstance(text, String):
        return String(LEFTOVER_COMMAND.sub("", text.value).translate(ESCAPED_BACK))
    if hasattr(text, "parts"):
        return text._create_similar([_without_commands(part) for part in text.parts])
    return text


def _italic_runs(value: str) -> Iterator[tuple[bool, str]]:
    """(italic, latex) runs of *value*, each italic command's argument apart."""
    pos = 0
    while (match := _ITALIC.search(value, pos)) is not None:
        end = argument_end(value, match.end())
        if end is None:
            break  # unbalanced: pybtex prints the rest as it is
        yield False, value[pos : match.start()]
        yield True, value[match.end() : end - 1]
        pos = end
    yield False, value[pos:]


#: What LaTeX decoding (latexcodec) may change: commands, math, ties, comments, dashes,
#: TeX quotes (``…'', ",,") and inverted marks (!` ?`), and runs of white space.  A value
#: with none of them decodes to itself.
_DECODED = re.compile(r"[\\~%`$]|--|''|,,|\s\s|^\s|[^\S ]")


def text_from_latex(latex: str) -> Text:
    """pybtex's ``Text.from_latex``, without decoding a value that has nothing to decode.

    latexcodec reads a value token by token, and was most of the cost of formatting the
    works; most fields are plain words, which need pybtex's parser only for their braces.
    ``tests/test_properties.py`` checks that both give the same text.
    """
    if _DECODED.search(latex):
        return Text.from_latex(latex)
    if "{" not in latex and "}" not in latex:
        return Text(latex)  # nothing for the parser either: one string
    return LaTeXParser(latex).parse()


def _decode(latex: str, quotes: tuple[str, str]) -> Text:
    # A bare "%" would start a LaTeX comment and swallow the rest of the field: BibTeX
    # prints it, so it is kept as a percent sign.
    escaped = re.sub(r"(?<!\\)%", r"\\%", latex)
    return Text(typeset(_without_commands(text_from_latex(escaped)), quotes))


@functools.lru_cache(maxsize=4096)
def from_latex(value: str, quotes: tuple[str, str]) -> Text:
    # Decoding LaTeX (latexcodec) is the costliest step of formatting a note, and a book
    # cites the same few fields hundreds of times: decode each value once.
    value = latex_commands(value)
    if _ITALIC.search(value) is None:
        return _decode(value, quotes)
    runs: list[Text] = []
    for italic, latex in _italic_runs(value):
        if not latex.strip():
            continue
        decoded = from_latex(latex.strip(), quotes) if italic else _decode(latex.strip(), quotes)
        # pybtex's parser drops a run's outer spaces; between runs they are words' spaces
        before = " " if runs and latex[:1].isspace() else ""
        after = " " if latex[-1:].isspace() else ""
        runs.append(Text(before, Tag("em", decoded) if italic else decoded, after))
    return Text(*runs)


def rich_field(entry: Entry, name: str, quotes: tuple[str, str] = ("‘", "’")) -> Text | None:
    if name not in entry.fields or not entry.fields[name].strip():
        return None
    return from_latex(str(entry.fields[name]), quotes)


# ``Text.render_as("text")`` looks the backend up with pybtex's ``find_plugin``, which scans
# every installed entry point on each call: one backend instance serves every rendering.
_PLAIN_BACKEND = PlainTextBackend()


def plain_text(text: Text) -> str:
    """*text* as plain text."""
    return str(text.render(_PLAIN_BACKEND))


def capfirst(text: Text) -> Text:
    """*text* with its first letter in upper case, as pybtex's ``Text.capfirst`` gives it.

    pybtex slices the whole text twice (``text[:1].upper() + text[1:]``), which made
    capitalising the costliest step of formatting a note.  Here only the parts that lead
    to the first character are rebuilt.  As in pybtex, a protected part (``{...}``) or a
    symbol that comes first is left as it is.
    """
    return cast("Text", _capfirst(text)[0])


def _capfirst(part: Any) -> tuple[Any, bool]:
    """(*part* with its first character in upper case, whether it had a character)."""
    if isinstance(part, String):
        if not part.value:
            return part, False
        return String(part.value[0].upper() + part.value[1:]), True
    if isinstance(part, Protected):
        return part, bool(len(part))
    if isinstance(part, BaseMultipartText):
        children = list(part.parts)
        for index, child in enumerate(children):
            changed, found = _capfirst(child)
            if found:
                children[index] = changed
                return part._create_similar(children), True
        return part, False
    return part, True  # a symbol: one character, which has no upper case
