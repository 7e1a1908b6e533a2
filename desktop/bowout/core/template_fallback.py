"""The composer's renderer: a custom template that fails gives way to the built-in one,
and is reported once (issue 11: a broken custom file never stops a draft)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2

from bowout.core.errors import TemplateError
from bowout.core.template_rendering import load, render_template

logger = logging.getLogger(__name__)


class FallbackRenderer:
    """Renders templates by name; a broken custom one gives way to the built-in.

    The first failure of a custom template (from ``user_dirs``) is logged and kept for
    :meth:`take_problems`; that name then renders from the built-in templates for the rest
    of this renderer's life, so a template that loops for seconds costs that once, and the
    user sees one message instead of one per keystroke. A failing built-in template raises
    (it is shipped with the app, so that is a bug to report).
    """

    def __init__(
        self,
        env: jinja2.Environment,
        user_dirs: Sequence[Path],
        make_builtin: Callable[[], jinja2.Environment],
    ) -> None:
        self.env = env
        self.user_dirs = tuple(user_dirs)
        self._make_builtin = make_builtin
        self._builtin: jinja2.Environment | None = None
        #: The message for each custom template name that failed, by name.
        self.broken: dict[str, str] = {}
        self._unreported: list[str] = []
        #: Whether a user folder holds each template name (looked up once per name, as
        #: the environment loads each template once).
        self._custom: dict[str, bool] = {}
        #: Each template as loaded, by whether it is the custom one and its name: the
        #: environments never reload a template (``auto_reload`` is off), so asking them
        #: again at every draft would return the same one.
        self._loaded: dict[tuple[bool, str], jinja2.Template] = {}

    def render(self, name: str, context: Mapping[str, Any]) -> str:
        """The rendered template ``name``; raises TemplateError only for a built-in one."""
        custom = self._custom.get(name)
        if custom is None:
            custom = self._custom[name] = any(
                (folder / name).is_file() for folder in self.user_dirs
            )
        if custom and name not in self.broken:
            try:
                return self._render(True, name, context)
            except TemplateError as exc:
                if not self.is_custom(name):
                    raise
                message = f"{str(exc).rstrip('.')}. Bow Out uses its own {name} until it is fixed."
                self.broken[name] = message
                self._unreported.append(message)
                logger.warning("custom template failed: %s", message)
        return self._render(False, name, context)

    def _render(self, custom: bool, name: str, context: Mapping[str, Any]) -> str:
        template = self._loaded.get((custom, name))
        if template is None:
            env = self.env if custom else self.builtin_environment()
            template = self._loaded[custom, name] = load(env, name)
        return render_template(template, context, template.filename or name)

    def builtin_environment(self) -> jinja2.Environment:
        """The environment of the built-in templates alone (made on first use)."""
        if self._builtin is None:
            self._builtin = self._make_builtin()
        return self._builtin

    def note(self, message: str) -> None:
        """Keep a message about a custom file that failed for :meth:`take_problems`."""
        logger.warning("custom wording failed: %s", message)
        self._unreported.append(message)

    def is_custom(self, name: str) -> bool:
        """Can a user folder be at fault for ``name`` (it or a template it imports)?"""
        return any(any(folder.glob("*.j2")) for folder in self.user_dirs if folder.is_dir())

    def take_problems(self) -> list[str]:
        """The messages not yet shown (each broken template once), and forget them."""
        taken, self._unreported = self._unreported, []
        return taken
