"""The storage types the use-cases hold without looking inside: a connection, a row, a
prepared query, the engine, and the error of a uniqueness race. bot/layanan imports them from
here, so SQLAlchemy is a detail of db/ (tests/test_rumah.py keeps it so)."""

from __future__ import annotations

from sqlalchemy import Select
from sqlalchemy.engine import Row
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

__all__ = ["AsyncConnection", "AsyncEngine", "IntegrityError", "Row", "Select"]
