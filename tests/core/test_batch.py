"""Drafting one withdrawal per open application, each in its own form."""

from __future__ import annotations

import re

from bowout.core import Channel, Composer, Profile, Reason, Stage
from bowout.core.applications import Application
from bowout.core.batch import draft_batch
from bowout.core.situation import Voice

FIVE = [
    Application("Northwind", "Data Analyst", "Jordan Lee", stage=Stage.APPLIED),
    Application("Contoso", "QA Lead", "Ana Ruiz", stage=Stage.SCREENING),
    Application("Fabrikam", "Designer", "Sam Ortiz", stage=Stage.INTERVIEWING,
                recruiter="Tom Baker"),
    Application("Litware", "PM", "Lena Brandt", stage=Stage.FINAL),
    Application("Tailspin", "Engineer", "Omar Haddad", stage=Stage.OFFER,
                contact_email="omar@tailspin.example"),
]  # fmt: skip


def test_five_applications_at_different_stages_get_their_own_drafts() -> None:
    drafts = list(draft_batch(Composer(), Profile("Maya Okafor", "maya@example.com"), FIVE,
                              Reason.OTHER_OFFER, Voice.BRIEF))  # fmt: skip
    assert [a.company for a, _ in drafts] == [a.company for a in FIVE]
    channels = [d.channel for _, d in drafts]
    assert channels == [Channel.EMAIL, Channel.EMAIL, Channel.RECRUITER, Channel.EMAIL,
                        Channel.EMAIL]  # fmt: skip
    for application, draft in drafts:
        assert application.company in draft.subject or application.company in draft.body_text
        assert re.search(r"accepted another (offer|job)", draft.body_text)
        assert draft.situation.voice is Voice.BRIEF
    assert drafts[2][1].body_text.startswith("Hi Tom,")
    assert "declin" in drafts[4][1].subject.lower()
    assert drafts[4][1].situation.contact_email == "omar@tailspin.example"
