"""``bowout templates check [DIR]``: validate the user's custom message templates."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from bowout.core.errors import InputError

if TYPE_CHECKING:
    from bowout.cli.subparsers import SubParsers


def add_parser(sub: SubParsers) -> None:
    """Adds ``templates check [DIR]``."""
    templates = sub.add_parser("templates", help="work with custom message templates")
    tsub = templates.add_subparsers(dest="templates_command", metavar="ACTION", required=True)
    check = tsub.add_parser("check", help="validate custom templates")
    check.add_argument(
        "dir",
        nargs="?",
        help="folder to check (default: the custom folders in use; none means the built-in "
        "templates are in use)",
    )


def custom_template_dirs(data_dir: Path) -> list[Path]:
    """The custom template folders Bow Out would use, in order: the one chosen in Settings,
    then ``<data folder>/templates``; only folders that exist."""
    from bowout.settings import load_settings

    settings = load_settings(data_dir)
    dirs = [data_dir / "templates"]
    if settings.templates_dir:
        dirs.insert(0, Path(settings.templates_dir).expanduser())
    return [d for d in dirs if d.is_dir()]


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Validate custom templates; print each problem as ``file:line: message``.

    With DIR, that folder (InputError if it is missing). Without, every custom folder in use;
    when there is none, say that the built-in templates are in use and succeed (exit 0).
    Returns 1 when a problem was found, else 0.
    """
    if args.dir:
        folder = Path(args.dir)
        if not folder.is_dir():
            raise InputError(f"no template folder at {folder}")
        folders = [folder]
    else:
        folders = custom_template_dirs(data_dir)
        if not folders:
            print(
                "No custom templates: the built-in templates are in use. To change the wording,"
                f" put templates in {data_dir / 'templates'} and run this again."
            )
            return 0
    problems = [_check(folder) for folder in folders]  # every folder, even after a problem
    return 1 if any(problems) else 0


def _check(folder: Path) -> int:
    """Check ``folder`` for English and each ``<language>/`` subfolder for its language
    (a custom folder holds one subfolder per language pack it changes)."""
    from bowout.paths import available_languages

    found = _check_language(folder, "en")
    for language in available_languages():
        sub = folder / language
        if sub.is_dir():
            found += _check_language(sub, language)
    return found


def _check_language(folder: Path, language: str) -> int:
    from bowout.core import templating
    from bowout.core.composer import sample_situations, template_context
    from bowout.core.situation import Channel, Profile
    from bowout.core.wording.check import check_wording

    profile = Profile("Sample Name", "sample@example.com", "+1 555 0100")
    samples = [dataclasses.replace(s, language=language) for s in sample_situations()]
    contexts = [template_context(s, profile, s.channel or Channel.EMAIL) for s in samples]
    problems = [str(p) for p in templating.check_templates(folder, contexts, language)]
    # wording/<voice>.toml: loads, and keeps the rules
    problems += check_wording(folder, language)
    for problem in problems:
        print(problem)
    checked = len(list(folder.glob("*.j2"))) + len(list(folder.glob("wording/*.toml")))
    print(f"{folder}: {checked} template(s) checked, {len(problems)} problem(s)")
    return len(problems)
