"""Rendering a template in its sandbox, every failure one :class:`TemplateError` that
names the template's file and line (a custom template's author can act on it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError

from bowout import readfile
from bowout.core.errors import TemplateError
from bowout.core.sandbox import (
    LimitedEnvironment,
    LimitExceeded,
    RenderTimeout,
    render_limited_all,
)
from bowout.core.template_loading import read_template_source


def render(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """Render one template by name; every failure becomes one :class:`TemplateError`.

    The message names the template's file and line when they are known.
    """
    template = load(env, name)
    return render_template(template, context, template.filename or name)


def load(env: jinja2.Environment, name: str) -> jinja2.Template:
    """The template ``name`` of ``env``, ready to render (:func:`flat_globals`); every
    failure to find, read or compile it becomes one :class:`TemplateError`."""
    try:
        template = env.get_template(name)
    except jinja2.TemplateSyntaxError as exc:
        where, why = exc.filename or name, f"syntax error: {exc.message}"
        raise TemplateError(
            f"{where}, line {exc.lineno}: {why}", line=exc.lineno, reason=why
        ) from None
    except jinja2.TemplateNotFound:
        raise TemplateError(f"template {name!r} was not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"cannot read template {name}: {exc}") from None
    return flat_globals(template)


def flat_globals(template: jinja2.Template) -> jinja2.Template:
    """``template`` with its globals as one plain dict instead of Jinja2's ChainMap.

    Every render copies the globals into a new context; from a ChainMap that copy walks
    both maps key by key, a tenth of a draft's time while the user types. The environment's
    globals never change once it is made, so a snapshot is the same mapping.
    """
    if type(template.globals) is not dict:
        template.globals = dict(template.globals)
    return template


def render_template(template: jinja2.Template, context: Mapping[str, Any], name: str) -> str:
    """Render a loaded template within its environment's limits, with readable errors.

    ``name`` is the file named in messages. Raises :class:`TemplateError` for anything the
    template does wrong: an error it raises, a limit it breaks, a render that runs too long.
    """
    return render_templates((template,), context, name)[0]


def render_templates(
    templates: Sequence[jinja2.Template], context: Mapping[str, Any], name: str
) -> list[str]:
    """Each of ``templates`` (compiled in one environment) rendered in turn in one context,
    as :func:`render_template` renders one: within the environment's limits, shared by all
    of them, and with the same readable errors. One context for all is what one template
    made of them all would see, at a fraction of a context per template (the phrasings of
    a draft are rendered at every keystroke)."""
    if not templates:
        return []
    env = templates[0].environment
    current = templates[0]
    if not isinstance(env, LimitedEnvironment):  # a built-in template (make_environment)
        try:
            # Template.render(context), without its copy of the context: the new context
            # copies it again anyway, with the globals (a draft renders four times).
            values = context if isinstance(context, dict) else dict(context)
            try:
                shared = current.new_context(values)
                texts = []
                for current in templates:
                    texts.append(env.concat(current.root_render_func(shared)))
                return texts
            except Exception:
                env.handle_exception()
        except Exception as exc:
            why = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            raise _error(current, name, exc, why) from None
    limits = env.limits
    try:
        return render_limited_all(templates, context, limits)
    except RenderTimeout as exc:
        why = f"it ran longer than the time limit ({limits.seconds:g} s)"
        raise _error(current, name, exc, why) from None
    except jinja2.UndefinedError as exc:
        raise _error(current, name, exc, exc.message or str(exc)) from None
    except (LimitExceeded, SecurityError) as exc:
        raise _error(current, name, exc, f"not allowed in a template: {exc}") from None
    except Exception as exc:
        why = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise _error(current, name, exc, why) from None


def _error(template: jinja2.Template, name: str, exc: BaseException, why: str) -> TemplateError:
    """One message, "FILE, line N: why", for the template line running when ``exc`` rose."""
    line = None
    filename = template.filename or "<template>"
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in (filename, "<template>"):
            line = tb.tb_lineno
        tb = tb.tb_next
    where = f"{name}, line {line}" if line else name
    return TemplateError(f"{where}: {why}", line=line, reason=why)


def load_file_template(env: jinja2.Environment, path: Path) -> jinja2.Template:
    """Compile a template file given on the command line (``--template PATH``)."""
    try:
        source = read_template_source(path)
    except readfile.UnreadableFile as exc:
        raise TemplateError(f"cannot read template {path}: {exc.why}") from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise TemplateError(f"cannot read template {path}: {reason}") from None
    try:
        return env.from_string(source)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{path}, line {exc.lineno}: {exc.message}") from None
