"""The categories a finding may have, and how the views word them and the question."""

from __future__ import annotations

from collections.abc import Iterable

from journal.i18n import DEFAULT_LANGUAGE, register, translate

CATEGORIES = (
    "judgment",
    "insult",
    "health",
    "addiction",
    "religion",
    "politics",
    "origin",
    "sexuality",
    "offence",
    "hearsay",
    "abbreviation",
)

QUESTION = "pertinence.question"

register(
    {
        QUESTION: {
            "fr": "Est-ce utile à l'accompagnement ? "
            "Seriez-vous à l'aise si la personne le lisait ?",
            "en": "Would this be useful to the person's support? "
            "Would you be comfortable if they read it?",
        },
        "pertinence.reason.judgment": {
            "fr": "Un jugement sur le comportement ou le caractère de la personne.",
            "en": "A judgment of the person's behaviour or character.",
        },
        "pertinence.reason.insult": {
            "fr": "Une insulte ou un mot péjoratif : une note ne doit jamais insulter.",
            "en": "An insult or a derogatory word: a note must never insult.",
        },
        "pertinence.reason.addiction": {
            "fr": "Une consommation ou une addiction : une donnée de santé, à n'écrire que "
            "si c'est nécessaire à l'accompagnement, en faits constatés.",
            "en": "Drinking, drug use or an addiction: health data, to write only if the "
            "person's support needs it, as facts observed.",
        },
        "pertinence.reason.hearsay": {
            "fr": "Un ouï-dire : ce qui n'a été ni constaté ni vérifié n'a pas sa place "
            "dans une note.",
            "en": "Hearsay: what was neither seen nor checked has no place in a note.",
        },
        "pertinence.reason.health": {
            "fr": "Une donnée de santé : à n'écrire que si c'est nécessaire à l'accompagnement.",
            "en": "Health data: write it only if the person's support needs it.",
        },
        "pertinence.reason.religion": {
            "fr": "Une conviction religieuse : à n'écrire que si c'est nécessaire "
            "à l'accompagnement.",
            "en": "A religious belief: write it only if the person's support needs it.",
        },
        "pertinence.reason.politics": {
            "fr": "Une opinion politique ou un engagement syndical : à n'écrire que si "
            "c'est nécessaire à l'accompagnement.",
            "en": "A political opinion or trade-union membership: write it only if the "
            "person's support needs it.",
        },
        "pertinence.reason.origin": {
            "fr": "Une origine ethnique ou « raciale » : à n'écrire que si c'est "
            "nécessaire à l'accompagnement.",
            "en": "Ethnic or racial origin: write it only if the person's support needs it.",
        },
        "pertinence.reason.sexuality": {
            "fr": "La vie ou l'orientation sexuelle : à n'écrire que si c'est nécessaire "
            "à l'accompagnement.",
            "en": "Sex life or sexual orientation: write it only if the person's support needs it.",
        },
        "pertinence.reason.offence": {
            "fr": "Une infraction, une condamnation ou une mesure pénale : à n'écrire que "
            "si c'est nécessaire à l'accompagnement.",
            "en": "An offence, a conviction or a criminal-justice measure: write it only "
            "if the person's support needs it.",
        },
        "pertinence.reason.abbreviation": {
            "fr": "Une abréviation ambiguë ou péjorative : écrivez le mot en entier, "
            "ou décrivez les faits.",
            "en": "An ambiguous or derogatory abbreviation: spell it out, or describe the facts.",
        },
        "pertinence.category.judgment": {"fr": "Jugement", "en": "Judgment"},
        "pertinence.category.insult": {"fr": "Insulte", "en": "Insult"},
        "pertinence.category.health": {"fr": "Santé", "en": "Health"},
        "pertinence.category.addiction": {"fr": "Addiction", "en": "Addiction"},
        "pertinence.category.hearsay": {"fr": "Ouï-dire", "en": "Hearsay"},
        "pertinence.category.religion": {"fr": "Religion", "en": "Religion"},
        "pertinence.category.politics": {
            "fr": "Opinions politiques ou syndicales",
            "en": "Political or union opinions",
        },
        "pertinence.category.origin": {"fr": "Origine", "en": "Origin"},
        "pertinence.category.sexuality": {"fr": "Vie sexuelle", "en": "Sex life"},
        "pertinence.category.offence": {"fr": "Infractions", "en": "Offences"},
        "pertinence.category.abbreviation": {"fr": "Abréviation", "en": "Abbreviation"},
        # A question of its own where the general one does not fit the doubt.
        "pertinence.question.hearsay": {
            "fr": "Qui l'a constaté ? Si c'est utile, pouvez-vous dire qui l'a dit et que "
            "ce n'est pas vérifié ?",
            "en": "Who saw it? If it matters, can you say who said it and that it is not checked?",
        },
        "pertinence.question.insult": {
            "fr": "Que s'est-il passé, concrètement ? La personne pourrait lire ce mot.",
            "en": "What actually happened? The person could read this word.",
        },
        "pertinence.question.judgment": {
            "fr": "Qu'avez-vous vu ou entendu qui vous le fait penser ?",
            "en": "What did you see or hear that makes you think so?",
        },
    }
)

_OWN_QUESTION = ("hearsay", "insult", "judgment")
# Their own question says all: the general one would only repeat it.
_COMPLETE_QUESTION = ("hearsay", "insult")


def reason(category: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Why a word of `category` was pointed at, in plain words, for the worker."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}")
    return translate(f"pertinence.reason.{category}", lang)


def category_label(category: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A short name for `category` (a heading or a tag in the views)."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}")
    return translate(f"pertinence.category.{category}", lang)


def question(lang: str = DEFAULT_LANGUAGE, category: str | None = None) -> str:
    """The question the views ask next to a finding of `category` (or any), in `lang`."""
    if category in _OWN_QUESTION:
        return translate(f"pertinence.question.{category}", lang)
    return translate(QUESTION, lang)


def questions(asked_about: Iterable[tuple[str, str]]) -> list[str]:
    """The questions for findings given as (language, category), each once, in order:
    the category's own question where it has one, then the general question ("Est-ce
    utile… Seriez-vous à l'aise…") in each language unless every finding in it has a
    question that says all."""
    own: list[str] = []
    general: list[str] = []
    for lang, category in asked_about:
        if category in _OWN_QUESTION:
            text = translate(f"pertinence.question.{category}", lang)
            if text not in own:
                own.append(text)
        if category not in _COMPLETE_QUESTION:
            text = translate(QUESTION, lang)
            if text not in general:
                general.append(text)
    return own + general
