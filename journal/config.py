"""Settings a worker or a service may change, in one TOML file, all optional.

| setting                   | default | what it changes                                  |
|---------------------------|---------|--------------------------------------------------|
| `language`                | (LANG)  | the language, when `--lang` is not given         |
| `idle_lock_minutes`       | 5       | how long the app waits, idle, before locking     |
| `backup_generations`      | 10      | how many backups of the journal are kept         |
| `backup_reminder_days`    | 7       | days without a backup before the status bar says |
| `retention_years`         | 2       | the retention review (CNIL: 2 years)             |
| `review_delay_months`     | 6       | when a kept person comes back for review         |
| `consultation_log_months` | 12      | how long the record of consultations is kept     |
| `agent_idle_minutes`      | 15      | how long `dentelle unlock`'s agent waits, unused |

The file is `config.toml` in the platform's user config folder (`dentelle` below it),
or `$DENTELLE_CONFIG` when set. Custom pertinence word lists live beside it in
`wordlists/`. A malformed file is reported and the defaults are used: a typo in a
setting must never keep a worker out of their notes.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from platformdirs import user_config_dir

CONFIG_VARIABLE = "DENTELLE_CONFIG"


def config_dir(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if env.get(CONFIG_VARIABLE):
        return Path(env[CONFIG_VARIABLE]).expanduser().parent
    return Path(user_config_dir("dentelle", appauthor=False))


def config_file(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if env.get(CONFIG_VARIABLE):
        return Path(env[CONFIG_VARIABLE]).expanduser()
    return config_dir(env) / "config.toml"


@dataclass(frozen=True)
class Config:
    language: str | None = None
    idle_lock_minutes: float = 5
    backup_generations: int = 10
    backup_reminder_days: int = 7
    retention_years: int = 2
    review_delay_months: int = 6
    consultation_log_months: int = 12
    agent_idle_minutes: float = 15
    problems: tuple[str, ...] = field(default=(), compare=False)

    @property
    def wordlists_dir(self) -> Path:
        return config_dir() / "wordlists"


def load_config(path: Path | None = None) -> Config:
    """The settings from `path` (default: `config_file()`), defaults for the rest."""
    path = path or config_file()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(problems=(f"{path}: {error}",))
    config = Config()
    problems = []
    known = {f.name: f for f in fields(Config) if f.name != "problems"}
    for key, value in data.items():
        if key not in known:
            problems.append(f"{path}: unknown setting {key!r}")
            continue
        default = getattr(config, key)
        expected = (int, float) if isinstance(default, (int, float)) else (str, type(None))
        if isinstance(value, bool) or not isinstance(value, expected):
            problems.append(f"{path}: {key} has the wrong type")
            continue
        config = replace(config, **{key: value})
    return replace(config, problems=tuple(problems))
