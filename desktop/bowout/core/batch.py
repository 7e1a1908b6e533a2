"""One withdrawal per open application: "I accepted an offer, tell the others"."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from bowout.core.applications import Application
from bowout.core.composer import Composer
from bowout.core.draft import Draft
from bowout.core.situation import Profile, Reason, Situation, Voice


def situation_for(application: Application, reason: Reason, voice: Voice = Voice.WARM) -> Situation:
    """The withdrawal situation of one application: its own stage, names and recruiter
    (an application with a recruiter goes through them), the batch's reason and voice."""
    return Situation(
        stage=application.stage,
        reason=reason,
        via_recruiter=bool(application.recruiter),
        contact=application.contact,
        contact_email=application.contact_email,
        role=application.role,
        company=application.company,
        recruiter=application.recruiter,
        voice=voice,
    )


def draft_batch(
    composer: Composer,
    profile: Profile,
    applications: Iterable[Application],
    reason: Reason,
    voice: Voice = Voice.WARM,
) -> Iterator[tuple[Application, Draft]]:
    """A draft for each application, each on the channel its own situation calls for."""
    for application in applications:
        yield application, composer.compose(situation_for(application, reason, voice), profile)
