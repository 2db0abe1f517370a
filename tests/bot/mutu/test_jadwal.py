from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.mutu.jadwal import (
    AturanSekolah,
    JenisPengingat,
    Penerima,
    Pengingat,
    boleh_kirim,
    mingguan_berikut,
    naik_tangga,
    pada_hari,
    pengingat_komitmen,
    pengingat_terlambat_berikut,
    sedang_cuti,
    sesudah_cuti,
    tangga_eskalasi,
    tunda,
    waktu_kirim_berikut,
)

WIB, PONTIANAK, WITA, WIT = "Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"
SENIN_JUMAT = frozenset(range(5))
H3, H1, HARI_H, TERLAMBAT = JenisPengingat

# Semester break of three weeks, as Jawa Barat had in 2025/2026 (back on Monday 12 Jan 2026).
LIBUR_3_MINGGU = ((date(2025, 12, 22), date(2026, 1, 11)),)


def lokal(zona: str, y: int, m: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    """A local wall-clock moment, as the UTC datetime the functions take and return."""
    return datetime(y, m, d, h, mi, tzinfo=ZoneInfo(zona)).astimezone(UTC)


def jkt(y: int, m: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return lokal(WIB, y, m, d, h, mi)


def tanggal_wib(pengingat: Pengingat) -> date:
    return pengingat.saat.astimezone(ZoneInfo(WIB)).date()


def terlambat(ke: int, saat: datetime) -> Pengingat:
    return Pengingat(TERLAMBAT, ke, saat)


# --- time zones -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zona", "utc"),
    [
        (WIB, datetime(2026, 3, 2, 1, 0, tzinfo=UTC)),
        (PONTIANAK, datetime(2026, 3, 2, 1, 0, tzinfo=UTC)),
        (WITA, datetime(2026, 3, 2, 0, 0, tzinfo=UTC)),
        (WIT, datetime(2026, 3, 1, 23, 0, tzinfo=UTC)),
    ],
)
def test_jam_delapan_lokal_senin_menjadi_utc(zona: str, utc: datetime) -> None:
    hasil = pada_hari(date(2026, 3, 2), time(8, 0), AturanSekolah(zona=zona))
    assert hasil == utc
    assert hasil.tzinfo is UTC


@pytest.mark.parametrize(("zona", "boleh"), [(WIT, True), (WITA, True), (WIB, False)])
def test_minggu_23_30_utc_sudah_senin_pagi_di_timur(zona: str, boleh: bool) -> None:
    # Sunday 23:30 UTC = Monday 08:30 WIT, 07:30 WITA, but only 06:30 WIB (before school).
    assert boleh_kirim(datetime(2026, 3, 1, 23, 30, tzinfo=UTC), AturanSekolah(zona=zona)) is boleh


def test_saat_yang_boleh_dikembalikan_apa_adanya_dalam_utc() -> None:
    saat = datetime(2026, 3, 2, 9, 15, 42, tzinfo=ZoneInfo(WIB))
    hasil = waktu_kirim_berikut(saat, AturanSekolah())
    assert hasil == saat
    assert hasil.tzinfo is UTC


# --- allowed moments --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("saat", "boleh"),
    [
        (jkt(2026, 3, 2, 6, 59), False),
        (jkt(2026, 3, 2, 7, 0), True),
        (jkt(2026, 3, 2, 14, 59), True),
        (jkt(2026, 3, 2, 15, 0), False),  # end of school hours is exclusive
        (jkt(2026, 3, 7, 10, 0), True),  # Saturday is a school day by default
        (jkt(2026, 3, 8, 10, 0), False),  # Sunday
    ],
)
def test_boleh_kirim_jam_dan_hari_sekolah(saat: datetime, boleh: bool) -> None:
    assert boleh_kirim(saat, AturanSekolah()) is boleh


@pytest.mark.parametrize(
    ("jam", "boleh"),
    [
        (time(5, 0), False),
        (time(5, 59), False),
        (time(6, 0), True),
        (time(20, 59), True),
        (time(21, 0), False),
        (time(22, 59), False),
    ],
)
def test_jam_tenang_melewati_tengah_malam_tidak_pernah_dilanggar(jam: time, boleh: bool) -> None:
    aturan = AturanSekolah(jam_mulai=time(5, 0), jam_selesai=time(23, 0))
    saat = jkt(2026, 3, 3, jam.hour, jam.minute)
    assert boleh_kirim(saat, aturan) is boleh


@pytest.mark.parametrize(
    ("saat", "berikut"),
    [
        (jkt(2026, 3, 3, 21, 30), jkt(2026, 3, 4, 6, 0)),
        (jkt(2026, 3, 4, 5, 0), jkt(2026, 3, 4, 6, 0)),
        (jkt(2026, 3, 7, 22, 0), jkt(2026, 3, 9, 6, 0)),  # Saturday night -> Monday
    ],
)
def test_kirim_berikut_setelah_jam_tenang(saat: datetime, berikut: datetime) -> None:
    aturan = AturanSekolah(jam_mulai=time(5, 0), jam_selesai=time(23, 0))
    assert waktu_kirim_berikut(saat, aturan) == berikut


def test_jam_tenang_di_tengah_jam_sekolah() -> None:
    aturan = AturanSekolah(jam_tenang_mulai=time(12, 0), jam_tenang_selesai=time(13, 0))
    assert not boleh_kirim(jkt(2026, 3, 2, 12, 30), aturan)
    assert waktu_kirim_berikut(jkt(2026, 3, 2, 12, 30), aturan) == jkt(2026, 3, 2, 13, 0)


@pytest.mark.parametrize(
    ("hari_sekolah", "berikut"),
    [(AturanSekolah.hari_sekolah, jkt(2026, 3, 21, 7, 0)), (SENIN_JUMAT, jkt(2026, 3, 23, 7, 0))],
)
def test_pengingat_dalam_libur_pindah_ke_hari_sekolah_pertama_sesudahnya(
    hari_sekolah: frozenset[int], berikut: datetime
) -> None:
    aturan = AturanSekolah(
        hari_sekolah=hari_sekolah, libur=((date(2026, 3, 16), date(2026, 3, 20)),)
    )
    assert pada_hari(date(2026, 3, 17), time(7, 30), aturan) == berikut


def test_libur_tiga_minggu_dilompati() -> None:
    aturan = AturanSekolah(libur=LIBUR_3_MINGGU)
    assert waktu_kirim_berikut(jkt(2025, 12, 22, 9, 0), aturan) == jkt(2026, 1, 12, 7, 0)
    assert not boleh_kirim(jkt(2026, 1, 11, 9, 0), aturan)


def test_libur_bertumpuk_dan_bersambung_dilompati() -> None:
    libur = ((date(2026, 3, 2), date(2026, 3, 6)), (date(2026, 3, 5), date(2026, 3, 10)))
    libur += ((date(2026, 3, 11), date(2026, 3, 11)),)
    berikut = waktu_kirim_berikut(jkt(2026, 3, 3, 9, 0), AturanSekolah(libur=libur))
    assert berikut == jkt(2026, 3, 12, 7, 0)


# --- commitment reminders ---------------------------------------------------------------------


def test_komitmen_baru_mendapat_semua_pengingat_dan_satu_terlambat() -> None:
    # Due Wednesday 11 March; H-3 is Sunday 8 March, so it moves to Monday's first school hour.
    hasil = pengingat_komitmen(date(2026, 3, 11), jkt(2026, 3, 2, 10, 0), AturanSekolah())
    assert hasil == (
        Pengingat(H3, 0, jkt(2026, 3, 9, 7, 0)),
        Pengingat(H1, 0, jkt(2026, 3, 10, 7, 30)),
        Pengingat(HARI_H, 0, jkt(2026, 3, 11, 7, 30)),
        terlambat(1, jkt(2026, 3, 14, 7, 30)),
    )


def test_tenggat_hari_minggu_pindah_ke_senin_awal_jam_sekolah() -> None:
    hasil = pengingat_komitmen(date(2026, 3, 8), jkt(2026, 3, 2, 10, 0), AturanSekolah())
    assert [(p.jenis, p.saat) for p in hasil] == [
        (H3, jkt(2026, 3, 5, 7, 30)),
        (H1, jkt(2026, 3, 7, 7, 30)),
        # Sunday 07:30 moves to the first allowed moment, Monday 07:00, not 07:30.
        (HARI_H, jkt(2026, 3, 9, 7, 0)),
        (TERLAMBAT, jkt(2026, 3, 11, 7, 30)),
    ]


def test_h_min_1_hari_minggu_melebur_ke_pengingat_hari_h() -> None:
    # Due Monday 9 March: H-1 (Sunday) lands on Monday too, and only hari-h is kept.
    hasil = pengingat_komitmen(date(2026, 3, 9), jkt(2026, 3, 2, 10, 0), AturanSekolah())
    assert [p.jenis for p in hasil] == [H3, HARI_H, TERLAMBAT]
    assert hasil[1].saat == jkt(2026, 3, 9, 7, 30)


def test_hanya_pengingat_yang_masih_di_depan() -> None:
    hasil = pengingat_komitmen(date(2026, 3, 11), jkt(2026, 3, 10, 7, 30), AturanSekolah())
    assert [p.jenis for p in hasil] == [HARI_H, TERLAMBAT]


def test_tenggat_senin_jumat_hari_sabtu_pindah_ke_senin() -> None:
    aturan = AturanSekolah(hari_sekolah=SENIN_JUMAT)
    hasil = pengingat_komitmen(date(2026, 3, 7), jkt(2026, 3, 2, 10, 0), aturan)
    assert [(p.jenis, p.saat) for p in hasil] == [
        (H3, jkt(2026, 3, 4, 7, 30)),
        (H1, jkt(2026, 3, 6, 7, 30)),
        (HARI_H, jkt(2026, 3, 9, 7, 0)),
        (TERLAMBAT, jkt(2026, 3, 10, 7, 30)),
    ]


# Due Monday 2 March 2026: overdue on Thu 5, Sun 8 (-> Mon 9 07:00), Wed 11, Sat 14 March.
@pytest.mark.parametrize(
    ("sekarang", "ke", "saat"),
    [
        (jkt(2026, 3, 3, 10, 0), 1, jkt(2026, 3, 5, 7, 30)),
        (jkt(2026, 3, 5, 7, 29), 1, jkt(2026, 3, 5, 7, 30)),
        (jkt(2026, 3, 5, 7, 30), 2, jkt(2026, 3, 9, 7, 0)),  # re-planned as ke=1 fires
        (jkt(2026, 3, 8, 12, 0), 2, jkt(2026, 3, 9, 7, 0)),  # restart on the Sunday
        (jkt(2026, 3, 9, 7, 0), 3, jkt(2026, 3, 11, 7, 30)),
        (jkt(2026, 3, 12, 9, 0), 4, jkt(2026, 3, 14, 7, 30)),
    ],
)
def test_terlambat_setiap_tiga_hari_ke_tetap_saat_direncanakan_ulang(
    sekarang: datetime, ke: int, saat: datetime
) -> None:
    selesai = date(2026, 3, 2)
    assert pengingat_komitmen(selesai, sekarang, AturanSekolah()) == (terlambat(ke, saat),)
    assert pengingat_terlambat_berikut(selesai, ke, AturanSekolah()) == terlambat(ke, saat)


def test_terlambat_lama_dihitung_dari_tanggal() -> None:
    # The search over `ke` agrees with walking the overdue reminders one by one.
    aturan = AturanSekolah(hari_sekolah=SENIN_JUMAT, libur=LIBUR_3_MINGGU)
    selesai = date(2025, 7, 14)
    satu_per_satu = [pengingat_terlambat_berikut(selesai, n, aturan) for n in range(1, 200)]
    for hari in range(1, 400, 5):
        sekarang = jkt(2025, 7, 14, 10, 0) + timedelta(days=hari)
        pertama = next(p for p in satu_per_satu if p.saat > sekarang)
        sehari = [p for p in satu_per_satu if tanggal_wib(p) == tanggal_wib(pertama)]
        assert pengingat_komitmen(selesai, sekarang, aturan) == (sehari[-1],)


def test_libur_panjang_terlambat_yang_menumpuk_dikirim_sekali() -> None:
    aturan = AturanSekolah(libur=LIBUR_3_MINGGU)
    selesai = date(2025, 12, 17)
    sebelum_libur = pengingat_komitmen(selesai, jkt(2025, 12, 15, 8, 0), aturan)
    assert sebelum_libur == (
        Pengingat(H1, 0, jkt(2025, 12, 16, 7, 30)),
        Pengingat(HARI_H, 0, jkt(2025, 12, 17, 7, 30)),
        terlambat(1, jkt(2025, 12, 20, 7, 30)),
    )
    # ke=2 (23 Dec) .. ke=8 (10 Jan) all move to Monday 12 Jan 07:00: sent once, as ke=8.
    setelah_ke_1 = pengingat_komitmen(selesai, jkt(2025, 12, 20, 7, 30), aturan)
    assert setelah_ke_1 == (terlambat(8, jkt(2026, 1, 12, 7, 0)),)
    assert pengingat_komitmen(selesai, jkt(2026, 1, 12, 7, 0), aturan) == (
        terlambat(9, jkt(2026, 1, 13, 7, 30)),
    )


def test_tenggat_di_dalam_libur_hanya_jenis_terakhir_yang_tersisa() -> None:
    aturan = AturanSekolah(libur=LIBUR_3_MINGGU)
    hasil = pengingat_komitmen(date(2025, 12, 24), jkt(2025, 12, 19, 10, 0), aturan)
    # H-3, H-1, hari-h and overdue ke=1..6 (27 Dec .. 11 Jan) all land on 12 Jan.
    assert hasil == (terlambat(6, jkt(2026, 1, 12, 7, 0)),)


# --- snoozing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sekarang", "hari", "hari_sekolah", "hasil"),
    [
        (jkt(2026, 3, 6, 10, 0), 1, AturanSekolah.hari_sekolah, jkt(2026, 3, 7, 7, 30)),
        (jkt(2026, 3, 6, 10, 0), 1, SENIN_JUMAT, jkt(2026, 3, 9, 7, 0)),
        (jkt(2026, 3, 5, 10, 0), 3, AturanSekolah.hari_sekolah, jkt(2026, 3, 9, 7, 0)),
        (jkt(2026, 3, 6, 10, 0), 3, SENIN_JUMAT, jkt(2026, 3, 9, 7, 30)),
        # Friday 23:30 WIB is already Friday 16:30 UTC: "besok" is local Saturday.
        (jkt(2026, 3, 6, 23, 30), 1, SENIN_JUMAT, jkt(2026, 3, 9, 7, 0)),
    ],
)
def test_tunda_melewati_akhir_pekan(
    sekarang: datetime, hari: int, hari_sekolah: frozenset[int], hasil: datetime
) -> None:
    assert tunda(sekarang, hari, AturanSekolah(hari_sekolah=hari_sekolah)) == hasil


# --- escalation -------------------------------------------------------------------------------

PIC, KO, KS, PG = Penerima


@pytest.mark.parametrize(
    ("jumlah", "penerima"),
    [
        (0, {PIC}),
        (1, {PIC}),
        (2, {PIC, KO}),
        (3, {PIC, KO}),
        (4, {PIC, KO, KS, PG}),
        (9, {PIC, KO, KS, PG}),
    ],
)
def test_tangga_eskalasi(jumlah: int, penerima: set[Penerima]) -> None:
    assert tangga_eskalasi(jumlah) == penerima


def test_setiap_tingkat_diberi_tahu_sekali() -> None:
    diberi_tahu = Counter(tangga_eskalasi(0))
    for n in range(1, 10):
        diberi_tahu.update(naik_tangga(n - 1, n))
    assert diberi_tahu == Counter(Penerima)
    assert naik_tangga(1, 2) == {KO}
    assert naik_tangga(3, 4) == {KS, PG}
    assert naik_tangga(4, 5) == frozenset()


def test_naik_tangga_melompat_dan_tidak_turun() -> None:
    assert naik_tangga(1, 8) == {KO, KS, PG}
    assert naik_tangga(6, 2) == frozenset()


# --- leave ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("saat", "cuti"),
    [
        (lokal(WITA, 2026, 3, 10, 23, 59), True),
        (lokal(WITA, 2026, 3, 11, 0, 0), False),  # still 10 March in UTC and in WIB
        (datetime(2026, 3, 10, 15, 59, tzinfo=UTC), True),
    ],
)
def test_cuti_sampai_tanggal_batas_di_wita(saat: datetime, cuti: bool) -> None:
    assert sedang_cuti(date(2026, 3, 10), saat, WITA) is cuti


def test_tanpa_cuti_dan_cuti_menurut_zona_sekolah() -> None:
    saat = lokal(WITA, 2026, 3, 11, 0, 0)
    assert not sedang_cuti(None, saat, WITA)
    assert sedang_cuti(date(2026, 3, 10), saat, WIB)


# --- weekly and monthly -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sekarang", "libur", "hasil"),
    [
        (jkt(2026, 1, 30, 10, 0), (), jkt(2026, 2, 2, 7, 30)),  # across the month end
        (jkt(2026, 2, 2, 7, 0), (), jkt(2026, 2, 2, 7, 30)),
        (jkt(2026, 2, 2, 7, 30), (), jkt(2026, 2, 9, 7, 30)),  # strictly after
        (jkt(2026, 1, 30, 10, 0), ((date(2026, 2, 2), date(2026, 2, 6)),), jkt(2026, 2, 7, 7, 0)),
    ],
)
def test_mingguan_berikut(
    sekarang: datetime, libur: tuple[tuple[date, date], ...], hasil: datetime
) -> None:
    assert mingguan_berikut(sekarang, AturanSekolah(libur=libur)) == hasil


def test_mingguan_hari_lain() -> None:
    assert mingguan_berikut(jkt(2026, 3, 5, 10, 0), AturanSekolah(), hari=4) == jkt(
        2026, 3, 6, 7, 30
    )


# --- rejected input ---------------------------------------------------------------------------

NAIF = datetime(2026, 3, 2, 9, 0)


@pytest.mark.parametrize(
    "panggil",
    [
        lambda: boleh_kirim(NAIF, AturanSekolah()),
        lambda: waktu_kirim_berikut(NAIF, AturanSekolah()),
        lambda: pengingat_komitmen(date(2026, 3, 9), NAIF, AturanSekolah()),
        lambda: tunda(NAIF, 1, AturanSekolah()),
        lambda: sedang_cuti(date(2026, 3, 9), NAIF, WIB),
        lambda: sedang_cuti(None, NAIF, WIB),
        lambda: mingguan_berikut(NAIF, AturanSekolah()),
    ],
)
def test_datetime_naif_ditolak(panggil: Callable[[], object]) -> None:
    with pytest.raises(ValueError, match="zona waktu"):
        panggil()


@pytest.mark.parametrize(
    "aturan",
    [
        AturanSekolah(hari_sekolah=frozenset()),
        AturanSekolah(jam_tenang_mulai=time(6, 0), jam_tenang_selesai=time(16, 0)),
        AturanSekolah(jam_mulai=time(15, 0), jam_selesai=time(7, 0)),
        AturanSekolah(libur=((date(2026, 1, 1), date(2027, 12, 31)),)),
    ],
)
def test_tanpa_saat_yang_boleh_valueerror(aturan: AturanSekolah) -> None:
    with pytest.raises(ValueError, match="400 hari"):
        waktu_kirim_berikut(jkt(2026, 3, 2, 9, 0), aturan)


@pytest.mark.parametrize(
    "buat",
    [
        lambda: AturanSekolah(zona="Asia/Bandung"),
        lambda: AturanSekolah(hari_sekolah=frozenset({7})),
        lambda: AturanSekolah(libur=((date(2026, 3, 9), date(2026, 3, 2)),)),
        lambda: pengingat_terlambat_berikut(date(2026, 3, 2), 0, AturanSekolah()),
        lambda: pengingat_komitmen(
            date(2026, 3, 2), jkt(2026, 3, 2), AturanSekolah(), setiap_hari=0
        ),
        lambda: tunda(jkt(2026, 3, 2), 0, AturanSekolah()),
        lambda: tangga_eskalasi(-1),
        lambda: mingguan_berikut(jkt(2026, 3, 2), AturanSekolah(), hari=7),
    ],
)
def test_masukan_tidak_sah_ditolak(buat: Callable[[], object]) -> None:
    with pytest.raises(ValueError):
        buat()


# --- leave ------------------------------------------------------------------------------------


def test_sesudah_cuti_menunggu_hari_sekolah_pertama_setelah_cuti() -> None:
    aturan = AturanSekolah()
    rabu_pagi = jkt(2026, 3, 4, 9, 0)
    assert sesudah_cuti(rabu_pagi, None, aturan) == rabu_pagi  # no leave: unchanged
    assert sesudah_cuti(rabu_pagi, date(2026, 3, 1), aturan) == rabu_pagi  # leave over
    # Leave until Saturday 7 March: Sunday is no school day, so Monday at opening time.
    assert sesudah_cuti(rabu_pagi, date(2026, 3, 7), aturan) == jkt(2026, 3, 9, 7, 0)
    # Back on a school day: from the opening, or the planner's usual hour when later.
    assert sesudah_cuti(rabu_pagi, date(2026, 3, 10), aturan) == jkt(2026, 3, 11, 7, 0)
    kembali = sesudah_cuti(rabu_pagi, date(2026, 3, 10), aturan, jam=time(7, 30))
    assert kembali == jkt(2026, 3, 11, 7, 30)
