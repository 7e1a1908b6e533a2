"""The type of argparse's sub-command registry, as the subcommand modules are handed it."""

from __future__ import annotations

import argparse
from typing import Protocol


class SubParsers(Protocol):
    """What ``add_parser(sub)`` of a subcommand module gets: the object
    ``ArgumentParser.add_subparsers()`` returns (argparse names its class privately)."""

    def add_parser(  # the keywords the subcommands use; argparse takes more
        self,
        name: str,
        *,
        help: str | None = ...,
        description: str | None = ...,
        epilog: str | None = ...,
        formatter_class: type[argparse.HelpFormatter] = ...,
    ) -> argparse.ArgumentParser: ...
