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
    Figure,
    coord,
)

if TYPE_CHECKING:
    from sphinx.writers.latex import LaTeXTranslator


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


def render_tikz(figure: Figure, translator: LaTeXTranslator) -> str:
    """The same figure in TikZ; one SVG unit is 1/800 of the line width."""
    enc = translator.encode

    def link(latex_id: str, text: str) -> str:
        return translator.hyperlink(latex_id) + text + "}}"

    def fill(climate: str, amount: int) -> str:
        name = f"edition{climate or 'unknown'}"
        dash = {"tension": ", dashed", "mixed": ", dotted"}.get(climate, "")
        return f"fill={name}!{amount}, draw={name}{dash}"

    out = ["\n\\begingroup"]
    for climate in (*CLIMATES, ""):
        out.append(
            f"\\definecolor{{edition{climate or 'unknown'}}}{{HTML}}"
            f"{{{COLOURS[climate].lstrip('#').upper()}}}"
        )
    out.append("\\par\\medskip\\noindent")
    # The figure is drawn at the width of the line, the SVG's font sizes (12, 11 and 10 units)
    # with it; in a narrow text block that is under 6 pt.  Labels are set at that size or at
    # MIN_LABEL_PT, whichever is larger, so that they stay legible in print.
    out.append(font_sizes())
    out.append(
        "\\begin{tikzpicture}[x=0.00125\\linewidth, y=-0.00125\\linewidth, "
        "every node/.style={font=\\editiontimelinefont{12}, inner sep=1pt}]"
    )
    for tick in figure.grid:
        out.append(
            f"\\draw[black!15] ({coord(tick.x)},{coord(figure.grid_top)}) -- "
            f"({coord(tick.x)},{coord(figure.grid_bottom)});"
        )
    for lane in figure.lanes:
        out.append(
            f"\\node[anchor=east, font=\\editiontimelinefont{{11}}] "
            f"at ({coord(lane.x)},{coord(lane.y - 4)}) {{{enc(lane.text)}}};"
        )
    for bar in figure.bars:
        out.append(
            f"\\filldraw[{fill(bar.climate, 25)}] ({coord(bar.x0)},{coord(bar.lane_y)}) rectangle "
            f"({coord(bar.x1)},{coord(bar.lane_y + BAR)});"
        )
        out.append(
            f"\\node[anchor={'east' if bar.label_end else 'west'}] at "
            f"({coord(bar.label_x)},{coord(bar.lane_y + BAR / 2)}) "
            f"{{{link(bar.latex_id, enc(bar.title))}}};"
        )
    axis_y = coord(figure.axis_y)
    out.append(f"\\draw ({GUTTER},{axis_y}) -- ({WIDTH - RIGHT},{axis_y});")
    for tick in figure.grid:
        out.append(
            f"\\draw ({coord(tick.x)},{axis_y}) -- ({coord(tick.x)},{coord(figure.axis_y + 5)});"
        )
        out.append(
            f"\\node[anchor=north, font=\\editiontimelinefont{{11}}] "
            f"at ({coord(tick.x)},{coord(figure.axis_y + 6)}) {{{tick.text}}};"
        )
    for marker in figure.markers:
        out.append(
            f"\\filldraw[{fill(marker.climate, 20)}] ({coord(marker.x)},{coord(marker.y)}) "
            f"circle[radius={EVENT_R}];"
        )
        out.append(
            f"\\node[font=\\editiontimelinefont{{10}}] at ({coord(marker.x)},{coord(marker.y)}) "
            f"{{{link(marker.latex_id, str(marker.number))}}};"
        )
    title = figure.barometer_title
    mid = figure.barometer_mid
    out.append(
        f"\\node[anchor=west] at ({coord(title.x)},{coord(title.y - 4)}) "
        f"{{\\textbf{{{enc(title.text)}}}}};"
    )
    for seg in figure.segments:
        out.append(
            f"\\filldraw[{fill(seg.climate, 45)}] ({coord(seg.x0)},{coord(seg.top)}) rectangle "
            f"({coord(seg.x1)},{coord(seg.bottom)});"
        )
    out.append(f"\\draw ({GUTTER},{coord(mid)}) -- ({WIDTH - RIGHT},{coord(mid)});")
    for dot in figure.dots:
        out.append(
            f"\\filldraw[{fill(dot.climate, 90)}] ({coord(dot.x)},{coord(dot.y)}) "
            f"circle[radius={DOT_R}];"
        )
    out.append("\\end{tikzpicture}\\par")
    return "\n".join(out) + "\n"


def visit_figure_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    """LaTeX: the figure in TikZ, then its caption; closes the group the figure opened."""
    self.body.append(render_tikz(node["layout"], self))
    caption = self.encode(node["caption"])
    self.body.append(f"{{\\small\\itshape {caption}\\par}}\\medskip\n\\endgroup\n")
    raise nodes.SkipNode
