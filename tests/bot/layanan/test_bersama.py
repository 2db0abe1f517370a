"""The helpers the document use-cases share: who signs, and the evaluation rows."""

from __future__ import annotations

from types import SimpleNamespace

from bot.layanan.anggota import penandatangan
from bot.layanan.monev import evaluasi_dokumen
from bot.mutu.peran import Peran


def test_penandatangan_kepala_dan_koordinator_atau_kosong() -> None:
    anggota = [
        SimpleNamespace(nama="Bu Sari", peran=Peran.GURU),
        SimpleNamespace(nama="Bu Koor", peran=Peran.KOORDINATOR),
        SimpleNamespace(nama="Pak Budi", peran=Peran.KEPALA_SEKOLAH),
    ]
    assert penandatangan(anggota) == ("Pak Budi", "Bu Koor")  # type: ignore[arg-type]
    assert penandatangan(anggota[:1]) == ("", "")  # type: ignore[arg-type]


def test_evaluasi_dokumen_menamai_masalah_atau_memakai_kodenya() -> None:
    baris = [
        SimpleNamespace(
            indikator_kode=kode,
            program_nama="Pelatihan",
            target_tercapai="sebagian",
            capaian="Skor 3,5",
            alasan="Jadwal bentrok",
            tindak_lanjut="lanjutkan",
        )
        for kode in ("1.1", "2.3")
    ]
    hasil = evaluasi_dokumen(baris, {"1.1": "1.1 Lulusan bersikap baik"})  # type: ignore[arg-type]
    assert [e.masalah for e in hasil] == ["1.1 Lulusan bersikap baik", "2.3"]
    assert hasil[0].tindak_lanjut == "lanjutkan" and hasil[0].capaian == "Skor 3,5"
