"""One withdrawal per open application: "I accepted an offer, tell the others"."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from bowout.core.addressing import team_addressee
from bowout.core.applications import Application
from bowout.core.composer import Composer
from bowout.core.draft import Draft
from bowout.core.situation import Profile, Reason, Situation, Voice
from bowout.core.vocabulary import Address


def situation_for(
    application: Application,
    reason: Reason,
    voice: Voice = Voice.WARM,
    greeting: str = "",
    *,
    language: str | None = None,
    address: Address | None = None,
) -> Situation:
    """The withdrawal situation of one application: its own stage, names and recruiter
    (an application with a recruiter goes through them), the batch's reason and voice.

    ``greeting`` (who to greet, as ``bowout batch --greeting`` gives it) is used for every
    application; without it, an application with no contact greets the company's hiring
    team ("Dear Northwind hiring team,") rather than leaving a placeholder to fill in.
    ``language`` and ``address``: the language pack every message is written in, and the
    form of address where it has two; None (the default) takes the application's own
    (issue 26: it is kept with the application, so nobody says it again). Raises
    InputError for an unknown language.
    """
    if language is None:
        language = application.language
        address = application.address if address is None else address
    if address is None:
        address = Address.FORMAL
    if not greeting and not application.contact:
        greeting = team_addressee(application.company, language)
    return Situation(
        stage=application.stage,
        reason=reason,
        via_recruiter=bool(application.recruiter),
        contact=application.contact,
        contact_email=application.contact_email,
        role=application.role,
        company=application.company,
        recruiter=application.recruiter,
        greeting=greeting,
        voice=voice,
        language=language,
        address=address,
    )


def draft_batch(
    composer: Composer,
    profile: Profile,
    applications: Iterable[Application],
    reason: Reason,
    voice: Voice = Voice.WARM,
    *,
    greeting: str = "",
    language: str | None = None,
    address: Address | None = None,
) -> Iterator[tuple[Application, Draft]]:
    """A draft for each application, each on the channel its own situation calls for
    (``greeting``, ``language``, ``address``: as in :func:`situation_for`)."""
    for application in applications:
        situation = situation_for(
            application, reason, voice, greeting, language=language, address=address
        )
        yield application, composer.compose(situation, profile)
