"""The operator's command line: backup and restore with evidence files, schools, one
person's data."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.cli import main
from bot.config import Settings
from bot.layanan import Layanan
from bot.layanan import bukti as layanan_bukti
from bot.layanan.bukti import Berkas
from db import keanggotaan, pengguna, sekolah
from db.kunci_proses import kunci_sqlite
from db.mesin import buat_mesin
from db.migrasi_api import url_sinkron
from db.tabel import siklus
from tests import basis_data

WAKTU = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
KEPALA, GURU, BARU = 501, 502, 503


@pytest.fixture
def lingkungan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    _arahkan(monkeypatch, tmp_path / "data")
    return tmp_path


def _arahkan(monkeypatch: pytest.MonkeyPatch, data: Path) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{data / 'am.db'}")
    monkeypatch.setenv("DATA_DIR", str(data))


async def _isi(data: Path, url: str | None = None) -> None:
    """A school, its kepala and a teacher, and one evidence file of the teacher."""
    settings = Settings(
        _env_file=None,
        database_url=url or f"sqlite+aiosqlite:///{data / 'am.db'}",
        data_dir=data,
    )
    lay = Layanan(mesin=buat_mesin(settings.database_url), settings=settings, jam=lambda: WAKTU)
    async with lay.mesin.begin() as conn:
        sid = await sekolah.buat(
            conn,
            npsn="20512345",
            nama="SMP Negeri 1 Sleman",
            jenjang="SMP",
            kabupaten="Sleman",
            provinsi="DI Yogyakarta",
            zona_waktu="Asia/Jakarta",
            waktu=WAKTU,
        )
        for uid, nama, peran in (
            (KEPALA, "Pak Kepala", "kepala_sekolah"),
            (GURU, "Bu Guru", "guru"),
        ):
            await pengguna.catat_kunjungan(conn, uid, nama, None, WAKTU)
            await keanggotaan.tambah(
                conn, pengguna_id=uid, sekolah_id=sid, peran=peran, waktu=WAKTU
            )
        await pengguna.catat_kunjungan(conn, BARU, "Bu Baru", None, WAKTU)
        hasil = await conn.execute(
            siklus.insert().values(sekolah_id=sid, tahun_ajaran="2026/2027", dibuka_pada=WAKTU)
        )
        await layanan_bukti.simpan(
            conn,
            lay,
            Berkas("f1", "u1", "foto kelas.png", "image/png", b"\\x89PNG isi bukti"),
            sekolah_id=sid,
            siklus_id=hasil.inserted_primary_key[0],
            pengguna_id=GURU,
            sumber="pertanyaan:X",
        )
    await lay.mesin.dispose()


def test_backup_dan_restore_bolak_balik_dengan_bukti(
    lingkungan: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade"]) == 0
    asyncio.run(_isi(lingkungan / "data"))
    kunci_sqlite(lingkungan / "data" / "am.db")  # a bot running on it
    cadangan = lingkungan / "cadangan"
    assert main(["backup", str(cadangan)]) == 0
    # The database goes by the online backup only; the bot's lock file is not copied.
    assert not list((cadangan / "data").glob("am.db*"))
    assert "1 files" in capsys.readouterr().out
    assert main(["backup", str(cadangan)]) == 2

    # Restore refuses a data folder that is not empty.
    assert main(["restore", str(cadangan)]) == 2
    assert "restore only" in capsys.readouterr().err
    baru = lingkungan / "pulih"
    _arahkan(monkeypatch, baru)
    assert main(["restore", str(cadangan)]) == 0
    with sqlite3.connect(baru / "am.db") as conn:
        (path,) = conn.execute("select path from bukti").fetchone()
        nama = {n for (n,) in conn.execute("select nama from pengguna")}
    assert not Path(path).is_absolute()  # relative to DATA_DIR: no rewrite on restore
    assert (baru / path).read_bytes() == b"\\x89PNG isi bukti"
    assert nama == {"Pak Kepala", "Bu Guru", "Bu Baru"}


def test_backup_dan_restore_postgresql_dengan_bukti(
    lingkungan: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    url_postgresql: str,
    server_postgresql: str,
) -> None:
    """On PostgreSQL, backup is pg_dump plus the evidence files; restore goes into an empty
    database only (one transaction: a database with tables is refused and left as it was)."""
    monkeypatch.setenv("DATABASE_URL", url_postgresql)
    assert main(["db", "upgrade"]) == 0
    asyncio.run(_isi(lingkungan / "data", url_postgresql))
    cadangan = lingkungan / "cadangan"
    assert main(["backup", str(cadangan)]) == 0
    assert (cadangan / "asisten-mutu.pgdump").stat().st_size > 0
    assert "1 files" in capsys.readouterr().out
    assert main(["backup", str(cadangan)]) == 2

    baru = lingkungan / "pulih"
    monkeypatch.setenv("DATA_DIR", str(baru))
    assert main(["restore", str(cadangan)]) == 2  # into the database it came from
    assert "pg_restore failed" in capsys.readouterr().err
    assert not baru.exists() or not any(baru.iterdir())

    sasaran = basis_data.basis_data_kosong(server_postgresql)
    monkeypatch.setenv("DATABASE_URL", sasaran)
    assert main(["restore", str(cadangan)]) == 0
    mesin = create_engine(url_sinkron(sasaran))
    try:
        with mesin.connect() as conn:
            path = conn.execute(text("select path from bukti")).scalar_one()
            nama = set(conn.execute(text("select nama from pengguna")).scalars())
    finally:
        mesin.dispose()
    assert (baru / path).read_bytes() == b"\\x89PNG isi bukti"
    assert nama == {"Pak Kepala", "Bu Guru", "Bu Baru"}


def test_operator_sekolah_dan_pengguna(
    lingkungan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade"]) == 0
    asyncio.run(_isi(lingkungan / "data"))
    capsys.readouterr()
    assert main(["sekolah", "cari", "20512345"]) == 0
    keluar = capsys.readouterr().out
    assert "SMP Negeri 1 Sleman" in keluar and f"kepala sekolah (Telegram id): {KEPALA}" in keluar
    assert main(["sekolah", "cari", "99999999"]) == 2

    # The only kepala cannot be erased before the school is handed over.
    assert main(["pengguna", "hapus", str(KEPALA)]) == 2
    assert "hand the school over first" in capsys.readouterr().err
    assert main(["sekolah", "serahkan", "20512345", "999"]) == 2
    assert main(["sekolah", "serahkan", "20512345", str(BARU)]) == 0
    assert main(["sekolah", "cari", "20512345"]) == 0
    assert f"kepala sekolah (Telegram id): {BARU}" in capsys.readouterr().out
    assert main(["pengguna", "hapus", str(KEPALA)]) == 0

    # A teacher's data, exported to a folder, then erased.
    folder = lingkungan / "ekspor"
    assert main(["pengguna", "ekspor", str(GURU), str(folder)]) == 0
    (arsip,) = folder.iterdir()
    with zipfile.ZipFile(arsip) as zf:
        data = json.loads(zf.read(next(n for n in zf.namelist() if n.endswith(".json"))))
        assert any(n.startswith("bukti/") for n in zf.namelist())
    assert data["profil"][0]["nama"] == "Bu Guru"
    assert main(["pengguna", "hapus", str(GURU)]) == 0
    assert main(["pengguna", "hapus", str(GURU)]) == 2
    with sqlite3.connect(lingkungan / "data" / "am.db") as conn:
        nama = {n for (n,) in conn.execute("select nama from pengguna")}
        aksi = [a for (a,) in conn.execute("select aksi from audit order by id")]
    assert "Bu Guru" not in nama and "Pak Kepala" not in nama
    assert not list((lingkungan / "data" / "bukti").rglob("*.png"))
    assert aksi.count("privasi.hapus") == 2 and "operator.serahkan" in aksi

    assert main(["sekolah", "nonaktifkan", "20512345"]) == 0
    assert "1 members left" in capsys.readouterr().out.splitlines()[-1]
