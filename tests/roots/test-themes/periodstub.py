"""A minimal stand-in for the ``period`` directive: only the contract themes rely on.

It sets ``section[PERIOD_ATTR]`` in a read transform and records a PeriodInfo, as
``sphinx_edition.periods`` does, so that these tests do not depend on the full chronology
feature.
"""

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from sphinx_edition.domain import PERIOD_ATTR, PeriodInfo, get_domain


class TestPeriod(SphinxDirective):
    required_arguments = 1
    option_spec = {"title": directives.unchanged}

    def run(self):
        docname = self.env.current_document.docname
        # straight into the store's table of periods (while reading, it is writable)
        get_domain(self.env).data["periods"].setdefault(docname, []).append(
            PeriodInfo(
                id=self.arguments[0],
                title=self.options.get("title", self.arguments[0]),
                start="1991", end="2000", actors=(), climate="mixed", parent=None,
                summary="", docname=docname, lineno=self.lineno,
                anchor="", order=self.env.new_serialno("test-period"),
            )
        )
        return [period_marker("", period=self.arguments[0])]


class period_marker(nodes.Invisible, nodes.Element):
    pass


class MarkSections(SphinxTransform):
    # before the themes anchor their passages (and read their periods)
    default_priority = 400

    def apply(self):
        for marker in list(self.document.findall(period_marker)):
            section = marker.parent
            while section is not None and not isinstance(section, nodes.section):
                section = section.parent
            if section is not None:
                section[PERIOD_ATTR] = marker["period"]
            marker.parent.remove(marker)


def setup(app):
    app.add_directive("test-period", TestPeriod)
    app.add_transform(MarkSections)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
