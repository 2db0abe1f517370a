"""`asisten-mutu instrumen periksa-akreditasi`: the shipped files pass, a broken one names
its line."""

from pathlib import Path

import pytest

from bot.cli import main
from db.berkas_instrumen import BERKAS, FOLDER_DATA


def test_periksa_akreditasi(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env of the developer's is read
    assert main(["instrumen", "periksa-akreditasi"]) == 0
    keluar = capsys.readouterr().out
    assert "akreditasi_iasp2020.yaml: IASP 2020, 4 components, 35 core butir" in keluar
    assert "akreditasi_ia2024.yaml: IA2024" in keluar

    baris = (FOLDER_DATA / BERKAS["iasp2020"]).read_text(encoding="utf-8").splitlines()
    nomor = next(
        i
        for i, b in enumerate(baris)
        if "metode: [telaah_dokumen, wawancara, observasi, angket]" in b
    )
    baris[nomor] = baris[nomor].replace("angket", "uji_petik")
    rusak = tmp_path / "rusak.yaml"
    rusak.write_text("\n".join(baris), encoding="utf-8")
    assert main(["instrumen", "periksa-akreditasi", str(rusak)]) == 1
    galat = capsys.readouterr().err
    assert "rusak.yaml baris" in galat and "metode 'uji_petik' tidak dikenal" in galat


def test_periksa_akreditasi_ia2024(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """IA2024 and the old draft pass; N/A on an indicator the instrument does not allow is
    named with its line."""
    monkeypatch.chdir(tmp_path)
    assert main(["instrumen", "periksa-akreditasi"]) == 0
    keluar = capsys.readouterr().out
    assert "akreditasi_ia2024_draf10.yaml: IA2024 draf lama (10 butir)" in keluar
    teks = (FOLDER_DATA / BERKAS["ia2024"]).read_text(encoding="utf-8")
    rusak = tmp_path / "rusak.yaml"
    rusak.write_text(teks.replace("  na_boleh: false\n", "  na_boleh: true\n", 1), encoding="utf-8")
    assert main(["instrumen", "periksa-akreditasi", str(rusak)]) == 1
    galat = capsys.readouterr().err
    assert "rusak.yaml baris" in galat and "indikator 1.1.1: N/A hanya boleh" in galat


def test_awal_berhenti_bila_instrumen_akreditasi_rusak(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Start-up refuses a broken accreditation file before touching the database."""
    from bot import cli
    from bot.config import KonfigurasiSalah, Settings

    teks = (FOLDER_DATA / BERKAS["ia2024"]).read_text(encoding="utf-8")
    (tmp_path / "akreditasi_ia2024.yaml").write_text(
        teks.replace("    diketahui: false", "    diketahui: true"), encoding="utf-8"
    )
    for kode, nama in BERKAS.items():
        if kode != "ia2024":
            (tmp_path / nama).write_text(
                (FOLDER_DATA / nama).read_text(encoding="utf-8"), encoding="utf-8"
            )
    monkeypatch.setattr(cli, "FOLDER_DATA", tmp_path)
    db = tmp_path / "tidak-disentuh.db"
    settings = Settings(
        _env_file=None,
        telegram_bot_token="123456789:" + "A" * 35,
        database_url=f"sqlite+aiosqlite:///{db}",
    )
    with pytest.raises(KonfigurasiSalah, match="agregasi_skor.diketahui"):
        cli.jalankan(settings)
    assert not db.exists()
