from dataclasses import replace
from pathlib import Path

import pytest

from bot.layanan.instrumen_berkas import bawaan, muat, periksa
from bot.mutu.instrumen import (
    Alasan,
    Instrumen,
    InstrumenRusak,
    JawabanTidakSah,
    JenisJawaban,
    Pertanyaan,
    Rentang,
    Syarat,
    berlaku,
    kanonik,
    normalisasi,
    skor_jawaban,
    tampil_jawaban,
)
from bot.mutu.instrumen_muat import muat_teks
from db.berkas_instrumen import INSTRUMEN_ARSIP, INSTRUMEN_BAWAAN

TEKS_BAWAAN = INSTRUMEN_BAWAAN.read_text(encoding="utf-8")
FREKUENSI = ("Tidak pernah", "Kadang-kadang", "Sering", "Selalu")


@pytest.fixture(scope="module")
def inst() -> Instrumen:
    return bawaan()


def p(kode: str) -> Pertanyaan:
    return bawaan().pertanyaan(kode)


def lama(kode: str) -> Pertanyaan:
    """A question of the archived version 2026.11-1 (cycles that used it still read it)."""
    return muat(INSTRUMEN_ARSIP["2026.11-1"]).pertanyaan(kode)


def baris(teks: str, potongan: str, ke: int = 1) -> int:
    """The 1-based line of the `ke`-th line containing `potongan`."""
    nomor = [i for i, b in enumerate(teks.splitlines(), start=1) if potongan in b]
    return nomor[ke - 1]


def baris_kode(teks: str, kode: str) -> int:
    return baris(teks, f'kode: "{kode}"')


def tulis_rusak(tmp_path: Path, lama: str, baru: str) -> tuple[Path, str]:
    assert TEKS_BAWAAN.count(lama) >= 1, lama
    teks = TEKS_BAWAAN.replace(lama, baru, 1)
    path = tmp_path / "instrumen_snp.yaml"
    path.write_text(teks, encoding="utf-8")
    return path, teks


# ---------------------------------------------------------------------- the shipped file


def test_berkas_bawaan_dimuat_utuh(inst: Instrumen) -> None:
    assert [s.kode for s in inst.standar] == [
        "SKL",
        "ISI",
        "PROSES",
        "PENILAIAN",
        "PTK",
        "SARPRAS",
        "PENGELOLAAN",
        "PEMBIAYAAN",
    ]
    assert [s.nomor for s in inst.standar] == list(range(1, 9))
    assert sum(len(s.indikator) for s in inst.standar) == 29
    assert len(inst.semua_pertanyaan()) == 113
    assert inst.versi == "2026.12-1"
    assert inst.nama.startswith("Evaluasi Diri Sekolah")
    assert (inst.skala_min, inst.skala_maks) == (0, 7)
    assert inst.bobot_responden["guru"] == 1.0
    assert [r.kode for r in inst.responden if r.chat] == ["kepala_sekolah", "guru", "tendik"]


def test_periksa_berkas_bawaan_tanpa_masalah() -> None:
    assert periksa(INSTRUMEN_BAWAAN) == []
    assert bawaan() is bawaan()


def test_setiap_indikator_terjangkau_lewat_chat(inst: Instrumen) -> None:
    chat = {r.kode for r in inst.responden if r.chat}
    for standar in inst.standar:
        for indikator in standar.indikator:
            assert len(indikator.pertanyaan) >= 2
            assert any(
                q.dinilai and q.jika is None and q.responden & chat for q in indikator.pertanyaan
            ), indikator.kode


def test_yang_belum_terkonfirmasi_ditandai(inst: Instrumen) -> None:
    belum = [i.kode for s in inst.standar for i in s.indikator if not i.confirmed]
    assert belum == ["6.3", "7.3"]
    assert all(s.confirmed for s in inst.standar)
    assert inst.kategori_confirmed is False
    assert not any(q.confirmed for q in inst.semua_pertanyaan())


def test_pencarian_per_kode(inst: Instrumen) -> None:
    assert inst.standar("PTK").nomor == 5
    assert inst.indikator("6.3").standar_kode == "SARPRAS"
    q = inst.pertanyaan("3.3-03")
    assert (q.indikator_kode, q.standar_kode, q.nomor_standar) == ("3.3", "PROSES", 3)
    assert q.jika == Syarat("3.3-02", frozenset({"ya"}))
    for cari in (inst.standar, inst.indikator, inst.pertanyaan):
        with pytest.raises(KeyError):
            cari("9.9")


def test_urutan_berkas_dan_pertanyaan_per_responden(inst: Instrumen) -> None:
    semua = inst.semua_pertanyaan()
    assert [q.kode for q in semua[:3]] == ["1.1-01", "1.1-02", "1.1-03"]
    untuk_guru = inst.pertanyaan_untuk("guru")
    assert all("guru" in q.responden for q in untuk_guru)
    assert list(untuk_guru) == [q for q in semua if "guru" in q.responden]
    assert inst.pertanyaan_untuk("pengawas") == ()


def test_bentuk_pertanyaan_menurut_jenis(inst: Instrumen) -> None:
    assert p("1.1-01").label == FREKUENSI
    assert p("1.1-03").label == ("Ya", "Tidak")
    assert lama("1.2-03").label == ("Baik (hijau)", "Sedang (kuning)", "Kurang (merah)")
    assert p("1.2-01").angka == Rentang(0, 100, "%", ())
    rentang = p("3.3-01").angka
    assert rentang is not None and rentang.pita[-1].sampai is None
    assert p("2.1-02").bukti_contoh is not None
    assert p("5.1-02").terbalik
    dinilai = {q.jenis: q.dinilai for q in inst.semua_pertanyaan() if q.kode != "6.1-01"}
    assert dinilai[JenisJawaban.TEKS] is False and dinilai[JenisJawaban.BUKTI] is False
    assert dinilai[JenisJawaban.ANGKA] and dinilai[JenisJawaban.PERSEN]
    assert not p("6.1-01").dinilai  # angka without score bands


@pytest.mark.parametrize(
    ("skor", "nama"),
    [
        (0, "Menuju SNP 1"),
        (2.04, "Menuju SNP 1"),
        (2.05, "Menuju SNP 2"),
        (3.70, "Menuju SNP 2"),
        (3.71, "Menuju SNP 3"),
        (5.06, "Menuju SNP 3"),
        (5.07, "Menuju SNP 4"),
        (6.66, "Menuju SNP 4"),
        (6.67, "SNP"),
        (7, "SNP"),
    ],
)
def test_kategori_di_ambang(inst: Instrumen, skor: float, nama: str) -> None:
    assert inst.kategori_untuk(skor).nama == nama


# ---------------------------------------------------------------------- broken copies


def test_kode_pertanyaan_ganda(tmp_path: Path) -> None:
    path, teks = tulis_rusak(tmp_path, 'kode: "1.1-02"', 'kode: "1.1-01"')
    pertama, kedua = baris(teks, 'kode: "1.1-01"', 1), baris(teks, 'kode: "1.1-01"', 2)
    assert periksa(path) == [
        f"instrumen_snp.yaml baris {kedua}: pertanyaan 1.1-01: "
        f"kode 1.1-01 ganda (pertama di baris {pertama})"
    ]
    with pytest.raises(InstrumenRusak) as rusak:
        muat(path)
    assert str(rusak.value) == periksa(path)[0]


def test_jika_merujuk_pertanyaan_sesudahnya(tmp_path: Path) -> None:
    path, teks = tulis_rusak(
        tmp_path,
        'jika: {pertanyaan: "3.3-02", nilai: ["ya"]}',
        'jika: {pertanyaan: "3.3-04", nilai: ["ya"]}',
    )
    masalah = periksa(path)
    assert len(masalah) == 1
    assert masalah[0].startswith(
        f"instrumen_snp.yaml baris {baris_kode(teks, '3.3-03')}: pertanyaan 3.3-03: "
    )
    assert "3.3-04, yang sesudahnya" in masalah[0]


def test_label_skala_tak_dikenal(tmp_path: Path) -> None:
    lama = 'jenis: skala\n            label: frekuensi\n            teks: "Seberapa sering murid di'
    path, teks = tulis_rusak(tmp_path, lama, lama.replace("frekuensi", "frekwensi"))
    assert periksa(path) == [
        f"instrumen_snp.yaml baris {baris_kode(teks, '1.1-01')}: pertanyaan 1.1-01: "
        "label 'frekwensi' tidak ada di label_skala"
    ]


def test_skor_pilihan_di_luar_skala(tmp_path: Path) -> None:
    path, teks = tulis_rusak(
        tmp_path,
        '{label: "Kepala sekolah saja", skor: 1}',
        '{label: "Kepala sekolah saja", skor: 9}',
    )
    assert periksa(path) == [
        f"instrumen_snp.yaml baris {baris_kode(teks, '2.2-03')}: pertanyaan 2.2-03: "
        "skor pilihan ke-1 (Kepala sekolah saja) 9 di luar skala 0..7"
    ]


def test_galat_sintaks_yaml(tmp_path: Path) -> None:
    path, teks = tulis_rusak(
        tmp_path, 'nama: "Standar Kompetensi Lulusan"', "nama: Standar: Kompetensi Lulusan"
    )
    masalah = periksa(path)
    assert len(masalah) == 1
    assert masalah[0].startswith(
        f"instrumen_snp.yaml baris {baris(teks, 'nama: Standar: Kompetensi')}: YAML tidak sah"
    )
    with pytest.raises(InstrumenRusak):
        muat(path)


def test_indikator_hanya_dengan_pertanyaan_teks(tmp_path: Path) -> None:
    sisipan = (
        '      - kode: "1.9"\n'
        '        nama: "Indikator uji"\n'
        '        source: "uji"\n'
        "        confirmed: false\n"
        "        pertanyaan:\n"
        '          - kode: "1.9-01"\n'
        "            responden: [guru]\n"
        "            jenis: teks\n"
        '            teks: "Ceritakan satu hal."\n'
        '            source: "uji"\n'
        "            confirmed: false\n\n"
    )
    path, teks = tulis_rusak(tmp_path, '      - kode: "1.2"\n', sisipan + '      - kode: "1.2"\n')
    awal = f"instrumen_snp.yaml baris {baris_kode(teks, '1.9')}: indikator 1.9: "
    masalah = periksa(path)
    assert awal + "indikator harus punya setidaknya 2 pertanyaan" in masalah
    assert any(m.startswith(awal + "tidak terjangkau") for m in masalah)
    assert len(masalah) == 2


@pytest.mark.parametrize(
    ("lama", "baru", "letak", "pesan"),
    [
        (  # a question asked of a group its jika question is not asked of
            'kode: "3.3-03"\n            responden: [guru]',
            'kode: "3.3-03"\n            responden: [guru, kepala_sekolah]',
            'kode: "3.3-03"',
            "yang tidak ditanyakan kepada kepala_sekolah",
        ),
        (
            'jika: {pertanyaan: "3.3-02", nilai: ["ya"]}',
            'jika: {pertanyaan: "3.3-02", nilai: ["iya"]}',
            'kode: "3.3-03"',
            "nilai jika 'iya' bukan jawaban yang mungkin di 3.3-02",
        ),
        (
            'jika: {pertanyaan: "3.3-02", nilai: ["ya"]}',
            'jika: {pertanyaan: "3.3-99", nilai: ["ya"]}',
            'kode: "3.3-03"',
            "jika merujuk 3.3-99, yang tidak ada",
        ),
        ('kode: "1.1-02"', 'kode: "1.2-02x"', 'kode: "1.2-02x"', "harus diawali '1.1-'"),
        (
            'kode: "1.1-01"\n            responden: [guru]',
            'kode: "1.1-01"\n            responden: [pengawas]',
            'kode: "1.1-01"',
            "responden 'pengawas' tidak ada di meta.responden",
        ),
        (
            "jenis: skala\n            label: frekuensi",
            "jenis: skala2",
            'kode: "1.1-01"',
            "jenis 'skala2' tidak dikenal",
        ),
        (
            'kode: "1.1-01"\n            responden: [guru]',
            'kode: "1.1-01"\n            terbalik: ya\n            responden: [guru]',
            'kode: "1.1-01"',
            "'terbalik' harus berupa true atau false",
        ),
        (
            'kode: "1.1-03"\n            responden: [kepala_sekolah]\n            jenis: ya_tidak',
            'kode: "1.1-03"\n            responden: [kepala_sekolah]\n            jenis: ya_tidak\n'
            "            label: frekuensi",
            'kode: "1.1-03"',
            "kunci 'label' tidak dikenal",
        ),
        (
            "              - {sampai: null, skor: 7}\n            source",
            "              - {sampai: 99, skor: 7}\n            source",
            'kode: "3.3-01"',
            "'sampai' pada pita skor, yang terakhir, harus null",
        ),
        (
            'angka: {min: 0, maks: 12, satuan: "kali"}',
            "angka: {min: 12, maks: 0}",
            'kode: "3.3-01"',
            "angka.min harus lebih kecil dari angka.maks",
        ),
        ("confirmed: true", 'confirmed: "ya"', "kode: SKL", "standar SKL: 'confirmed' harus"),
        ('kode: "1.2"', 'kode: "1.1"', ('kode: "1.1"', 2), "kode 1.1 ganda (pertama di baris"),
        ('kode: "1.2"', 'kode: "2.2x"', 'kode: "2.2x"', "harus diawali '1.'"),
        ("bintang: 2, batas_atas: 3.70", "bintang: 2, batas_atas: 2.00", "kelas:", "harus naik"),
        ("bintang: null, batas_atas: null", "bintang: null, batas_atas: 7", "kelas:", "harus null"),
        ("bintang: 2, batas_atas: 3.70", "bintang: 2, batas_atas: 9", "SNP 2", "di luar skala"),
        ("orang_tua: 1.0}", "orang_tua: -1}", "bobot_responden", "tidak boleh negatif"),
        ("tendik: 1.0, ", "", "bobot_responden", "'tendik' wajib ada"),
        ('kesesuaian: ["Tidak sesuai", ', "kesesuaian: [", "kesesuaian:", "4 label"),
        (  # PyYAML alone would keep the second key silently
            'kode: "1.1-01"\n            responden: [guru]',
            'kode: "1.1-01"\n            responden: [guru]\n            responden: [siswa]',
            "responden: [siswa]",
            "kunci 'responden' muncul dua kali",
        ),
    ],
)
def test_masalah_lain_menyebut_barisnya(
    tmp_path: Path, lama: str, baru: str, letak: str | tuple[str, int], pesan: str
) -> None:
    path, teks = tulis_rusak(tmp_path, lama, baru)
    potongan, ke = letak if isinstance(letak, tuple) else (letak, 1)
    awalan = f"instrumen_snp.yaml baris {baris(teks, potongan, ke)}: "
    masalah = periksa(path)
    assert any(m.startswith(awalan) and pesan in m for m in masalah), masalah


def test_kunci_atas_yang_hilang_dan_berkas_yang_tidak_ada(tmp_path: Path) -> None:
    assert periksa(tmp_path / "tidak_ada.yaml")[0].startswith("tidak_ada.yaml: ")
    (tmp_path / "kosong.yaml").write_text("meta: {}\n", encoding="utf-8")
    masalah = periksa(tmp_path / "kosong.yaml")
    assert "kosong.yaml baris 1: 'label_skala' wajib ada" in masalah
    assert "kosong.yaml baris 1: 'standar' wajib ada" in masalah
    with pytest.raises(InstrumenRusak, match="instrumen 2026 baris 1: isi berkas harus"):
        muat_teks("- 1\n", "instrumen 2026")


def test_jika_dengan_label_skala_dimuat_dan_dibandingkan_per_label(tmp_path: Path) -> None:
    lama = 'kode: "1.1-02"\n            responden: [guru]\n            jenis: skala\n'
    jika = '            jika: {pertanyaan: "1.1-01", nilai: ["Sering", "Selalu"]}\n'
    path, _ = tulis_rusak(tmp_path, lama, lama + jika)
    q = muat(path).pertanyaan("1.1-02")
    assert q.jika == Syarat("1.1-01", frozenset({"Sering", "Selalu"}), FREKUENSI)
    assert berlaku(q, {"1.1-01": "2"}) and berlaku(q, {"1.1-01": "3"})
    assert not berlaku(q, {"1.1-01": "1"})
    assert not berlaku(q, {})


# ---------------------------------------------------------------------- one answer


def tolak(q: Pertanyaan, masukan: str) -> JawabanTidakSah:
    with pytest.raises(JawabanTidakSah) as salah:
        normalisasi(q, masukan)
    return salah.value


@pytest.mark.parametrize(
    ("masukan", "nilai"),
    [("0", "0"), ("2", "2"), ("3", "3"), ("Sering", "2"), (" selalu ", "3"), ("TIDAK PERNAH", "0")],
)
def test_normalisasi_skala(masukan: str, nilai: str) -> None:
    assert normalisasi(p("1.1-01"), masukan) == nilai


def test_skala_menolak_yang_bukan_pilihan() -> None:
    salah = tolak(p("1.1-01"), "4")
    assert salah.alasan == "bukan_pilihan" and salah.contoh == "Tidak pernah"
    assert tolak(p("1.1-01"), "kadang").alasan is Alasan.BUKAN_PILIHAN


def test_skor_dan_tampilan_skala() -> None:
    q = p("1.1-01")
    assert [skor_jawaban(q, str(i)) for i in range(4)] == pytest.approx([0, 7 / 3, 14 / 3, 7])
    terbalik = replace(q, terbalik=True)
    skor_terbalik = [skor_jawaban(terbalik, str(i)) for i in range(4)]
    assert skor_terbalik == pytest.approx([7, 14 / 3, 7 / 3, 0])
    assert tampil_jawaban(q, "2") == "Sering"
    with pytest.raises(ValueError, match="indeks"):
        skor_jawaban(q, "4")


@pytest.mark.parametrize(
    ("masukan", "nilai"),
    [
        ("ya", "ya"),
        ("Ya", "ya"),
        ("iya", "ya"),
        ("Y", "ya"),
        ("0", "ya"),
        ("tidak", "tidak"),
        ("Tidak", "tidak"),
        ("t", "tidak"),
        ("tdk", "tidak"),
        ("nggak", "tidak"),
        ("1", "tidak"),
    ],
)
def test_normalisasi_ya_tidak(masukan: str, nilai: str) -> None:
    assert normalisasi(p("1.1-03"), masukan) == nilai


def test_ya_tidak_skor_terbalik_dan_tampilan() -> None:
    assert tolak(p("1.1-03"), "mungkin").alasan == "bukan_pilihan"
    assert skor_jawaban(p("1.1-03"), "ya") == 7 and skor_jawaban(p("1.1-03"), "tidak") == 0
    # 5.1-02 asks whether teachers teach outside their field: "ya" is the bad answer.
    assert skor_jawaban(p("5.1-02"), "ya") == 0 and skor_jawaban(p("5.1-02"), "tidak") == 7
    assert tampil_jawaban(p("1.1-03"), "ya") == "Ya"
    assert tampil_jawaban(p("1.1-03"), "tidak") == "Tidak"


def test_pilihan() -> None:
    q = lama("1.2-03")
    assert normalisasi(q, "sedang (kuning)") == "1"
    assert normalisasi(q, "2") == "2"
    assert tolak(q, "3").alasan == "bukan_pilihan"
    assert [skor_jawaban(q, str(i)) for i in range(3)] == [7, 4, 1.5]
    assert tampil_jawaban(q, "2") == "Kurang (merah)"


def test_angka_dengan_pita_skor() -> None:
    q = p("3.3-01")  # 0..12 kali; bands 0 -> 0, <=1 -> 4, <=2 -> 6, more -> 7
    assert normalisasi(q, "tiga") == "3"
    assert normalisasi(q, "sekitar 2 kali") == "2"
    assert normalisasi(q, "1,5") == "1.5"
    assert normalisasi(q, "12") == "12"
    scores = {n: skor_jawaban(q, n) for n in ("0", "0.5", "1", "1.5", "2", "3", "12")}
    assert scores == {"0": 0, "0.5": 4, "1": 4, "1.5": 6, "2": 6, "3": 7, "12": 7}
    assert tampil_jawaban(q, "3") == "3 kali"
    assert tampil_jawaban(q, "1.5") == "1,5 kali"


def test_angka_di_luar_rentang_atau_bukan_angka() -> None:
    q = p("3.3-01")
    salah = tolak(q, "13")
    assert salah.alasan == "di_luar_rentang" and (salah.min, salah.maks) == (0, 12)
    assert salah.contoh == "3"
    assert tolak(q, "-1").alasan == "di_luar_rentang"
    salah = tolak(q, "banyak")
    assert salah.alasan == "bukan_angka" and salah.contoh == "3"
    assert tolak(q, "3 atau 4").alasan == "bukan_angka"


def test_angka_ribuan_dan_tanpa_pita() -> None:
    q = replace(p("6.1-01"), angka=Rentang(0, 10_000, "siswa", ()))
    assert normalisasi(q, "1.500") == "1500"
    assert tampil_jawaban(q, "1500") == "1.500 siswa"
    assert skor_jawaban(q, "1500") is None  # no score bands: not scored
    assert tolak(p("6.1-01"), "1.500").alasan == "di_luar_rentang"  # 6.1-01 stops at 80


def test_persen() -> None:
    q = p("1.2-01")
    assert normalisasi(q, "75%") == "75"
    assert normalisasi(q, "75 %") == "75"
    assert normalisasi(q, "12,5") == "12.5"
    assert tolak(q, "150%").alasan == "di_luar_rentang"
    assert tolak(q, "banyak").alasan == "bukan_angka"
    assert skor_jawaban(q, "75") == pytest.approx(5.25)
    assert skor_jawaban(q, "0") == 0 and skor_jawaban(q, "100") == 7
    assert skor_jawaban(replace(q, terbalik=True), "75") == pytest.approx(1.75)
    assert tampil_jawaban(q, "75") == "75%"
    assert tampil_jawaban(q, "12.5") == "12,5%"


def test_teks() -> None:
    q = p("5.1-06")
    assert normalisasi(q, "  Pelatihan asesmen  ") == "Pelatihan asesmen"
    assert normalisasi(q, "x" * 500) == "x" * 500
    assert tolak(q, "   ").alasan == "teks_kosong"
    assert tolak(q, "x" * 501).alasan == "teks_terlalu_panjang"
    assert skor_jawaban(q, "Pelatihan asesmen") is None
    assert tampil_jawaban(q, "Pelatihan asesmen") == "Pelatihan asesmen"


def test_bukti() -> None:
    q = p("2.1-02")
    assert tolak(q, "foto").alasan == "bukan_pilihan"
    assert skor_jawaban(q, "bukti:12") is None
    assert tampil_jawaban(q, "bukti:12") == "Bukti terlampir"


def test_berlaku_mengikuti_jawaban_sebelumnya() -> None:
    q = p("3.3-03")  # only when 3.3-02 is "ya"
    assert berlaku(q, {"3.3-02": "ya"})
    assert not berlaku(q, {"3.3-02": "tidak"})
    assert not berlaku(q, {})
    assert berlaku(p("1.1-01"), {})
    by_label = replace(q, jika=Syarat("1.2-03", frozenset({"Baik (hijau)"}), lama("1.2-03").label))
    assert berlaku(by_label, {"1.2-03": "0"})
    assert not berlaku(by_label, {"1.2-03": "1"})
    assert not berlaku(by_label, {"1.2-03": "9"})


@pytest.mark.parametrize(
    ("angka", "teks"), [(25.0, "25"), (1.5, "1.5"), (1_500_000.0, "1500000"), (-0.0, "0")]
)
def test_kanonik(angka: float, teks: str) -> None:
    assert kanonik(angka) == teks


def test_versi_baru_menyebut_butir_yang_dihapus_dan_alasannya(inst: Instrumen) -> None:
    """Items Rapor Pendidikan already measures are dropped, each with why and the indicator
    that measures it; the dated standard-4 items are replaced by the current assessment
    standard; the old version stays readable whole."""
    dihapus = {d.kode: d for d in inst.dihapus}
    assert set(dihapus) == {
        "1.1-04",
        "1.2-03",
        "3.2-01",
        "3.2-04",
        "5.2-03",
        "4.1-01",
        "4.1-02",
        "4.1-03",
    }
    assert dihapus["1.2-03"].rapor == ("A.1",) and "Rapor Pendidikan" in dihapus["1.2-03"].alasan
    assert dihapus["4.1-01"].pengganti == "4.1-04" and "21/2022" in dihapus["4.1-01"].alasan
    for d in dihapus.values():
        assert d.versi == "2026.11-1" and d.alasan
        with pytest.raises(KeyError):
            inst.pertanyaan(d.kode)
    assert "asesmen formatif" in p("4.1-04").teks and "murid" in p("4.1-05").teks
    assert "21 Tahun 2022" in p("4.5-01").teks
    assert not any("siswa" in q.teks.lower() for q in inst.semua_pertanyaan())
    assert [r.nama for r in inst.responden if r.kode == "siswa"] == ["Murid"]
    tua = muat(INSTRUMEN_ARSIP["2026.11-1"])
    assert tua.versi == "2026.11-1" and len(tua.semua_pertanyaan()) == 118
    assert "siswa" in tua.pertanyaan("1.1-01").teks  # the old text, as it was asked


def test_butir_dihapus_yang_masih_ada_ditolak(tmp_path: Path) -> None:
    path, _ = tulis_rusak(tmp_path, 'kode: "1.2-03", versi', 'kode: "1.2-01", versi')
    assert any("pertanyaan 1.2-01 dihapus tetapi masih ada" in m for m in periksa(path))
