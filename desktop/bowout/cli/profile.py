"""``bowout profile show|set``: your name, email and phone, which sign every message."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bowout.cli.subparsers import SubParsers


def add_parser(sub: SubParsers) -> None:
    """Register ``profile`` on the top-level subparsers."""
    p = sub.add_parser(
        "profile",
        help="show or set your name, email and phone (the signature)",
        description="Your name, email and phone sign every message (draft, reply, batch); "
        "the window's Settings show the same profile.",
    )
    actions = p.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="print the profile")
    show.add_argument("--json", action="store_true", help="print JSON instead of text")
    change = actions.add_parser("set", help='set parts of the profile ("" clears one)')
    change.add_argument("--name", metavar="N", help="your name, as you sign")
    change.add_argument("--email", metavar="E", help="your email address")
    change.add_argument("--phone", metavar="P", help="your phone number")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Show or set the profile; InputError for a bad value (exit 2, one line)."""
    from bowout.core.errors import InputError
    from bowout.services.profile import load_profile, set_profile

    if args.profile_command == "set":
        if args.name is None and args.email is None and args.phone is None:
            raise InputError("say what to set: --name N, --email E and/or --phone P")
        profile = set_profile(data_dir, name=args.name, email=args.email, phone=args.phone)
        print("Profile saved; your messages are signed:")
    else:
        profile = load_profile(data_dir)
        if args.json:
            payload = {k: v for k, v in profile.to_dict().items() if k != "signature"}
            sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
            return 0
    for label, value in (("Name", profile.name), ("Email", profile.email),
                         ("Phone", profile.phone)):  # fmt: skip
        print(f"{label + ':':7}{value or '(not set)'}")
    if not profile.name:
        print("Set your name with: bowout profile set --name N")
    return 0
