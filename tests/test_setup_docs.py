"""The README's set-up and ``.ci/run`` agree: the same Debian packages, the package lists
updated before anything is installed, npm installed only where there is none on the ``PATH``,
and CI linting, then running the README's test command.

Both are read as shell: the README's set-up line (its first ``sh`` block) and ``.ci/run`` are
cut into simple commands, each with the condition it runs under (``no npm`` inside
``if ! command -v npm …; then … fi`` or after ``command -v npm … ||``).
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI_RUN = (ROOT / ".ci" / "run").read_text(encoding="utf-8")

#: What ends a simple command.
SEPARATORS = {"&&", "||", ";", "(", ")"}


@dataclass(frozen=True)
class Step:
    """A simple command, without ``sudo``, ``env``, variable assignments or redirections."""

    words: tuple[str, ...]
    #: ``"no <program>"`` when it runs only where *program* is not on the ``PATH``.
    condition: str | None


def _words(words: list[str]) -> tuple[str, ...]:
    kept: list[str] = []
    tokens = iter(words)
    for word in tokens:
        if word in {">", ">>", "<"}:
            next(tokens, None)  # the redirection's target
        elif not kept and (word in {"sudo", "env"} or re.fullmatch(r"[A-Z_][A-Z0-9_]*=\S*", word)):
            continue
        else:
            kept.append(word)
    return tuple(kept)


def _tokens(line: str) -> list[str]:
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    return list(lexer)


def steps(script: str) -> list[Step]:
    """The simple commands of *script*, in order, each with its condition."""
    found: list[Step] = []
    blocks: list[str] = []  # the conditions of the open if-blocks
    for line in script.replace("\\\n", " ").splitlines():
        group: str | None = None  # the condition of `(command -v x || …)`
        words: list[str] = []
        for token in [*_tokens(line), ";"]:
            if token not in SEPARATORS:
                words.append(token)
                continue
            if words[:1] == ["then"]:
                words = words[1:]
            if words[:4] == ["if", "!", "command", "-v"]:
                blocks.append(f"no {words[4]}")
            elif words == ["fi"]:
                blocks.pop()
            elif words[:2] == ["command", "-v"] and token == "||":
                group = f"no {words[2]}"
            elif words:
                condition = group or (blocks[-1] if blocks else None)
                found.append(Step(_words(words), condition))
            if token == ")":
                group = None
            words = []
    return found


def _sh_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```sh\n(.*?)^```", markdown, flags=re.M | re.S)


def readme_setup() -> list[Step]:
    """The README's set-up line: the first ``sh`` block of its set-up section."""
    section = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    block = _sh_blocks(section)[0]
    assert len(block.strip().splitlines()) == 1, "the set-up is one line"
    return steps(block)


def readme_test_command() -> tuple[str, ...]:
    """The README's test command: the line of its second ``sh`` block that runs the tests."""
    section = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    (line,) = (ln for ln in _sh_blocks(section)[1].splitlines() if "runs the tests" in ln)
    (step,) = steps(line.split("#", 1)[0])
    return step.words


def apt_installs(found: list[Step]) -> dict[str | None, set[str]]:
    """The Debian packages *found* installs, by the condition they are installed under."""
    packages: dict[str | None, set[str]] = {}
    for step in found:
        if step.words[:2] == ("apt-get", "install"):
            names = {w for w in step.words[2:] if not w.startswith("-")}
            packages.setdefault(step.condition, set()).update(names)
    return packages


def test_the_readme_installs_the_packages_ci_installs() -> None:
    readme, ci = apt_installs(readme_setup()), apt_installs(steps(CI_RUN))
    assert {"latexmk", "chromium", "default-jre-headless", "pipx"} <= readme[None]
    assert readme == ci


def test_the_package_lists_are_updated_before_anything_is_installed() -> None:
    for name, found in (("README.md", readme_setup()), (".ci/run", steps(CI_RUN))):
        apt = [step.words[:2] for step in found if step.words[:1] == ("apt-get",)]
        assert apt, name
        assert apt[0] == ("apt-get", "update"), f"{name}: {apt}"
        assert ("apt-get", "install") in apt, name


def test_npm_is_installed_only_where_there_is_none() -> None:
    for name, found in (("README.md", readme_setup()), (".ci/run", steps(CI_RUN))):
        packages = apt_installs(found)
        assert {"nodejs", "npm"} <= packages.get("no npm", set()), f"{name}: {packages}"
        assert not {"nodejs", "npm"} & packages.get(None, set()), f"{name}: {packages}"
        # Ace by DAISY comes from npm, once npm is there, whichever way it came.
        ace = [s for s in found if s.words[:3] == ("npm", "install", "-g")]
        assert ace and all(s.condition is None for s in ace), f"{name}: {ace}"


def test_ci_lints_then_runs_the_readme_test_command() -> None:
    command = readme_test_command()
    assert command == ("nox", "-s", "tests")
    ci = [step.words for step in steps(CI_RUN) if step.condition is None]
    assert ("nox", "-s", "lint") in ci
    assert command in ci
    assert ci.index(("nox", "-s", "lint")) < ci.index(command)


def test_steps_are_read_with_their_conditions() -> None:
    script = (
        "sudo apt-get update && (command -v npm > /dev/null || sudo apt-get install -y npm)\n"
        "if ! command -v npm > /dev/null; then\n"
        "    X=1 apt-get install -y -qq \\\n        nodejs > /dev/null\nfi\n"
        "nox -s tests  \n"
    )
    assert steps(script) == [
        Step(("apt-get", "update"), None),
        Step(("apt-get", "install", "-y", "npm"), "no npm"),
        Step(("apt-get", "install", "-y", "-qq", "nodejs"), "no npm"),
        Step(("nox", "-s", "tests"), None),
    ]
