"""The Jinja2 templates of a message: which there are, what they may use, and checking a
folder of custom ones (``bowout templates check``).

The Jinja2 environment is an immutable sandbox with limits, strict undefined and
autoescaped HTML (:mod:`bowout.core.template_loading`). User input only ever reaches
templates as data (context values), never as template source; custom templates from the
user's folders run in the same sandbox, within :class:`~bowout.core.sandbox.Limits` (time,
intermediate sizes, output). Rendering names a failing template's file and line
(:mod:`bowout.core.template_rendering`); a custom template that fails is reported once and
the built-in one is used instead (:mod:`bowout.core.template_fallback`). The names of those
modules stay importable from here, where the composer, the wording and the tests find them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta

from bowout import paths, readfile
from bowout.core.errors import TemplateError
from bowout.core.sandbox import Limits
from bowout.core.template_fallback import FallbackRenderer
from bowout.core.template_loading import (
    TEMPLATE_ENCODING,
    BoundedLoader,
    bytecode_folder,
    language_dirs,
    make_environment,
    read_template_source,
)
from bowout.core.template_rendering import (
    flat_globals,
    load_file_template,
    render,
    render_template,
    render_templates,
)

__all__ = [
    "CONTEXT_NAMES", "MAX_OUTPUT_CHARS", "TEMPLATE_ENCODING", "TEMPLATE_NAMES", "BoundedLoader",
    "FallbackRenderer", "TemplateProblem", "bytecode_folder", "check_templates", "flat_globals",
    "language_dirs", "load_file_template", "long_date", "make_environment",
    "read_template_source", "render", "render_template", "render_templates",
]  # fmt: skip

logger = logging.getLogger(__name__)

#: Largest output one template may produce (characters); guards runaway custom templates.
MAX_OUTPUT_CHARS = Limits().output

#: The templates the composer renders, by role. Custom templates override them by name.
TEMPLATE_NAMES = (
    "email.txt.j2",
    "email.html.j2",
    "phone_script.txt.j2",
    "linkedin.txt.j2",
    "negotiate.txt.j2",
    "talking_points.txt.j2",
    "reply.txt.j2",
)

#: Every name a template may use (what :func:`template_context` provides).
CONTEXT_NAMES = frozenset(
    {
        "stage", "reason", "channel", "voice", "contact", "contact_given", "role", "role_given",
        "company", "company_name", "company_given", "recruiter", "recruiter_given", "your_name",
        "your_email", "your_phone", "addressee", "spoken_addressee", "recruiter_addressee",
        "manager", "start_date", "paid_money", "point", "decide_by", "kind", "reply",
        "signature_extra", "paragraphs", "html_paragraphs", "say", "br", "greeting_given",
        "country",
        # How a greeting may name them (bowout.core.salutation): "Frau Nair", "f", ...
        "courtesy_name", "courtesy_gender", "courtesy_object", "first_name", "full_name",
        "recruiter_courtesy_name", "recruiter_courtesy_gender", "recruiter_courtesy_object",
        "recruiter_first_name", "recruiter_full_name",
        # The same forms for whoever a call is with (the contact, or through a recruiter the
        # recruiter a negotiation's call is with); spoken sentences see them without "spoken_".
        "spoken_courtesy_name", "spoken_courtesy_gender", "spoken_courtesy_object",
        "spoken_first_name", "spoken_full_name",
    }
)  # fmt: skip


def long_date(value: dt.date, language: str = paths.DEFAULT_LANGUAGE) -> str:
    """12 January 2027: the ``language`` pack's date, from CLDR data, never the OS locale."""
    from bowout.core.pack import long_date

    return long_date(value, language)


@dataclasses.dataclass(frozen=True)
class TemplateProblem:
    """One problem found by :func:`check_templates`."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


def check_templates(
    folder: Path, contexts: Sequence[Mapping[str, Any]], language: str = paths.DEFAULT_LANGUAGE
) -> list[TemplateProblem]:
    """Validate every ``*.j2`` in ``folder`` (custom templates of ``language``, over its
    built-in pack): syntax, unknown variables, render, size cap."""
    env = make_environment([folder], language=language)
    problems: list[TemplateProblem] = []
    for path in sorted(folder.glob("*.j2")):
        try:
            source = read_template_source(path)
        except readfile.UnreadableFile as exc:
            problems.append(TemplateProblem(path, None, f"unreadable: {exc.why}"))
            continue
        except OSError as exc:
            problems.append(TemplateProblem(path, None, f"unreadable: {exc}"))
            continue
        try:
            ast = env.parse(source, path.name, str(path))
        except jinja2.TemplateSyntaxError as exc:
            problems.append(TemplateProblem(path, exc.lineno, f"syntax error: {exc.message}"))
            continue
        unknown = sorted(jinja2.meta.find_undeclared_variables(ast) - CONTEXT_NAMES)
        if unknown:
            problems.append(TemplateProblem(path, None, f"unknown variables: {', '.join(unknown)}"))
            continue
        if path.name not in TEMPLATE_NAMES:
            problems.append(
                TemplateProblem(
                    path,
                    None,
                    f"not used: the names Bow Out renders are {', '.join(TEMPLATE_NAMES)}",
                )
            )
        for context in contexts:
            try:
                render(env, path.name, context)
            except TemplateError as exc:
                problems.append(TemplateProblem(path, exc.line, exc.reason))
                break
    return problems
