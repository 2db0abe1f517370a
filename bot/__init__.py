"""Asisten Mutu: bot Telegram pendamping siklus SPMI sekolah."""

import os
from importlib.metadata import PackageNotFoundError, version

# RetryAfter.retry_after as a timedelta (PTB >= 22.2), without the deprecation warning.
os.environ.setdefault("PTB_TIMEDELTA", "true")

try:
    __version__ = version("asisten-mutu")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
