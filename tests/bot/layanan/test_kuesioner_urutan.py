"""Which question comes next: pure rules over a respondent's stored state."""

from datetime import UTC, datetime, timedelta

from bot.layanan.instrumen_berkas import bawaan
from bot.layanan.kuesioner import Keadaan, Sesi, daftar_pertanyaan, pilih_berikut

INST = bawaan()
SESI = Sesi(1, 1, 7, "kepala_sekolah", INST)
SOAL = [p for p in INST.pertanyaan_untuk("kepala_sekolah") if p.jika is None]
T0 = datetime(2026, 11, 23, tzinfo=UTC)


def test_pertanyaan_bersyarat_muncul_setelah_jawaban_ya() -> None:
    kosong = daftar_pertanyaan(SESI, Keadaan({}, {}, {}))
    assert "2.2-02" not in [p.kode for p in kosong]
    ya = daftar_pertanyaan(SESI, Keadaan({"2.2-01": "ya"}, {}, {}))
    assert "2.2-02" in [p.kode for p in ya]
    tidak = daftar_pertanyaan(SESI, Keadaan({"2.2-01": "tidak"}, {}, {}))
    assert "2.2-02" not in [p.kode for p in tidak]


def test_urutan_dikembalikan_dulu_lalu_belum_dijawab_lalu_lewatan_terlama() -> None:
    a, b, c = SOAL[0].kode, SOAL[1].kode, SOAL[2].kode
    semua = {p.kode: "0" for p in SOAL if p.jika is None}
    keadaan = Keadaan(
        {k: v for k, v in semua.items() if k not in (a, b, c)},
        {},
        {
            a: T0 + timedelta(minutes=5),
            b: T0,
        },
    )
    soal = daftar_pertanyaan(SESI, keadaan)
    assert pilih_berikut(soal, keadaan, ulang_lewatan=True).kode == c  # type: ignore[union-attr]
    keadaan.jawaban[c] = "0"
    assert pilih_berikut(soal, keadaan, ulang_lewatan=False) is None
    assert pilih_berikut(soal, keadaan, ulang_lewatan=True).kode == b  # type: ignore[union-attr]
    kembali = Keadaan(
        {**keadaan.jawaban, SOAL[5].kode: "1"}, {SOAL[5].kode: "cek"}, keadaan.lewatan
    )
    assert pilih_berikut(soal, kembali, ulang_lewatan=True).kode == SOAL[5].kode  # type: ignore[union-attr]
