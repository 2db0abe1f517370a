"""Every list a school can grow, rendered with 300 entries: each message within Telegram's
4096 characters, each keyboard within 100 buttons, every callback_data within 64 bytes.

Names are up to 64 characters and hold `<&>`, which HTML escaping lengthens. A template with
a loop over something fixed by the instrument or the code (8 standards, the roles, the
commands) is listed in `TETAP` with what bounds it; a new list template fails
`test_setiap_templat_daftar_diperiksa` until it is checked here."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time
from types import SimpleNamespace
from typing import Any

import pytest
from telegram import InlineKeyboardMarkup

from bot.layanan.aktor import Aktor, Keanggotaan
from bot.layanan.anggota import Anggota
from bot.layanan.pemetaan import Kemajuan, Responden
from bot.layanan.pengaturan import Libur
from bot.layanan.pengingat_berkala import MAKS_MINGGUAN
from bot.layanan.ringkasan import BarisSekolah, RingkasanPengawas
from bot.layanan.undangan import Undangan
from bot.mutu.peran import Peran
from bot.mutu.ringkasan import Hal
from bot.mutu.siklus_rp import MerahSekolah
from bot.render import BATAS_PESAN, FOLDER_TEMPLAT, Render
from percakapan import daftar
from percakapan.anggota import tampilan_daftar, tampilan_rincian
from percakapan.pemetaan_tampil import (
    tampilan_panel,
    tampilan_pilih_responden,
    tampilan_responden,
)
from percakapan.pengaturan import MAKS_LIBUR
from percakapan.pengaturan import _papan as papan_pengaturan
from percakapan.perencanaan import _daftar_bawaan
from percakapan.ringkasan import papan_merah, tampilan_merah
from percakapan.ringkasan import papan_pengawas as papan_ringkasan
from percakapan.strategi import _bawaan as strategi_bawaan
from percakapan.umum import tampilan_sekolah
from percakapan.undangan import MAKS_KODE

N = 300
R = Render()


def nama(i: int) -> str:
    """A name of 64 characters with the characters HTML escapes."""
    teks = f"Dra. Siti <Aminah> & Wulandari binti Haji Abdurrahman Nomor {i:03d}"
    return teks[:64]


Tampilan = tuple[str, InlineKeyboardMarkup | None]


def periksa(teks: str, tombol: InlineKeyboardMarkup | None = None) -> None:
    assert len(teks) <= BATAS_PESAN, len(teks)
    if tombol is None:
        return
    semua = [b for baris in tombol.inline_keyboard for b in baris]
    assert len(semua) <= 100, len(semua)
    for b in semua:
        assert len(str(b.callback_data).encode()) <= 64, b.callback_data


def setiap_halaman(buat: Callable[[int], Tampilan | None]) -> Iterator[Tampilan]:
    """Page 0, 1, … until the page number stops growing (the helper keeps it in range)."""
    for nomor in range(N):
        hasil = buat(nomor)
        assert hasil is not None
        yield hasil
        if f"Halaman {nomor + 2} dari" not in hasil[0] and "Berikutnya" not in str(hasil[1]):
            return


class Lay(SimpleNamespace):
    render: Render


LAY: Any = Lay(render=R)
ANGGOTA = [Anggota(i, 10_000 + i, nama(i), list(Peran)[i % 5]) for i in range(N)]


def _anggota() -> Iterator[Tampilan]:
    yield from setiap_halaman(lambda n: tampilan_daftar(R, nama(0), ANGGOTA, n))
    yield from setiap_halaman(lambda n: tampilan_daftar(R, nama(0), ANGGOTA, n, "nomor"))
    yield tampilan_rincian(R, ANGGOTA[N - 1], 29)


def _kemajuan(dibuka: bool) -> Kemajuan:
    responden = tuple(
        Responden(10_000 + i, nama(i), ("guru", "tendik", "kepala_sekolah")[i % 3], i % 41, 40)
        for i in range(N)
    )
    return Kemajuan(1, nama(0), "2026/2027", 1, dibuka, responden)


def _pemetaan() -> Iterator[Tampilan]:
    for dibuka in (False, True):
        yield tampilan_panel(LAY, _kemajuan(dibuka))
    k = _kemajuan(True)
    yield R.pesan("pemetaan/konfirmasi_tutup", k=k, maks=8), None
    yield from setiap_halaman(lambda n: tampilan_responden(LAY, k, n))
    yield from setiap_halaman(lambda n: tampilan_pilih_responden(LAY, k, n))


def _aktor() -> Aktor:
    sekolah = tuple(Keanggotaan(i, nama(i), Peran.PENGAWAS) for i in range(1, N + 1))
    return Aktor(1, "Pak Pengawas", sekolah, sekolah[-1])


def _sekolah() -> Iterator[Tampilan]:
    a = _aktor()
    yield from setiap_halaman(lambda n: tampilan_sekolah(R, a, n))
    yield from setiap_halaman(lambda n: tampilan_sekolah(R, a, n, "nomor 1"))


def _pilihan() -> Iterator[Tampilan]:
    pilihan = [(nama(i)[:60], f"rcn:upic:{10_000_000_000 + i}") for i in range(N)]
    for n in range(30):
        yield "", daftar.papan_pilihan(R, pilihan, n, "rcn:upic:h")


SAAT = datetime(2026, 11, 23, 3, tzinfo=UTC)


def _undangan() -> Iterator[Tampilan]:
    semua = [
        Undangan(10_000_000 + i, f"K{i:07d}", Peran.GURU, SAAT, 50, 49, False) for i in range(N)
    ]
    yield R.pesan("undang/daftar_kode", daftar=semua, maks=MAKS_KODE, zona="Asia/Jakarta"), None


def _libur() -> Iterator[Tampilan]:
    aturan = SimpleNamespace(
        zona="Asia/Jakarta",
        jam_mulai=time(7),
        jam_selesai=time(14),
        jam_tenang_mulai=time(20),
        jam_tenang_selesai=time(6),
    )
    libur = tuple(Libur(i, date(2026, 12, 1), date(2026, 12, 2), nama(i)) for i in range(N))
    p = SimpleNamespace(aturan=aturan, libur=libur, cuti_sampai=None)
    teks = R.pesan("pengaturan/lihat", p=p, pengelola=True, hari="Senin-Jumat", maks=MAKS_LIBUR)
    yield teks, papan_pengaturan(LAY, p, True)


def _mingguan() -> Iterator[Tampilan]:
    isi = [{"kegiatan": nama(0) * 3, "selesai": "Senin", "status": "Berjalan", "persen": 50}]
    # bot.layanan.pengingat_berkala names the first MAKS_MINGGUAN and counts the rest
    isi = isi * MAKS_MINGGUAN
    yield R.pesan("pengingat/mingguan", daftar=isi, lainnya=N - MAKS_MINGGUAN), None


def _panjang(templat: str, **konteks: Any) -> Iterator[Tampilan]:
    """A template the bot sends in several messages (Render.pesan_panjang)."""
    for bagian in R.pesan_panjang(templat, **konteks):
        yield bagian, None


def _strategi() -> Iterator[Tampilan]:
    s = SimpleNamespace(
        tahap=4,
        sekolah_nama=nama(0),
        tahun_ajaran="2026/2027",
        tahun_berikut="2027/2028",
        belum_dievaluasi=[nama(i) * 2 for i in range(N)],
        calon=[],
        standar=[],
    )
    yield R.pesan("strategi/panel", s=s), None
    yield R.pesan("strategi/konfirmasi_buka", s=s), None


def _bawaan() -> Iterator[Tampilan]:
    semua: Any = [
        SimpleNamespace(
            id=10_000_000 + i,
            kunci=f"{i:06d}",
            deskripsi=nama(i) * 3,
            indikator_kode="1.1.1",
            program_nama=nama(i),
            pic_nama=nama(i),
            pic_aktif=i % 2 == 0,
            anggaran=1_500_000_000,
            alasan="belum_selesai",
            dibawa=i % 2 == 0,
        )
        for i in range(N)
    ]
    yield from setiap_halaman(lambda n: _daftar_bawaan(LAY, semua, n))
    s: Any = SimpleNamespace(calon=semua, tahun_berikut="2027/2028")
    yield from setiap_halaman(lambda n: strategi_bawaan(LAY, s, n))


KODE_RP = ("A.1", "A.2", "A.3", "D.1", "D.4", "D.8", "A.4", "D.17")


def _ringkasan_pengawas() -> RingkasanPengawas:
    """300 schools, each red on all 8 priority indicators (an SMK's), with long names."""
    hal = tuple(Hal(k, {"jumlah": 300, "tahap": 2, "hari": 300}) for k in ("tahap_terlambat",) * 6)
    baris = tuple(
        BarisSekolah(
            i, nama(i), f"2{i:07d}", 2, 3.5, "x", 50.0, date(2026, 11, 1), hal, KODE_RP, True
        )
        for i in range(N)
    )
    merah = tuple(
        (k, nama(0), tuple(MerahSekolah(i, nama(i), 38.55, 5) for i in range(N))) for k in KODE_RP
    )
    return RingkasanPengawas(date(2026, 11, 23), baris, merah)


def _pengawas() -> Iterator[Tampilan]:
    r = _ringkasan_pengawas()
    for nomor in range(r.jumlah_halaman):
        teks = R.pesan("ringkasan/pengawas", r=r, halaman=nomor, mingguan=False)
        yield teks, papan_ringkasan(R, r, nomor)


def _merah() -> Iterator[Tampilan]:
    r = _ringkasan_pengawas()
    yield R.pesan("ringkasan/merah_pilih", r=r), papan_merah(R, r)
    for kode in KODE_RP:
        _, nomor, jumlah = r.merah_halaman(kode, 0)
        for n in range(jumlah):
            yield tampilan_merah(R, r, kode, n)


def _komitmen() -> Iterator[Tampilan]:
    kegiatan = SimpleNamespace(deskripsi=nama(1) * 3, selesai=date(2026, 12, 1))
    k = SimpleNamespace(
        kegiatan=kegiatan,
        kemajuan="berjalan",
        persen=50,
        respons="berkomitmen",
        verifikasi=None,
        sisa_hari=lambda hari: 3,
    )
    kelompok = [(nama(i), [k] * 5) for i in range(N // 5)]
    yield from _panjang(
        "komitmen/daftar", daftar=kelompok, semua=True, sekolah=nama(0), hari_ini=SAAT.date()
    )


# template -> what renders it with 300 entries
PERIKSA: dict[str, Callable[[], Iterator[Tampilan]]] = {
    "anggota/daftar": _anggota,
    "sekolah/daftar": _sekolah,
    "pemetaan/panel": _pemetaan,
    "pemetaan/konfirmasi_tutup": _pemetaan,
    "undang/daftar_kode": _undangan,
    "pengaturan/lihat": _libur,
    "pengingat/mingguan": _mingguan,
    "strategi/panel": _strategi,
    "strategi/konfirmasi_buka": _strategi,
    "pemetaan/responden": _pemetaan,
    "perencanaan/bawaan": _bawaan,
    "strategi/bawaan": _bawaan,
    "ringkasan/pengawas": _pengawas,
    "ringkasan/merah": _merah,
    "komitmen/daftar": _komitmen,
}

# template -> what bounds its loops
TETAP: dict[str, str] = {
    "privasi/data_terkirim": "names at most 10 files left out, counts the rest",
    "privasi/kepala_terakhir": "the schools the person alone heads",
    "rapor/panel": "the priority indicators (6, or 8 for SMK)",
    "rapor/pratinjau": "the priority indicators (6, or 8 for SMK)",
    "akses_ditolak": "the roles (5)",
    "bantuan": "the commands of one role",
    "pemetaan/peta": "Rapor Pendidikan priorities (6-8), other indicators cut at 8 per label "
    "(tests/percakapan/test_peta_ukuran.py), 8 standards, respondent groups",
    "pemetaan/rekap": "8 standards",
    "pemetaan/rekap_standar": "the instrument's questions of one standard",
    "pemetaan/pilih_jawaban": "the instrument's questions of one standard",
    "perencanaan/akar": "the instrument's good practices of one indicator",
    "perencanaan/calon": "the instrument's indicators",
    "perencanaan/refleksi": "the shipped root-cause map of one indicator (db/rapor_akar_masalah)",
    "perencanaan/tanya": "the shipped ARKAS short list (db/arkas_kegiatan.yaml, 22 entries)",
    "strategi/banding": "the instrument's standards and indicators (sent in parts)",
    "strategi/target": "8 standards",
    "ringkasan/sapa": "the kinds of attention (a handful)",
    "ringkasan/sekolah": "lists cut to daftar_maks; sent in parts",
    "ringkasan/_rapor": "the priority indicators (6, or 8 for SMK)",
    "strategi/_rapor": "the priority indicators and the plan's problems (at most 10)",
    "akreditasi/butir": "one butir of the instrument",
    "akreditasi/panel": "the instrument's components",
    "akreditasi/kesenjangan": "the instrument's components",
    "akreditasi/dokumen": "the instrument's pre-visit documents (sent in parts)",
    "akreditasi/dokumen_satu": "the checks of one file",
    "akreditasi/bundel": "cut to 10 in the template",
    "akreditasi/panel_ia2024": "the instrument's 3 components",
    "akreditasi/indikator": "one indicator's 4 rubric texts (sent in parts)",
    "akreditasi/celah": "at most 2 gaps per indicator of 45 (sent in parts)",
    "akreditasi/draf_lama": "the old draft's 10 butir",
    # Sent in parts (Render.pesan_panjang cuts at 4096); their buttons are per problem or
    # program, and the chooser of an activity to change is paged (daftar.papan_pilihan).
    "monev/ringkasan": "one line per activity, sent in parts",
    "perencanaan/rencana": "problems, programs and activities, sent in parts",
}


def _templat_daftar() -> list[str]:
    folder = FOLDER_TEMPLAT / "pesan"
    return sorted(
        str(p.relative_to(folder).with_suffix(""))
        for p in folder.rglob("*.html")
        if re.search(r"{%-?\s*for\b", p.read_text(encoding="utf-8"))
    )


def test_setiap_templat_daftar_diperiksa() -> None:
    belum = [t for t in _templat_daftar() if t not in PERIKSA and t not in TETAP]
    assert not belum, f"list templates not checked with {N} entries: {belum}"


@pytest.mark.parametrize("templat", sorted(PERIKSA))
def test_daftar_300_entri_muat_di_telegram(templat: str) -> None:
    jumlah = 0
    for teks, tombol in PERIKSA[templat]():
        periksa(teks, tombol)
        jumlah += 1
    assert jumlah


def test_papan_pilihan_pic_300_anggota_per_halaman() -> None:
    halaman = list(_pilihan())
    for teks, tombol in halaman:
        periksa(teks, tombol)
    assert tombol is not None and tombol.inline_keyboard[-1][0].text == "‹ Sebelumnya"


def test_cari_nama_tanpa_peduli_huruf_besar_dan_muat_di_data_tombol() -> None:
    kata = daftar.kata_cari("  SITI:  <Aminah>   " + "é" * 40)
    assert kata.startswith("siti <aminah> é") and ":" not in kata
    assert len(kata.encode()) <= daftar.BATAS_CARI
    assert daftar.saring(ANGGOTA, "siti <aminah>", lambda a: a.nama) == ANGGOTA
    hasil = tampilan_daftar(R, "SD", ANGGOTA, 3, kata)
    assert hasil is None  # nobody has 40 é in their name
    hasil = tampilan_daftar(R, "SD", [replace(ANGGOTA[0], nama="Bu Sari")], 0, "SARI".casefold())
    assert hasil is not None and "Bu Sari" in hasil[0]


def test_templat_ada() -> None:
    for t in [*PERIKSA, *TETAP]:
        assert (FOLDER_TEMPLAT / "pesan" / f"{t}.html").exists(), t


def test_datasaya_menyebut_paling_banyak_sepuluh_berkas_yang_tertinggal() -> None:
    teks = Render().pesan(
        "privasi/data_terkirim", jumlah_bukti=3, dilewati=[f"Notula {n}.pdf" for n in range(N)]
    )
    assert teks.count("• Notula") == 10 and f"dan {N - 10} berkas lain" in teks
    assert len(teks) <= 4096
