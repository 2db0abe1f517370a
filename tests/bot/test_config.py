import pytest

from bot.config import KonfigurasiSalah, Settings

TOKEN = "123456789:" + "A" * 35


def test_token_hilang_atau_rusak_satu_baris_jelas() -> None:
    with pytest.raises(KonfigurasiSalah, match="TELEGRAM_BOT_TOKEN is not set"):
        Settings(_env_file=None, telegram_bot_token=None).token()
    with pytest.raises(KonfigurasiSalah, match="malformed"):
        Settings(_env_file=None, telegram_bot_token="abc").token()
    assert Settings(_env_file=None, telegram_bot_token=TOKEN).token() == TOKEN


def test_admin_ids_dipisah_koma(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_IDS", "11, 22 33")
    assert Settings(_env_file=None).admin_ids == [11, 22, 33]


def test_zona_waktu_tidak_dikenal_ditolak() -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        Settings(_env_file=None, default_timezone="Mars/Olympus")
