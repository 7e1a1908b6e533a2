"""Files a user may edit in another program read the same with a byte-order mark (issue 11, case 4).

Notepad and other Windows editors save "UTF-8" with a BOM (EF BB BF). Each file Bow Out reads
back from the user — custom templates (through the loader, ``--template`` and ``templates
check``), settings.json, the data-folder pointer and a history import — is read with and
without one and must give the same result.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import orjson

from bowout import paths
from bowout.core import Composer, Profile, Situation, Stage
from bowout.core.composer import template_context
from bowout.core.situation import Channel
from bowout.core.templating import check_templates, load_file_template, make_environment
from bowout.settings import load_settings
from bowout.storage.io import parse_import

BOM = codecs.BOM_UTF8
SITUATION = Situation(stage=Stage.FINAL, role="QA lead", company="Acme", contact="Dana")
PROFILE = Profile(name="Ana Ruiz", email="ana@example.org")


def _with_bom(folder: Path, name: str) -> None:
    source = (paths.pack_dir() / name).read_bytes()
    (folder / name).write_bytes(BOM + source)


def test_bom_on_templates_and_wording_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "wording").mkdir()
    for name in ("email.txt.j2", "email.html.j2", "wording/warm.toml", "wording/rules.toml"):
        _with_bom(tmp_path, name)
    plain = Composer().compose(SITUATION, PROFILE)
    marked = Composer([tmp_path]).compose(SITUATION, PROFILE)
    assert not marked.subject.startswith("\ufeff")
    assert marked.subject == plain.subject
    assert marked.body_text == plain.body_text  # no sentence lost to a "\ufeff[[slot]]" line
    assert marked.body_html == plain.body_html


def test_templates_check_and_template_option_read_past_a_bom(tmp_path: Path) -> None:
    _with_bom(tmp_path, "linkedin.txt.j2")
    contexts = [template_context(SITUATION, PROFILE, Channel.EMAIL)]
    assert check_templates(tmp_path, contexts) == []
    template = load_file_template(make_environment(), tmp_path / "linkedin.txt.j2")
    assert not template.render(contexts[0]).startswith("\ufeff")


def test_settings_with_a_bom_are_read(tmp_path: Path) -> None:
    data = {"profile": {"name": "Ana Ruiz"}, "theme": "dark"}
    (tmp_path / "settings.json").write_bytes(BOM + json.dumps(data).encode("utf-8"))
    settings = load_settings(tmp_path)
    assert settings.profile.name == "Ana Ruiz"
    assert settings.theme == "dark"


def test_data_folder_pointer_with_a_bom(tmp_path: Path) -> None:
    (tmp_path / "data-dir.txt").write_bytes(BOM + str(tmp_path / "mine").encode("utf-8"))
    env = {paths.CONFIG_DIR_ENV: str(tmp_path)}
    assert paths.resolve_data_dir(None, env) == tmp_path / "mine"


def test_history_import_with_a_bom(tmp_path: Path) -> None:
    record = {
        "id": "",
        "created": "",
        "updated": "",
        "sent": None,
        "status": "draft",
        "company": "Acme",
        "role": "",
        "contact": "",
        "recruiter": "",
        "stage": "applied",
        "reason": "none",
        "channel": "email",
        "subject": "s",
        "body_html": "",
        "body_text": "",
        "phone_script": None,
        "relationship": dict.fromkeys(
            ("rapport", "via_recruiter", "linkedin_main", "keep_door_open"), False
        ),
        "visa": {
            "visa_petition_started": False,
            "sponsorship_required": False,
            "relocation_assistance": False,
            "signing_bonus": False,
            "relocation_timeline_changed": False,
            "start_date": None,
        },
        "checklist": [],
        "notes": "",
        "schema_version": 1,
    }
    raw = orjson.dumps([record])
    path = tmp_path / "import.json"
    assert parse_import(BOM + raw, path) == parse_import(raw, path)
