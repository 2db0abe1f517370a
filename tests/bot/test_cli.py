import os
import sqlite3
from pathlib import Path

import pytest

from bot.cli import main
from db.kunci_proses import SudahBerjalan, kunci_sqlite

TOKEN = "123456789:" + "A" * 35


@pytest.fixture
def lingkungan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no .env of the developer's is read
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'data' / 'am.db'}")
    return tmp_path


def test_run_tanpa_token_keluar_2_dengan_satu_baris(
    lingkungan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "TELEGRAM_BOT_TOKEN is not set" in err[0]
    assert not (lingkungan / "data").exists()  # nothing touched before the token is known


def test_run_token_rusak_keluar_2(
    lingkungan: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "bukan-token")
    assert main(["run"]) == 2
    assert "malformed" in capsys.readouterr().err


def test_db_upgrade_lalu_backup_tidak_menimpa(
    lingkungan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade"]) == 0
    salinan = lingkungan / "salinan"
    assert main(["backup", str(salinan)]) == 0
    with sqlite3.connect(salinan / "asisten-mutu.db") as conn:
        tabel = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    assert {"sekolah", "pengguna", "keanggotaan", "undangan", "siklus", "audit"} <= tabel
    ukuran = (salinan / "asisten-mutu.db").stat().st_size
    assert main(["backup", str(salinan)]) == 2
    assert "exists already" in capsys.readouterr().err
    assert (salinan / "asisten-mutu.db").stat().st_size == ukuran


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as keluar:
        main(["--version"])
    assert keluar.value.code == 0
    assert capsys.readouterr().out.startswith("asisten-mutu ")


def test_instrumen_periksa_menyebut_baris_yang_rusak(
    lingkungan: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["instrumen", "periksa"]) == 0
    assert "8 standards, 29 indicators" in capsys.readouterr().out
    from db.berkas_instrumen import INSTRUMEN_BAWAAN

    rusak = lingkungan / "rusak.yaml"
    teks = INSTRUMEN_BAWAAN.read_text(encoding="utf-8")
    baris = teks.splitlines()
    nomor = next(i for i, b in enumerate(baris) if 'kode: "1.1-02"' in b)
    baris[nomor] = baris[nomor].replace("1.1-02", "1.1-01")  # a duplicate question code
    rusak.write_text("\n".join(baris), encoding="utf-8")
    assert main(["instrumen", "periksa", str(rusak)]) == 1
    err = capsys.readouterr().err
    assert f"baris {nomor + 1}" in err and "1.1-01" in err
    # The bot refuses to start on it, with the same line, and touches no database.
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("INSTRUMEN_FILE", str(rusak))
    assert main(["run"]) == 2
    assert f"baris {nomor + 1}" in capsys.readouterr().err
    assert not (lingkungan / "data").exists()


def test_run_tanpa_jaringan_ke_telegram_satu_baris_keluar_1(
    lingkungan: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_API_URL", "http://127.0.0.1:9/bot")  # nothing listens there
    assert main(["run"]) == 1
    akhir = capsys.readouterr().err.strip().splitlines()[-1]
    assert akhir.startswith("asisten-mutu: cannot reach the Bot API at http://127.0.0.1:9/bot")


def test_run_kedua_pada_sqlite_yang_sama_menolak_dengan_satu_baris(
    lingkungan: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    berkas = lingkungan / "data" / "am.db"
    fd = kunci_sqlite(berkas)  # the first bot process, still running
    try:
        assert main(["run"]) == 2
    finally:
        os.close(fd)
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "already using" in err[0] and "only one bot process" in err[0]
    assert not berkas.exists()  # refused before migrating


def test_kunci_sqlite_lepas_saat_proses_berakhir(lingkungan: Path) -> None:
    berkas = lingkungan / "data" / "am.db"
    fd = kunci_sqlite(berkas)
    with pytest.raises(SudahBerjalan):
        kunci_sqlite(berkas)
    os.close(fd)  # what the operating system does when the process ends, kill -9 included
    os.close(kunci_sqlite(berkas))


def test_run_webhook_tanpa_url_keluar_2_dengan_satu_baris(
    lingkungan: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.delenv("WEBHOOK_URL", raising=False)
    assert main(["run", "--webhook"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "WEBHOOK_URL is not set" in err[0]
    assert not (lingkungan / "data").exists()
