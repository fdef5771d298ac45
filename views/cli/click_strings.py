"""click's own words (usage, options, its errors) and the names in a usage line, in French
and English: `views.cli.group.click_speaks` swaps click's gettext for these while a
command runs, since click's gettext follows the environment, not `--lang`."""

from __future__ import annotations

from journal.i18n import register

register(
    {
        # -- click's own words: "en" is click's gettext message id, word for word
        # (`views.cli.group.click_speaks` finds the key by it); "fr" keeps its fields.
        "cli.click.usage": {"fr": "Utilisation :", "en": "Usage:"},
        # click adds the colon to a heading: French puts a no-break space before it.
        "cli.click.options": {"fr": "Options\u00a0", "en": "Options"},
        "cli.click.commands": {"fr": "Commandes\u00a0", "en": "Commands"},
        "cli.click.help_option": {
            "fr": "Afficher ce message et quitter.",
            "en": "Show this message and exit.",
        },
        "cli.click.try": {
            "fr": "Voir « {command} {option} ».",
            "en": "Try '{command} {option}' for help.",
        },
        "cli.click.error": {"fr": "Erreur : {message}", "en": "Error: {message}"},
        "cli.click.missing_argument": {"fr": "Argument manquant", "en": "Missing argument"},
        "cli.click.missing_option": {"fr": "Option manquante", "en": "Missing option"},
        "cli.click.missing_parameter": {"fr": "Paramètre manquant", "en": "Missing parameter"},
        "cli.click.missing_command": {"fr": "Commande manquante.", "en": "Missing command."},
        "cli.click.no_such_option": {
            "fr": "Option inconnue : « {name} ».",
            "en": "No such option {name!r}.",
        },
        "cli.click.no_such_command": {
            "fr": "Commande inconnue : « {name} ».",
            "en": "No such command {name!r}.",
        },
        "cli.click.did_you_mean": {
            "fr": "Vouliez-vous dire {possibility} ?",
            "en": "Did you mean {possibility}?",
        },
        "cli.click.did_you_mean.other": {
            "fr": "(Vouliez-vous dire l'une de : {possibilities} ?)",
            "en": "(Did you mean one of: {possibilities}?)",
        },
        "cli.click.extra_argument": {
            "fr": "Argument en trop : {args}",
            "en": "Got unexpected extra argument ({args})",
        },
        "cli.click.extra_argument.other": {
            "fr": "Arguments en trop : {args}",
            "en": "Got unexpected extra arguments ({args})",
        },
        "cli.click.invalid_for": {
            "fr": "Valeur non valable pour {param_hint} : {message}",
            "en": "Invalid value for {param_hint}: {message}",
        },
        "cli.click.invalid": {
            "fr": "Valeur non valable : {message}",
            "en": "Invalid value: {message}",
        },
        "cli.click.not_choice": {
            "fr": "« {value} » n'est pas {choice}.",
            "en": "{value!r} is not {choice}.",
        },
        "cli.click.not_choice.other": {
            "fr": "« {value} » n'est pas l'une des valeurs {choices}.",
            "en": "{value!r} is not one of {choices}.",
        },
        "cli.click.needs_value": {
            "fr": "L'option « {name} » demande une valeur.",
            "en": "Option {name!r} requires an argument.",
        },
        "cli.click.needs_value.other": {
            "fr": "L'option « {name} » demande {nargs} valeurs.",
            "en": "Option {name!r} requires {nargs} arguments.",
        },
        "cli.click.takes_no_value": {
            "fr": "L'option « {name} » ne prend pas de valeur.",
            "en": "Option {name!r} does not take a value.",
        },
        "cli.click.not_a_number": {
            "fr": "« {value} » n'est pas un nombre valable.",
            "en": "{value!r} is not a valid {number_type}.",
        },
        "cli.click.out_of_range": {
            "fr": "{value} n'est pas dans l'intervalle {range}.",
            "en": "{value} is not in the range {range}.",
        },
        "cli.click.does_not_exist": {
            "fr": "{name} « {filename} » n'existe pas.",
            "en": "{name} {filename!r} does not exist.",
        },
        "cli.click.is_a_directory": {
            "fr": "{name} « {filename} » est un dossier.",
            "en": "{name} {filename!r} is a directory.",
        },
        "cli.click.is_a_file": {
            "fr": "{name} « {filename} » est un fichier.",
            "en": "{name} {filename!r} is a file.",
        },
        "cli.click.default": {"fr": "défaut : {default}", "en": "default: {default}"},
        "cli.click.required": {"fr": "obligatoire", "en": "required"},
        # The names in a usage line (click's metavars), in capitals as click writes them.
        "cli.metavar.options": {"fr": "OPTIONS", "en": "OPTIONS"},
        "cli.metavar.command": {"fr": "COMMANDE", "en": "COMMAND"},
        "cli.metavar.args": {"fr": "ARGUMENTS", "en": "ARGS"},
        "cli.metavar.text": {"fr": "TEXTE", "en": "TEXT"},
        "cli.metavar.person": {"fr": "PERSONNE", "en": "PERSON"},
        "cli.metavar.name": {"fr": "NOM", "en": "NAME"},
        "cli.metavar.new_name": {"fr": "NOUVEAU-NOM", "en": "NEW-NAME"},
        "cli.metavar.file": {"fr": "FICHIER", "en": "FILE"},
        "cli.metavar.folder": {"fr": "DOSSIER", "en": "FOLDER"},
        "cli.metavar.directory": {"fr": "DOSSIER", "en": "DIRECTORY"},
        "cli.metavar.path": {"fr": "CHEMIN", "en": "PATH"},
        "cli.metavar.integer": {"fr": "ENTIER", "en": "INTEGER"},
        "cli.metavar.number": {"fr": "NUMÉRO", "en": "NUMBER"},
        "cli.metavar.entry_id": {"fr": "ID_NOTE", "en": "ENTRY_ID"},
        "cli.metavar.words": {"fr": "MOTS", "en": "WORDS"},
    }
)
