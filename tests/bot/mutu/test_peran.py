from bot.mutu.peran import IZIN, Peran, boleh, perintah_untuk


def test_perintah_terbuka_boleh_tanpa_sekolah() -> None:
    for perintah in ("start", "bantuan", "daftar", "gabung", "sekolah", "batal"):
        assert boleh(perintah, None)


def test_undang_hanya_kepala_sekolah_dan_koordinator() -> None:
    assert boleh("undang", Peran.KEPALA_SEKOLAH)
    assert boleh("undang", Peran.KOORDINATOR)
    for peran in (Peran.GURU, Peran.TENDIK, Peran.PENGAWAS, None):
        assert not boleh("undang", peran)


def test_anggota_hanya_kepala_sekolah() -> None:
    assert [p for p in Peran if boleh("anggota", p)] == [Peran.KEPALA_SEKOLAH]


def test_perintah_tak_dikenal_tidak_pernah_boleh() -> None:
    assert not boleh("hapus_semua", Peran.KEPALA_SEKOLAH)


def test_menu_mengikuti_tabel_izin() -> None:
    assert perintah_untuk(None) == [
        "start",
        "bantuan",
        "daftar",
        "gabung",
        "sekolah",
        "privasi",
        "datasaya",
        "hapusdata",
        "nama",
        "batal",
    ]
    assert "undang" in perintah_untuk(Peran.KOORDINATOR)
    assert "anggota" not in perintah_untuk(Peran.KOORDINATOR)
    assert set(perintah_untuk(Peran.KEPALA_SEKOLAH)) == set(IZIN)


def test_aksi_tombol_pengelola_hanya_kepala_dan_koordinator() -> None:
    assert [p for p in Peran if boleh("pemetaan_kelola", p)] == [
        Peran.KEPALA_SEKOLAH,
        Peran.KOORDINATOR,
    ]
    assert not boleh("pemetaan_kelola", None)
    assert "pemetaan_kelola" not in perintah_untuk(Peran.KEPALA_SEKOLAH)
