"""The two database engines every conversation test runs on.

Each test that uses the bot's database runs twice: on SQLite (the embedded default: its own
file, copied from a migrated template) and on PostgreSQL (its own database, copied inside the
server from a migrated template database with `CREATE DATABASE ... TEMPLATE`).

The PostgreSQL server is `UJI_POSTGRESQL` (`postgresql+asyncpg://user@host:port/`) when set;
otherwise the tests start a throwaway cluster of their own (initdb in a temporary folder,
listening on 127.0.0.1 only, stopped at the end). Without PostgreSQL's programs (Debian's
`postgresql` package, which `.ci/sistem` installs) the PostgreSQL half is skipped on a
developer's machine and fails in CI."""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from db.migrasi_api import tingkatkan, url_sinkron

PEUBAH = "UJI_POSTGRESQL"
MESIN = ("sqlite", "postgresql")
_nomor = itertools.count(1)


def _url_basis(server: str, nama: str) -> str:
    return make_url(server).set(database=nama).render_as_string(hide_password=False)


def _perintah_server(server: str, *perintah: str) -> None:
    mesin = create_engine(url_sinkron(_url_basis(server, "postgres")), isolation_level="AUTOCOMMIT")
    try:
        with mesin.connect() as conn:
            for p in perintah:
                conn.execute(text(p))
    finally:
        mesin.dispose()


def folder_program_postgresql() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian's layout), or None."""
    kandidat = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3])
    )
    return kandidat[-1].parent if kandidat else None


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def cluster_sementara(awet: bool = False) -> Iterator[str | None]:
    """The PostgreSQL server URL for this test run, or None when none can be had. Tests run
    without fsync (nothing there must survive a power cut); `awet` keeps the server's durable
    defaults, for benchmarks that compare with SQLite's synchronous commits."""
    if os.environ.get(PEUBAH):
        yield os.environ[PEUBAH]
        return
    program = folder_program_postgresql()
    if program is None:
        yield None
        return
    # initdb refuses to run as root; run the server as the package's own user then.
    sebagai = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    folder = Path(tempfile.mkdtemp(prefix="uji-pg-"))
    if sebagai:
        shutil.chown(folder, "postgres")
    data, port = folder / "data", _port_bebas()
    jalankan = [*sebagai, str(program / "pg_ctl"), "-D", str(data), "-s"]
    subprocess.run(
        [*sebagai, str(program / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
        check=True,
        capture_output=True,
    )
    opsi = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c max_connections=200"
    if not awet:
        opsi += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    subprocess.run(
        [*jalankan, "-o", opsi, "-l", str(folder / "log"), "-w", "start"],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+asyncpg://postgres@127.0.0.1:{port}/"
    finally:
        subprocess.run([*jalankan, "-m", "immediate", "stop"], check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def buat_templat(mesin: str, folder: Path, server: str | None) -> str:
    """Migrate a template database once; its URL (a SQLite file, or a PostgreSQL database)."""
    if mesin == "sqlite":
        url = f"sqlite+aiosqlite:///{folder / 'templat.db'}"
    else:
        assert server is not None
        nama = f"uji_templat_{os.getpid()}"
        _perintah_server(server, f'DROP DATABASE IF EXISTS "{nama}"', f'CREATE DATABASE "{nama}"')
        url = _url_basis(server, nama)
    tingkatkan(url)
    return url


def salin(templat: str, folder: Path, server: str | None) -> str:
    """A fresh database for one test, copied from the template."""
    asal = make_url(templat)
    if asal.get_backend_name() == "sqlite":
        assert asal.database is not None
        berkas = folder / "bot.db"
        shutil.copy(asal.database, berkas)
        return f"sqlite+aiosqlite:///{berkas}"
    assert server is not None
    nama = f"uji_{os.getpid()}_{next(_nomor)}"
    for percobaan in range(5):
        try:
            _perintah_server(server, f'CREATE DATABASE "{nama}" TEMPLATE "{asal.database}"')
            break
        except Exception:  # the template is busy for a moment after a test that read it
            if percobaan == 4:
                raise
            time.sleep(0.2)
    return _url_basis(server, nama)


def basis_data_kosong(server: str) -> str:
    """A new empty PostgreSQL database (for a bot process that migrates it itself)."""
    nama = f"uji_{os.getpid()}_{next(_nomor)}"
    _perintah_server(server, f'CREATE DATABASE "{nama}"')
    return _url_basis(server, nama)
