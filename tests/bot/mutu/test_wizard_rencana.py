"""The /perencanaan wizard as a pure rule (bot/mutu/wizard_rencana.py): every step and
transition over the typed draft, the bad input of each typed step, the buttons of another step
(stale), a Rapor Pendidikan problem (PBD: Refleksi, butuh biaya, ARKAS, 0-100 target) against an
SNP one, and the stored JSON of the draft at every step."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.mutu import wizard_rencana as wz
from bot.mutu.wizard_rencana import Draf, Langkah

KT = wz.Konteks(hari_ini=date(2026, 7, 20), rentang=(date(2026, 7, 1), date(2027, 6, 30)))


def _jalan(draf: Draf, masukan: wz.Masukan, kt: wz.Konteks = KT) -> Draf:
    """One step that must go on; the draft after it, as the conversation stores and reads it."""
    hasil = wz.langkah(draf, masukan, kt)
    assert isinstance(hasil, wz.Lanjut), hasil
    return _simpan_baca(hasil.draf)


def _simpan_baca(draf: Draf) -> Draf:
    baca = Draf.dari(draf.isi())
    assert baca == draf
    return baca


def _kegiatan(indikator: str, **k: Any) -> Draf:
    isi: dict[str, Any] = {
        "deskripsi": "Pelatihan guru",
        "pic_id": 7,
        "mulai": "2026-08-01",
        "selesai": "2026-09-30",
    }
    isi.update(k)
    return Draf(langkah=Langkah.K_SELESAI_OK, indikator=indikator, program=1, k=isi)


# ------------------------------------------------------------------ the draft as stored JSON


def test_draf_dari_isi_bolak_balik_dan_kunci_lama_tetap() -> None:
    isi = {
        "langkah": "k_anggaran",
        "indikator": "A.1",
        "program": 2,
        "program_nama": "Literasi",
        "k": {"deskripsi": "Pojok baca", "pic_id": 3},
        "kunci_versi_lama": [1, 2],
    }
    draf = Draf.dari(isi)
    assert draf.langkah is Langkah.K_ANGGARAN
    assert draf.k == {"deskripsi": "Pojok baca", "pic_id": 3}
    assert draf._lain == {"kunci_versi_lama": [1, 2]}
    assert draf.isi() == isi


def test_draf_langkah_tak_dikenal_dibaca_tanpa_langkah() -> None:
    draf = Draf.dari({"langkah": "langkah_yang_sudah_dihapus", "indikator": "1.1"})
    assert draf.langkah is None
    assert wz.langkah(draf, wz.Teks("halo"), KT) == wz.LihatRencana()


def test_draf_kosong_menyimpan_k_hanya_di_langkah_kegiatan() -> None:
    assert "k" not in Draf(langkah=Langkah.PROGRAM, indikator="1.1").isi()
    assert Draf(langkah=Langkah.K_DESKRIPSI, indikator="1.1").isi()["k"] == {}


def test_akar_kode_kosong_tidak_disimpan() -> None:
    # The team wrote its own root cause: no code is stored, not a JSON null.
    draf = Draf(langkah=Langkah.AKAR_TEKS, indikator="A.1", akar="sdm", akar_kode=None)
    assert "akar_kode" not in draf.isi()


# ------------------------------------------------------------------ choosing a problem


@pytest.mark.parametrize(
    ("indikator", "langkah", "rapor"),
    [
        ("A.1", Langkah.AKAR_KODE, True),
        ("D.4", Langkah.AKAR_KODE, True),
        ("1.1", Langkah.AKAR_KATEGORI, False),
        ("5.3", Langkah.AKAR_KATEGORI, False),
    ],
)
def test_masalah_rapor_mulai_refleksi_masalah_snp_mulai_kategori(
    indikator: str, langkah: Langkah, rapor: bool
) -> None:
    draf = wz.mulai_masalah(indikator)
    assert draf == Draf(langkah=langkah, indikator=indikator)
    assert draf.rapor is rapor


def test_refleksi_pilih_saran_bot_lalu_kategori_lalu_penjelasan() -> None:
    draf = _jalan(wz.mulai_masalah("A.1"), wz.PilihAkarKode("D.1"))
    assert (draf.langkah, draf.akar_kode) == (Langkah.AKAR_KATEGORI, "D.1")
    draf = _jalan(draf, wz.PilihAkar("sdm"))
    assert (draf.langkah, draf.akar, draf.akar_kode) == (Langkah.AKAR_TEKS, "sdm", "D.1")
    hasil = wz.langkah(draf, wz.Teks("  Guru   belum dilatih\nliterasi  "), KT)
    assert hasil == wz.SimpanMasalah(
        "A.1",
        "sdm",
        "Guru belum dilatih literasi",
        "D.1",
        Draf(langkah=Langkah.PROGRAM, indikator="A.1"),
    )


def test_refleksi_tulis_sendiri_tanpa_kode() -> None:
    draf = _jalan(wz.mulai_masalah("A.2"), wz.PilihAkarKode(None))
    assert (draf.langkah, draf.akar_kode) == (Langkah.AKAR_KATEGORI, None)
    draf = _jalan(draf, wz.PilihAkar("sarana"))
    hasil = wz.langkah(draf, wz.Teks("Buku bacaan kurang"), KT)
    assert isinstance(hasil, wz.SimpanMasalah)
    assert (hasil.indikator, hasil.akar_kode) == ("A.2", None)


def test_masalah_snp_langsung_kategori_tanpa_kode() -> None:
    draf = _jalan(wz.mulai_masalah("2.3"), wz.PilihAkar("metode"))
    hasil = wz.langkah(draf, wz.Teks("Metode ceramah"), KT)
    assert hasil == wz.SimpanMasalah(
        "2.3", "metode", "Metode ceramah", None, Draf(langkah=Langkah.PROGRAM, indikator="2.3")
    )


def test_teks_di_langkah_tombol_refleksi_bertanya_lagi_tanpa_mengubah_draf() -> None:
    draf = wz.mulai_masalah("A.1")
    assert wz.langkah(draf, wz.Teks("D.1"), KT) == wz.Salah(draf, "pakai_tombol")
    kategori_rapor = Draf(langkah=Langkah.AKAR_KATEGORI, indikator="A.1", akar_kode="D.1")
    assert wz.langkah(kategori_rapor, wz.Teks("sdm"), KT) == wz.Salah(
        kategori_rapor, "pakai_tombol"
    )


def test_teks_di_kategori_masalah_snp_seperti_sebelum_pbd() -> None:
    # Before PBD text at the category buttons got "use the buttons" without the question.
    assert wz.langkah(wz.mulai_masalah("1.1"), wz.Teks("sdm"), KT) == wz.PakaiTombol()


@pytest.mark.parametrize("teks", ["", "   ", "\n\t"])
def test_penjelasan_akar_kosong_ditolak(teks: str) -> None:
    draf = Draf(langkah=Langkah.AKAR_TEKS, indikator="1.1", akar="sdm")
    assert wz.langkah(draf, wz.Teks(teks), KT) == wz.Salah(draf, "teks_kosong")


def test_teks_panjang_dipotong_di_batas() -> None:
    draf = Draf(langkah=Langkah.AKAR_TEKS, indikator="1.1", akar="sdm")
    hasil = wz.langkah(draf, wz.Teks("x" * 5000), KT)
    assert isinstance(hasil, wz.SimpanMasalah)
    assert len(hasil.penjelasan) == wz.MAKS_TEKS == 500


# ------------------------------------------------------------------ program and activity


def test_program_lalu_kegiatan_pertama() -> None:
    draf = Draf(langkah=Langkah.PROGRAM, indikator="A.1")
    hasil = wz.langkah(draf, wz.Teks("Gerakan literasi"), KT)
    assert hasil == wz.SimpanProgram(draf, "A.1", "Gerakan literasi")
    berikut = _simpan_baca(wz.setelah_program(draf, 3, "Gerakan literasi"))
    assert berikut == Draf(
        langkah=Langkah.K_DESKRIPSI, indikator="A.1", program=3, program_nama="Gerakan literasi"
    )


def test_deskripsi_lalu_pic_dengan_tombol() -> None:
    draf = Draf(langkah=Langkah.K_DESKRIPSI, indikator="A.1", program=1)
    draf = _jalan(draf, wz.Teks("Pojok baca kelas"))
    assert (draf.langkah, draf.k) == (Langkah.K_PIC, {"deskripsi": "Pojok baca kelas"})
    # The PIC is a button: typing there is not read.
    assert wz.langkah(draf, wz.Teks("Bu Sari"), KT) == wz.PakaiTombol()
    draf = _jalan(draf, wz.PilihPic(42))
    assert (draf.langkah, draf.k["pic_id"]) == (Langkah.K_MULAI, 42)


def test_tanggal_mulai_dibaca_lalu_dikonfirmasi() -> None:
    draf = Draf(langkah=Langkah.K_MULAI, indikator="A.1", program=1, k={"pic_id": 1})
    hasil = wz.langkah(draf, wz.Teks("1 agustus 2026"), KT)
    assert hasil == wz.Lanjut(
        draf.ke(Langkah.K_MULAI_OK, k={"pic_id": 1, "mulai_calon": "2026-08-01"}),
        tanggal=date(2026, 8, 1),
        di_luar_tahun=False,
    )
    assert isinstance(hasil, wz.Lanjut)
    draf = _jalan(hasil.draf, wz.KonfirmasiTanggal(True))
    assert draf.langkah is Langkah.K_SELESAI
    assert draf.k["mulai"] == "2026-08-01"


def test_tanggal_ditolak_kembali_mengetik_tanpa_calon() -> None:
    # "Bukan" on the date read: back to typing it, the candidate forgotten.
    draf = Draf(
        langkah=Langkah.K_MULAI_OK,
        indikator="1.1",
        program=1,
        k={"pic_id": 1, "mulai_calon": "2026-08-01"},
    )
    draf = _jalan(draf, wz.KonfirmasiTanggal(False))
    assert draf == Draf(langkah=Langkah.K_MULAI, indikator="1.1", program=1, k={"pic_id": 1})
    selesai = Draf(
        langkah=Langkah.K_SELESAI_OK,
        indikator="1.1",
        k={"mulai": "2026-08-01", "selesai_calon": "2026-09-01"},
    )
    assert _jalan(selesai, wz.KonfirmasiTanggal(False)).k == {"mulai": "2026-08-01"}


def test_tanggal_di_luar_tahun_ajaran_ditandai() -> None:
    draf = Draf(langkah=Langkah.K_MULAI, indikator="1.1", k={})
    hasil = wz.langkah(draf, wz.Teks("1 agustus 2027"), KT)
    assert isinstance(hasil, wz.Lanjut)
    assert (hasil.tanggal, hasil.di_luar_tahun) == (date(2027, 8, 1), True)


@pytest.mark.parametrize("teks", ["kapan-kapan", "32 agustus 2026", "31/2/2026", "1 agustus 1990"])
def test_tanggal_tak_terbaca_ditanya_lagi_dengan_contoh(teks: str) -> None:
    for langkah, k in ((Langkah.K_MULAI, {}), (Langkah.K_SELESAI, {"mulai": "2026-08-01"})):
        draf = Draf(langkah=langkah, indikator="1.1", k=k)
        hasil = wz.langkah(draf, wz.Teks(teks), KT)
        assert isinstance(hasil, wz.Salah)
        assert (hasil.draf, hasil.alasan) == (draf, "tanggal_salah")
        assert "1,5 juta" not in hasil.rincian["contoh"] and hasil.rincian["contoh"]


def test_selesai_sebelum_mulai_ditolak() -> None:
    draf = Draf(langkah=Langkah.K_SELESAI, indikator="1.1", k={"mulai": "2026-08-10"})
    assert wz.langkah(draf, wz.Teks("9 agustus 2026"), KT) == wz.Salah(
        draf, "selesai_sebelum_mulai"
    )
    # The same day is allowed.
    assert isinstance(wz.langkah(draf, wz.Teks("10 agustus 2026"), KT), wz.Lanjut)


def test_selesai_dikonfirmasi_snp_ke_anggaran_rapor_ke_biaya() -> None:
    snp = _jalan(_kegiatan("1.1", selesai_calon="2026-09-30"), wz.KonfirmasiTanggal(True))
    assert snp.langkah is Langkah.K_ANGGARAN
    rapor = _jalan(_kegiatan("A.1", selesai_calon="2026-09-30"), wz.KonfirmasiTanggal(True))
    assert rapor.langkah is Langkah.K_BIAYA
    assert rapor.k["selesai"] == "2026-09-30"


def test_kegiatan_bawaan_langsung_disimpan_setelah_tanggal_selesai() -> None:
    # A carried activity (from the last cycle's strategy) brings the rest with it.
    k = {
        "deskripsi": "Supervisi",
        "pic_id": 2,
        "mulai": "2026-08-01",
        "selesai_calon": "2026-10-01",
        "anggaran": 500_000,
        "indikator_keberhasilan": "Semua guru disupervisi",
        "target_skor": 4.5,
    }
    draf = Draf(langkah=Langkah.K_SELESAI_OK, indikator="1.1", program=2, bawaan=9, k=k)
    hasil = wz.langkah(draf, wz.KonfirmasiTanggal(True), KT)
    assert isinstance(hasil, wz.SimpanKegiatan)
    assert hasil.berikut is None
    assert hasil.kegiatan == wz.KegiatanLengkap(
        "Supervisi", 2, date(2026, 8, 1), date(2026, 10, 1), 500_000, "Semua guru disupervisi", 4.5
    )


# ------------------------------------------------------------------ Benahi: biaya and ARKAS


def _biaya() -> Draf:
    return Draf(
        langkah=Langkah.K_BIAYA,
        indikator="A.1",
        program=1,
        k={"deskripsi": "Pojok baca", "pic_id": 1, "mulai": "2026-08-01", "selesai": "2026-09-01"},
    )


def test_tanpa_biaya_anggaran_nol_langsung_indikator() -> None:
    draf = _jalan(_biaya(), wz.PilihBiaya(False))
    assert draf.langkah is Langkah.K_INDIKATOR
    assert (draf.k["butuh_biaya"], draf.k["anggaran"]) == (False, 0)
    assert "arkas_kode" not in draf.k


def test_butuh_biaya_arkas_dipilih_lalu_anggaran() -> None:
    draf = _jalan(_biaya(), wz.PilihBiaya(True))
    assert (draf.langkah, draf.k["butuh_biaya"]) == (Langkah.K_ARKAS, True)
    assert "anggaran" not in draf.k
    draf = _jalan(draf, wz.PilihArkas("03.03.02", "Pengembangan perpustakaan"))
    assert draf.langkah is Langkah.K_ANGGARAN
    assert (draf.k["arkas_kode"], draf.k["arkas_nama"]) == ("03.03.02", "Pengembangan perpustakaan")


@pytest.mark.parametrize(
    ("teks", "kode", "nama"),
    [
        ("03.03.02 Pengembangan perpustakaan", "03.03.02", "Pengembangan perpustakaan"),
        ("03.03.02 - Pengembangan perpustakaan", "03.03.02", "Pengembangan perpustakaan"),
        ("Pelatihan literasi guru", None, "Pelatihan literasi guru"),
    ],
)
def test_arkas_diketik_kode_dan_nama_atau_nama_saja(teks: str, kode: str | None, nama: str) -> None:
    draf = _jalan(_biaya(), wz.PilihBiaya(True))
    draf = _jalan(draf, wz.Teks(teks))
    assert draf.langkah is Langkah.K_ANGGARAN
    assert (draf.k["arkas_kode"], draf.k["arkas_nama"]) == (kode, nama)


@pytest.mark.parametrize("teks", ["3.3 Pengembangan", "03.03.02", "123", "03.03.02.01.07 x"])
def test_arkas_diketik_salah_bentuk_ditanya_lagi(teks: str) -> None:
    draf = _jalan(_biaya(), wz.PilihBiaya(True))
    assert wz.langkah(draf, wz.Teks(teks), KT) == wz.Salah(draf, "arkas_salah")


def test_teks_di_pertanyaan_biaya_bertanya_lagi() -> None:
    draf = _biaya()
    assert wz.langkah(draf, wz.Teks("ya"), KT) == wz.Salah(draf, "pakai_tombol")


@pytest.mark.parametrize(
    ("teks", "nilai"), [("Rp1.500.000", 1_500_000), ("1,5 juta", 1_500_000), ("gratis", 0)]
)
def test_anggaran_dibaca(teks: str, nilai: int) -> None:
    draf = Draf(langkah=Langkah.K_ANGGARAN, indikator="1.1", k={"deskripsi": "x"})
    draf = _jalan(draf, wz.Teks(teks))
    assert (draf.langkah, draf.k["anggaran"]) == (Langkah.K_INDIKATOR, nilai)


@pytest.mark.parametrize("teks", ["banyak", "1,500 juta", "-5000", "99999999999999999"])
def test_anggaran_tak_terbaca_ditanya_lagi_dengan_contoh(teks: str) -> None:
    draf = Draf(langkah=Langkah.K_ANGGARAN, indikator="1.1", k={"deskripsi": "x"})
    hasil = wz.langkah(draf, wz.Teks(teks), KT)
    assert isinstance(hasil, wz.Salah)
    assert (hasil.draf, hasil.alasan) == (draf, "rupiah_salah")
    assert "1,5 juta" in hasil.rincian["contoh"]


# ------------------------------------------------------------------ target and the end state


def _target(indikator: str) -> Draf:
    return Draf(
        langkah=Langkah.K_TARGET,
        indikator=indikator,
        program=1,
        program_nama="P",
        k={
            "deskripsi": "Pojok baca",
            "pic_id": 1,
            "mulai": "2026-08-01",
            "selesai": "2026-09-01",
            "anggaran": 0,
            "indikator_keberhasilan": "Semua kelas punya pojok baca",
        },
    )


def test_indikator_keberhasilan_lalu_target() -> None:
    draf = Draf(langkah=Langkah.K_INDIKATOR, indikator="1.1", k={"anggaran": 0})
    draf = _jalan(draf, wz.Teks("Semua kelas"))
    assert (draf.langkah, draf.k["indikator_keberhasilan"]) == (Langkah.K_TARGET, "Semua kelas")


@pytest.mark.parametrize(
    ("indikator", "teks", "nilai"),
    [("1.1", "5,5", 5.5), ("1.1", "7", 7.0), ("1.1", "0", 0.0), ("A.1", "65", 65.0)],
)
def test_target_disimpan_dengan_kegiatan_lengkap(indikator: str, teks: str, nilai: float) -> None:
    draf = _target(indikator)
    hasil = wz.langkah(draf, wz.Teks(teks), KT)
    assert isinstance(hasil, wz.SimpanKegiatan)
    assert hasil.draf == draf
    assert hasil.kegiatan == wz.KegiatanLengkap(
        "Pojok baca",
        1,
        date(2026, 8, 1),
        date(2026, 9, 1),
        0,
        "Semua kelas punya pojok baca",
        nilai,
    )
    # The end state: waiting for "another activity / program / problem", the activity cleared.
    assert hasil.berikut == draf.ke(Langkah.SELESAI_KEGIATAN, k={})
    assert hasil.berikut is not None
    _simpan_baca(hasil.berikut)


@pytest.mark.parametrize(
    ("indikator", "teks", "alasan"),
    [
        ("1.1", "65", "target_salah"),  # an own-evaluation score is 0-7
        ("1.1", "-1", "target_salah"),
        ("1.1", "tinggi", "target_salah"),
        ("A.1", "150", "target_salah_rapor"),  # a Rapor Pendidikan value is 0-100
        ("A.1", "baik", "target_salah_rapor"),
    ],
)
def test_target_di_luar_skala_ditanya_lagi(indikator: str, teks: str, alasan: str) -> None:
    draf = _target(indikator)
    assert wz.langkah(draf, wz.Teks(teks), KT) == wz.Salah(draf, alasan)


def test_kegiatan_rapor_membawa_biaya_dan_arkas() -> None:
    k = {**_target("A.1").k, "butuh_biaya": True, "arkas_kode": "03.03.02", "arkas_nama": "Perpus"}
    hasil = wz.langkah(_target("A.1").ke(Langkah.K_TARGET, k=k), wz.Teks("70"), KT)
    assert isinstance(hasil, wz.SimpanKegiatan)
    keg = hasil.kegiatan
    assert (keg.butuh_biaya, keg.arkas_kode, keg.arkas_nama) == (True, "03.03.02", "Perpus")
    assert keg.target_skor == 70.0


def test_akhir_kegiatan_tambah_kegiatan_program_atau_masalah() -> None:
    akhir = Draf(
        langkah=Langkah.SELESAI_KEGIATAN, indikator="A.1", program=1, program_nama="P", k={}
    )
    assert wz.langkah(akhir, wz.Teks("lagi"), KT) == wz.PakaiTombol()
    lagi_kegiatan = _jalan(akhir, wz.Lagi("k"))
    assert lagi_kegiatan == akhir.ke(Langkah.K_DESKRIPSI, k={})
    assert _jalan(akhir, wz.Lagi("p")) == Draf(langkah=Langkah.PROGRAM, indikator="A.1")
    assert wz.langkah(akhir, wz.Lagi("m"), KT) == wz.PilihMasalahLain()


def test_tanpa_langkah_teks_menampilkan_rencana() -> None:
    # After /batal or before anything (the draft is empty): text shows the plan.
    assert wz.langkah(Draf(), wz.Teks("halo"), KT) == wz.LihatRencana()
    assert wz.langkah(Draf.dari({}), wz.Teks(""), KT) == wz.LihatRencana()


# ------------------------------------------------------------------ stale buttons


@pytest.mark.parametrize(
    ("langkah", "masukan"),
    [
        (None, wz.PilihAkar("sdm")),
        (Langkah.AKAR_KODE, wz.PilihAkar("sdm")),
        (Langkah.AKAR_KATEGORI, wz.PilihAkarKode("D.1")),
        (Langkah.AKAR_TEKS, wz.PilihAkar("sdm")),
        (Langkah.PROGRAM, wz.PilihPic(1)),
        (Langkah.K_DESKRIPSI, wz.PilihPic(1)),
        (Langkah.K_MULAI, wz.KonfirmasiTanggal(True)),
        (Langkah.K_SELESAI, wz.KonfirmasiTanggal(False)),
        (Langkah.K_PIC, wz.PilihBiaya(True)),
        (Langkah.K_ANGGARAN, wz.PilihBiaya(False)),
        (Langkah.K_BIAYA, wz.PilihArkas(None, "x")),
        (Langkah.K_INDIKATOR, wz.PilihArkas("03.03.02", "x")),
        (Langkah.K_TARGET, wz.PilihAkarKode(None)),
    ],
)
def test_tombol_langkah_lain_usang(langkah: Langkah | None, masukan: wz.Masukan) -> None:
    draf = Draf(langkah=langkah, indikator="A.1", k={"mulai": "2026-08-01"})
    assert wz.langkah(draf, masukan, KT) == wz.Usang()


# ------------------------------------------------------------------ changing a saved plan


def _ubah(bidang: str) -> Draf:
    return Draf(langkah=Langkah.UBAH_NILAI, ubah={"kunci": "k12", "bidang": bidang})


@pytest.mark.parametrize(
    ("bidang", "teks", "nilai", "rapor"),
    [
        ("deskripsi", "Pojok  baca baru", "Pojok baca baru", False),
        ("mulai", "1 agustus 2026", date(2026, 8, 1), False),
        ("anggaran", "750 ribu", 750_000, False),
        ("target_skor", "6", 6.0, False),
        ("target_skor", "80", 80.0, True),
    ],
)
def test_ubah_nilai_disimpan(bidang: str, teks: str, nilai: object, rapor: bool) -> None:
    kt = wz.Konteks(KT.hari_ini, KT.rentang, ubah_rapor=rapor)
    assert wz.langkah(_ubah(bidang), wz.Teks(teks), kt) == wz.SimpanUbahan("k12", bidang, nilai)


@pytest.mark.parametrize(
    ("bidang", "teks", "rapor", "alasan"),
    [
        ("selesai", "nanti", False, "tanggal_salah"),
        ("anggaran", "mahal", False, "rupiah_salah"),
        ("target_skor", "80", False, "target_salah"),
        ("target_skor", "101", True, "target_salah_rapor"),
        ("deskripsi", "   ", False, "teks_kosong"),
    ],
)
def test_ubah_nilai_salah_ditanya_lagi(bidang: str, teks: str, rapor: bool, alasan: str) -> None:
    kt = wz.Konteks(KT.hari_ini, KT.rentang, ubah_rapor=rapor)
    hasil = wz.langkah(_ubah(bidang), wz.Teks(teks), kt)
    assert isinstance(hasil, wz.Salah)
    assert (hasil.draf, hasil.alasan) == (_ubah(bidang), alasan)


def test_ubah_biaya_tidak_langsung_disimpan_tanpa_arkas() -> None:
    draf = _simpan_baca(wz.mulai_ubah_biaya("k12", "A.1", "butuh_biaya"))
    assert (draf.langkah, draf.indikator, draf.ubah) == (
        Langkah.UBAH_BIAYA,
        "A.1",
        {"kunci": "k12", "bidang": "butuh_biaya"},
    )
    assert wz.langkah(draf, wz.PilihBiaya(False), KT) == wz.SimpanBiaya("k12", False)


def test_ubah_biaya_ya_lalu_arkas_dipilih_atau_diketik() -> None:
    draf = _jalan(wz.mulai_ubah_biaya("k12", "A.1", "butuh_biaya"), wz.PilihBiaya(True))
    assert (draf.langkah, draf.ubah) == (
        Langkah.UBAH_ARKAS,
        {"kunci": "k12", "bidang": "butuh_biaya"},
    )
    pilih = wz.PilihArkas("03.03.02", "Pengembangan perpustakaan")
    assert wz.langkah(draf, pilih, KT) == wz.SimpanBiaya(
        "k12", True, "03.03.02", "Pengembangan perpustakaan"
    )
    assert wz.langkah(draf, wz.Teks("Pelatihan  literasi"), KT) == wz.SimpanBiaya(
        "k12", True, None, "Pelatihan literasi"
    )
    assert wz.langkah(draf, wz.Teks("3.3 x"), KT) == wz.Salah(draf, "arkas_salah")


def test_ubah_arkas_langsung_ke_daftar() -> None:
    draf = _simpan_baca(wz.mulai_ubah_biaya("k12", "A.1", "arkas"))
    assert draf.langkah is Langkah.UBAH_ARKAS and draf.langkah in wz.KETIK
    assert wz.langkah(draf, wz.PilihArkas("03.03.02", "x"), KT) == wz.SimpanBiaya(
        "k12", True, "03.03.02", "x"
    )


def test_ubah_biaya_teks_bertanya_lagi_tombol_lain_usang() -> None:
    draf = wz.mulai_ubah_biaya("k12", "A.1", "butuh_biaya")
    assert draf.langkah in wz.KETIK
    assert wz.langkah(draf, wz.Teks("tidak"), KT) == wz.Salah(draf, "pakai_tombol")
    assert wz.langkah(draf, wz.PilihArkas("03.03.02", "x"), KT) == wz.Usang()
    arkas = wz.mulai_ubah_biaya("k12", "A.1", "arkas")
    assert wz.langkah(arkas, wz.PilihBiaya(True), KT) == wz.Usang()
    # The creation wizard's steps do not take a change's answer, nor the other way round.
    assert wz.langkah(_biaya(), wz.PilihArkas("03.03.02", "x"), KT) == wz.Usang()
    tanpa_ubah = Draf(langkah=Langkah.UBAH_BIAYA, indikator="A.1")
    assert wz.langkah(tanpa_ubah, wz.PilihBiaya(False), KT) == wz.Usang()


def test_setelah_ubah_biaya_anggaran_ditanya_bila_butuh_biaya_tanpa_anggaran() -> None:
    ya = wz.SimpanBiaya("k12", True, "03.03.02", "x")
    assert wz.setelah_ubah_biaya(ya, 2_000_000) is None
    assert wz.setelah_ubah_biaya(wz.SimpanBiaya("k12", False), 0) is None
    draf = _simpan_baca(wz.setelah_ubah_biaya(ya, 0) or Draf())
    assert draf.langkah is Langkah.UBAH_NILAI and draf.ubah is not None
    assert (draf.ubah["kunci"], draf.ubah["bidang"]) == ("k12", "anggaran")
    assert wz.langkah(draf, wz.Teks("1,5 juta"), KT) == wz.SimpanUbahan(
        "k12", "anggaran", 1_500_000
    )


def test_ubah_bagian_dan_komentar_tinjauan() -> None:
    bagian = Draf(langkah=Langkah.UBAH_BAGIAN, indikator="A.1", program=2)
    assert wz.langkah(bagian, wz.Teks("Nama baru"), KT) == wz.SimpanBagian("A.1", 2, "Nama baru")
    tinjau = Draf(langkah=Langkah.TINJAU_KOMENTAR)
    assert wz.langkah(tinjau, wz.Teks("Perjelas target"), KT) == wz.SimpanTinjauan(
        "Perjelas target"
    )
    # Changing the PIC is a button step.
    assert wz.langkah(Draf(langkah=Langkah.UBAH_PIC), wz.Teks("Bu Sari"), KT) == wz.PakaiTombol()


# ------------------------------------------------------------------ whole walks


def _jalan_semua(indikator: str, langkah: list[wz.Masukan]) -> wz.Hasil:
    draf = wz.mulai_masalah(indikator)
    for m in langkah[:-1]:
        hasil = wz.langkah(draf, m, KT)
        if isinstance(hasil, wz.SimpanMasalah):
            draf = hasil.berikut
        elif isinstance(hasil, wz.SimpanProgram):
            draf = wz.setelah_program(hasil.draf, 1, hasil.nama)
        else:
            assert isinstance(hasil, wz.Lanjut), (m, hasil)
            draf = hasil.draf
        draf = _simpan_baca(draf)
    return wz.langkah(draf, langkah[-1], KT)


def _awal() -> list[wz.Masukan]:
    return [
        wz.Teks("Guru belum terlatih"),
        wz.Teks("Gerakan literasi"),
        wz.Teks("Pojok baca"),
        wz.PilihPic(5),
        wz.Teks("3 agustus 2026"),
        wz.KonfirmasiTanggal(True),
        wz.Teks("31 agustus 2026"),
        wz.KonfirmasiTanggal(True),
    ]


def test_jalan_utuh_masalah_rapor_dengan_biaya_dan_arkas() -> None:
    masukan: list[wz.Masukan] = [wz.PilihAkarKode("D.2"), wz.PilihAkar("sdm"), *_awal()]
    masukan += [
        wz.PilihBiaya(True),
        wz.Teks("03.03.02 Pengembangan perpustakaan"),
        wz.Teks("2 juta"),
        wz.Teks("Semua kelas punya pojok baca"),
        wz.Teks("60"),
    ]
    hasil = _jalan_semua("A.1", masukan)
    assert isinstance(hasil, wz.SimpanKegiatan)
    assert hasil.kegiatan == wz.KegiatanLengkap(
        "Pojok baca",
        5,
        date(2026, 8, 3),
        date(2026, 8, 31),
        2_000_000,
        "Semua kelas punya pojok baca",
        60.0,
        True,
        "03.03.02",
        "Pengembangan perpustakaan",
    )


def test_jalan_utuh_masalah_snp_tanpa_langkah_pbd() -> None:
    masukan: list[wz.Masukan] = [wz.PilihAkar("metode"), *_awal()]
    masukan += [wz.Teks("1,5 juta"), wz.Teks("Nilai naik"), wz.Teks("5")]
    hasil = _jalan_semua("2.3", masukan)
    assert isinstance(hasil, wz.SimpanKegiatan)
    keg = hasil.kegiatan
    assert (keg.anggaran, keg.target_skor) == (1_500_000, 5.0)
    assert (keg.butuh_biaya, keg.arkas_kode, keg.arkas_nama) == (None, None, None)
    # A PBD button in the SNP walk is stale.
    masukan_biaya: list[wz.Masukan] = [wz.PilihAkar("metode"), *_awal(), wz.PilihBiaya(True)]
    assert _jalan_semua("2.3", masukan_biaya) == wz.Usang()
