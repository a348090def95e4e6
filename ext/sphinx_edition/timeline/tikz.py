"""The timeline figure in TikZ, for LaTeX: the same layout, one SVG unit = 1/800 line width."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_edition.periods import CLIMATES
from sphinx_edition.timeline.layout import (
    BAR,
    COLOURS,
    DOT_R,
    EVENT_R,
    GUTTER,
    RIGHT,
    WIDTH,
    coord,
)
from sphinx_edition.timeline.paint import paint

if TYPE_CHECKING:
    from sphinx.writers.latex import LaTeXTranslator

    from sphinx_edition.timeline.layout import Bar, Figure, Label, Marker, Segment


MIN_LABEL_PT = 7
"""The smallest size of the figure's words in print, in points."""


def font_sizes() -> str:
    r"""``\editiontimelinefont{N}``: sans serif at N SVG units of the line width, or at least
    MIN_LABEL_PT; defined in the group the figure opens, for the width it is drawn at."""
    size = rf"max({MIN_LABEL_PT}pt, #1*0.00125*\linewidth)"
    return (
        r"\def\editiontimelinefont#1{\sffamily"
        rf"\pgfmathsetlengthmacro\editiontimelinesize{{{size}}}"
        r"\fontsize{\editiontimelinesize}{1.2\dimexpr\editiontimelinesize\relax}\selectfont}"
    )


#: How a climate's outline is stroked (solid when not named).
DASHES = {"tension": ", dashed", "mixed": ", dotted"}


def _fill(climate: str, amount: int) -> str:
    name = f"edition{climate or 'unknown'}"
    return f"fill={name}!{amount}, draw={name}{DASHES.get(climate, '')}"


class TikzPainter:
    """A :class:`~.paint.Painter` writing a ``tikzpicture``; every text is escaped for LaTeX
    by the translator, which also writes the links."""

    def __init__(self, translator: LaTeXTranslator) -> None:
        self._translator = translator
        self._out: list[str] = []

    def _link(self, latex_id: str, text: str) -> str:
        return self._translator.hyperlink(latex_id) + text + "}}"

    def _node(self, style: str, x: float, y: float, text: str) -> None:
        self._out.append(f"\\node[{style}] at ({coord(x)},{coord(y)}) {{{text}}};")

    def start(self, figure: Figure) -> None:
        """The climates' colours, the figure's font and the picture's units; a print figure
        has no title or description of its own (its caption follows it)."""
        self._out.append("\n\\begingroup")
        for climate in (*CLIMATES, ""):
            self._out.append(
                f"\\definecolor{{edition{climate or 'unknown'}}}{{HTML}}"
                f"{{{COLOURS[climate].lstrip('#').upper()}}}"
            )
        self._out.append("\\par\\medskip\\noindent")
        # The figure is drawn at the width of the line, the SVG's font sizes (12, 11 and 10
        # units) with it; in a narrow text block that is under 6 pt.  Labels are set at that
        # size or at MIN_LABEL_PT, whichever is larger, so that they stay legible in print.
        self._out.append(font_sizes())
        self._out.append(
            "\\begin{tikzpicture}[x=0.00125\\linewidth, y=-0.00125\\linewidth, "
            "every node/.style={font=\\editiontimelinefont{12}, inner sep=1pt}]"
        )

    def grid_line(self, tick: Label, top: float, bottom: float) -> None:
        """A year's light line across the figure."""
        self._out.append(
            f"\\draw[black!15] ({coord(tick.x)},{coord(top)}) -- ({coord(tick.x)},{coord(bottom)});"
        )

    def lane(self, label: Label) -> None:
        """A lane's name, right-aligned in the gutter (a node is centred where SVG text has
        its baseline, hence 4 units up)."""
        style = "anchor=east, font=\\editiontimelinefont{11}"
        self._node(style, label.x, label.y - 4, self._translator.encode(label.text))

    def period(self, bar: Bar) -> None:
        """A period's bar, then its title linked to the period."""
        self._out.append(
            f"\\filldraw[{_fill(bar.climate, 25)}] ({coord(bar.x0)},{coord(bar.lane_y)}) "
            f"rectangle ({coord(bar.x1)},{coord(bar.lane_y + BAR)});"
        )
        title = self._link(bar.latex_id, self._translator.encode(bar.title))
        anchor = "anchor=east" if bar.label_end else "anchor=west"
        self._node(anchor, bar.label_x, bar.lane_y + BAR / 2, title)

    def axis(self, y: float) -> None:
        """The axis line."""
        self._out.append(f"\\draw ({GUTTER},{coord(y)}) -- ({WIDTH - RIGHT},{coord(y)});")

    def tick(self, tick: Label, axis_y: float) -> None:
        """A year's tick, then the year under it."""
        self._out.append(
            f"\\draw ({coord(tick.x)},{coord(axis_y)}) -- ({coord(tick.x)},{coord(axis_y + 5)});"
        )
        style = "anchor=north, font=\\editiontimelinefont{11}"
        self._node(style, tick.x, axis_y + 6, self._translator.encode(tick.text))

    def event(self, marker: Marker) -> None:
        """An event's circle, then its number linked to the event."""
        self._out.append(
            f"\\filldraw[{_fill(marker.climate, 20)}] ({coord(marker.x)},{coord(marker.y)}) "
            f"circle[radius={EVENT_R}];"
        )
        number = self._link(marker.latex_id, str(marker.number))
        self._node("font=\\editiontimelinefont{10}", marker.x, marker.y, number)

    def barometer_title(self, title: Label) -> None:
        """The barometer's heading in bold."""
        text = f"\\textbf{{{self._translator.encode(title.text)}}}"
        self._node("anchor=west", title.x, title.y - 4, text)

    def band(self, segment: Segment) -> None:
        """A barometer band as a rectangle in its climate's colour."""
        self._out.append(
            f"\\filldraw[{_fill(segment.climate, 45)}] "
            f"({coord(segment.x0)},{coord(segment.top)}) rectangle "
            f"({coord(segment.x1)},{coord(segment.bottom)});"
        )

    def barometer_line(self, mid: float) -> None:
        """The barometer's neutral line."""
        self._out.append(f"\\draw ({GUTTER},{coord(mid)}) -- ({WIDTH - RIGHT},{coord(mid)});")

    def dot(self, dot: Marker) -> None:
        """An event's dot on the barometer."""
        self._out.append(
            f"\\filldraw[{_fill(dot.climate, 90)}] ({coord(dot.x)},{coord(dot.y)}) "
            f"circle[radius={DOT_R}];"
        )

    def finish(self) -> str:
        """The picture, closed; the group stays open for the caption."""
        return "\n".join([*self._out, "\\end{tikzpicture}\\par"]) + "\n"


def render_tikz(figure: Figure, translator: LaTeXTranslator) -> str:
    """The same figure in TikZ; one SVG unit is 1/800 of the line width."""
    return paint(figure, TikzPainter(translator))


def visit_figure_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    """LaTeX: the figure in TikZ, then its caption; closes the group the figure opened."""
    self.body.append(render_tikz(node["layout"], self))
    caption = self.encode(node["caption"])
    self.body.append(f"{{\\small\\itshape {caption}\\par}}\\medskip\n\\endgroup\n")
    raise nodes.SkipNode
