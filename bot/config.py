"""Settings from the environment or `.env` (pydantic-settings)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# A Bot API token is "<bot id>:<35 characters>"; we accept 30+ to stay lenient with test tokens.
POLA_TOKEN = re.compile(r"^\d{5,}:[A-Za-z0-9_-]{30,}$")
# What Telegram allows as a webhook's secret_token.
POLA_RAHASIA = re.compile(r"[A-Za-z0-9_-]{1,256}")


class KonfigurasiSalah(Exception):
    """The settings cannot start the bot; the message is one line for the operator."""


class Settings(BaseSettings):
    """Everything the bot reads from its environment."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    database_url: str = "sqlite+aiosqlite:///./data/asisten-mutu.db"
    telegram_api_url: str = "https://api.telegram.org/bot"
    telegram_file_url: str = "https://api.telegram.org/file/bot"
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    default_timezone: str = "Asia/Jakarta"
    data_dir: Path = Path("./data")
    persistence_interval: float = 2.0
    # A school district may ship its own instrument; None means the one in db/.
    instrumen_file: Path | None = None
    # Telegram's flood limit for messages across all chats (about 30 a second); a local Bot API
    # server or a benchmark against a fake may set it higher.
    rate_limit_per_second: int = Field(default=30, ge=1)
    # Seconds between two runs of the reminder outbox.
    pengingat_interval: float = Field(default=30.0, gt=0)
    # Seconds a run holds the outbox rows it claimed; after a crash the next run sends them
    # once this has passed. Longer than one run's sending (200 rows at 28 a second).
    pengingat_sewa: float = Field(default=120.0, ge=1)
    # Updates handled at once (never two of one user); 1 processes strictly one at a time.
    concurrent_updates: int = Field(default=32, ge=1, le=256)
    # Webhook mode (`asisten-mutu run --webhook`): the public HTTPS address Telegram posts to,
    # the secret Telegram sends back with every post, and where this process listens (behind a
    # reverse proxy that ends TLS).
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "127.0.0.1:8080"

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _pisah_admin(cls, nilai: object) -> object:
        if isinstance(nilai, str):
            return [int(bagian) for bagian in re.split(r"[,\s]+", nilai.strip()) if bagian]
        return nilai

    @field_validator("default_timezone")
    @classmethod
    def _zona_dikenal(cls, nilai: str) -> str:
        try:
            ZoneInfo(nilai)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {nilai!r}") from exc
        return nilai

    def token(self) -> str:
        """The bot token, or `KonfigurasiSalah` with one clear line when missing or malformed."""
        if self.telegram_bot_token is None or not self.telegram_bot_token.get_secret_value():
            raise KonfigurasiSalah(
                "TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather and put it in the "
                "environment or in .env (TELEGRAM_BOT_TOKEN=123456:ABC...)."
            )
        token = self.telegram_bot_token.get_secret_value().strip()
        if not POLA_TOKEN.match(token):
            raise KonfigurasiSalah(
                "TELEGRAM_BOT_TOKEN is malformed: it should look like 123456789:AAE... "
                "as @BotFather gives it."
            )
        return token


@dataclass(frozen=True)
class OpsiWebhook:
    """How the webhook listens and what Telegram is told (`Updater.start_webhook` arguments)."""

    listen: str
    port: int
    url_path: str
    webhook_url: str
    secret_token: str


def opsi_webhook(settings: Settings) -> OpsiWebhook:
    """The webhook's options from the settings, or `KonfigurasiSalah` with one clear line."""
    if not settings.webhook_url:
        raise KonfigurasiSalah(
            "WEBHOOK_URL is not set: webhook mode needs the public https address Telegram "
            "posts updates to"
        )
    rahasia = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    if not POLA_RAHASIA.fullmatch(rahasia):
        raise KonfigurasiSalah(
            "WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -: Telegram sends "
            "it with every update and the bot refuses posts without it"
        )
    host, _, port = settings.webhook_listen.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise KonfigurasiSalah(
            f"WEBHOOK_LISTEN {settings.webhook_listen!r} should be HOST:PORT, e.g. 127.0.0.1:8080"
        )
    jalur = urlsplit(settings.webhook_url).path.strip("/")
    return OpsiWebhook(host.strip("[]"), int(port), jalur, settings.webhook_url, rahasia)


def muat_settings() -> Settings:
    """Read settings; a malformed value becomes `KonfigurasiSalah` with one line."""
    try:
        return Settings()
    except ValidationError as exc:
        pertama = exc.errors()[0]
        nama = ".".join(str(x) for x in pertama["loc"]).upper()
        raise KonfigurasiSalah(f"setting {nama} is invalid: {pertama['msg']}") from None


def berkas_instrumen(settings: Settings) -> Path:
    """The instrument file this deployment uses."""
    from db.berkas_instrumen import INSTRUMEN_BAWAAN

    return settings.instrumen_file or INSTRUMEN_BAWAAN
