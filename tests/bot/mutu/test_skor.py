from pathlib import Path

import pytest

from bot.layanan.instrumen_berkas import bawaan, muat
from bot.mutu.instrumen import Instrumen, Pertanyaan, kanonik, skor_jawaban
from bot.mutu.skor import HasilIndikator, Jawaban, PetaMutu, bulat, hitung

# A tiny instrument: 2 standards x 2 indicators. Weights: kepala_sekolah 2, guru 1, and siswa
# 0 (a group whose answers are collected but do not count).
KECIL = """
meta:
  versi: "uji-1"
  nama: "Instrumen uji"
  skala: {min: 0, maks: 7}
  kategori:
    source: "uji"
    confirmed: false
    kelas:
      - {nama: "Menuju SNP 1", bintang: 1, batas_atas: 2.04}
      - {nama: "Menuju SNP 2", bintang: 2, batas_atas: 3.70}
      - {nama: "Menuju SNP 3", bintang: 3, batas_atas: 5.06}
      - {nama: "Menuju SNP 4", bintang: 4, batas_atas: 6.66}
      - {nama: "SNP", bintang: null, batas_atas: null}
  bobot_responden: {kepala_sekolah: 2, guru: 1, siswa: 0}
  responden:
    - {kode: kepala_sekolah, nama: "Kepala Sekolah", chat: true}
    - {kode: guru, nama: "Guru", chat: true}
    - {kode: siswa, nama: "Siswa", chat: false}
label_skala:
  frekuensi: ["Tidak pernah", "Kadang-kadang", "Sering", "Selalu"]
standar:
  - kode: A
    nomor: 1
    nama: "Standar A"
    source: "uji"
    confirmed: true
    indikator:
      - kode: "1.1"
        nama: "Indikator 1.1"
        source: "uji"
        confirmed: true
        pertanyaan:
          - {kode: "1.1-01", responden: [guru], jenis: skala, label: frekuensi,
             teks: "Seberapa sering?", source: "uji", confirmed: false}
          - {kode: "1.1-02", responden: [kepala_sekolah], jenis: ya_tidak,
             teks: "Apakah ada?", source: "uji", confirmed: false}
          - {kode: "1.1-03", responden: [siswa], jenis: skala, label: frekuensi,
             teks: "Seberapa sering?", source: "uji", confirmed: false}
      - kode: "1.2"
        nama: "Indikator 1.2"
        source: null
        confirmed: false
        pertanyaan:
          - {kode: "1.2-01", responden: [kepala_sekolah], jenis: ya_tidak,
             teks: "Apakah ada tim?", source: "uji", confirmed: false}
          - kode: "1.2-02"
            responden: [kepala_sekolah]
            jenis: pilihan
            jika: {pertanyaan: "1.2-01", nilai: ["ya"]}
            teks: "Seberapa sering tim rapat?"
            pilihan:
              - {label: "Belum pernah", skor: 0}
              - {label: "Setiap semester", skor: 3.5}
              - {label: "Setiap bulan", skor: 7}
            source: "uji"
            confirmed: false
          - {kode: "1.2-03", responden: [guru], jenis: persen,
             teks: "Berapa persen?", source: "uji", confirmed: false}
  - kode: B
    nomor: 2
    nama: "Standar B"
    source: "uji"
    confirmed: true
    indikator:
      - kode: "2.1"
        nama: "Indikator 2.1"
        source: "uji"
        confirmed: true
        pertanyaan:
          - {kode: "2.1-01", responden: [guru], jenis: ya_tidak,
             teks: "Apakah ada?", source: "uji", confirmed: false}
          - {kode: "2.1-02", responden: [guru], jenis: teks,
             teks: "Ceritakan.", source: "uji", confirmed: false}
      - kode: "2.2"
        nama: "Indikator 2.2"
        source: "uji"
        confirmed: true
        pertanyaan:
          - kode: "2.2-01"
            responden: [kepala_sekolah]
            jenis: angka
            teks: "Berapa kali?"
            angka: {min: 0, maks: 10, satuan: "kali"}
            skor:
              - {sampai: 0, skor: 0}
              - {sampai: 2, skor: 3.5}
              - {sampai: null, skor: 7}
            source: "uji"
            confirmed: false
          - kode: "2.2-02"
            responden: [kepala_sekolah]
            jenis: pilihan
            teks: "Pilihan yang skornya tepat di ambang kategori."
            pilihan:
              - {label: "Ambang 2,04", skor: 2.04}
              - {label: "Ambang 2,05", skor: 2.05}
              - {label: "Ambang 6,66", skor: 6.66}
              - {label: "Ambang 6,67", skor: 6.67}
              - {label: "Hampir 2,04", skor: 2.044}
            source: "uji"
            confirmed: false
"""

KS, G1, G2, S = 1, 2, 3, 4  # pengguna_id of the kepala sekolah, two teachers, a student
GRUP = {KS: "kepala_sekolah", G1: "guru", G2: "guru", S: "siswa"}


@pytest.fixture
def kecil(tmp_path: Path) -> Instrumen:
    path = tmp_path / "kecil.yaml"
    path.write_text(KECIL, encoding="utf-8")
    return muat(path)


def j(pertanyaan: str, pengguna: int, nilai: str) -> Jawaban:
    return Jawaban(pertanyaan, GRUP[pengguna], pengguna, nilai)


def indikator(peta: PetaMutu, kode: str) -> HasilIndikator:
    return next(i for s in peta.standar for i in s.indikator if i.kode == kode)


def test_contoh_yang_dihitung_tangan(kecil: Instrumen) -> None:
    peta = hitung(
        kecil,
        [
            j("1.1-01", G1, "3"),  # Selalu: 7, weight 1
            j("1.1-01", G2, "1"),  # Kadang-kadang: 7/3, weight 1
            j("1.1-02", KS, "tidak"),  # 0, weight 2
            j("1.1-03", S, "0"),  # siswa weighs 0: ignored
            j("1.2-01", KS, "tidak"),  # 0, weight 2
            j("1.2-02", KS, "2"),  # 7, but only asked when 1.2-01 is "ya": ignored
            j("1.2-03", G1, "50"),  # 50% of 7 = 3.5, weight 1
            j("2.1-01", G1, "ya"),  # 7
            j("2.1-01", G2, "ya"),  # 7
            j("2.1-02", G1, "Kami butuh pelatihan."),  # teks: not scored
        ],
    )
    # 1.1 = (1*7 + 1*7/3 + 2*0) / (1 + 1 + 2) = (28/3) / 4 = 7/3
    i11 = indikator(peta, "1.1")
    assert i11.skor == pytest.approx(7 / 3)
    assert (i11.jumlah_jawaban, i11.jumlah_responden) == (3, 3)
    # 1.2 = (2*0 + 1*3.5) / (2 + 1) = 7/6
    i12 = indikator(peta, "1.2")
    assert i12.skor == pytest.approx(7 / 6)
    assert (i12.jumlah_jawaban, i12.jumlah_responden, i12.confirmed) == (2, 2, False)
    # 2.1 = 7 from both teachers; 2.2 has no answer: None, and left out of standard B's mean
    assert indikator(peta, "2.1").skor == 7
    assert indikator(peta, "2.1").jumlah_responden == 2
    assert indikator(peta, "2.2").skor is None
    assert indikator(peta, "2.2").jumlah_jawaban == 0
    # A = (7/3 + 7/6) / 2 = 1.75; B = 7; school = (1.75 + 7) / 2 = 4.375
    a, b = peta.standar
    assert (a.kode, a.nomor, a.nama) == ("A", 1, "Standar A")
    assert a.skor == pytest.approx(1.75) and a.kategori is not None
    assert a.kategori.nama == "Menuju SNP 1"
    assert b.skor == 7 and b.kategori is not None and b.kategori.nama == "SNP"
    assert peta.skor_sekolah == pytest.approx(4.375)
    assert peta.kategori is not None and peta.kategori.nama == "Menuju SNP 3"
    assert [i.kode for i in peta.prioritas] == ["1.2", "1.1", "2.1"]


def test_tanpa_jawaban_semuanya_kosong(kecil: Instrumen) -> None:
    peta = hitung(kecil, [])
    assert peta.skor_sekolah is None and peta.kategori is None
    assert all(s.skor is None and s.kategori is None for s in peta.standar)
    assert peta.prioritas == ()


def test_bobot_kepala_sekolah_dua_kali_guru(kecil: Instrumen) -> None:
    peta = hitung(kecil, [j("1.1-01", G1, "3"), j("1.1-02", KS, "tidak")])
    # (1*7 + 2*0) / 3 = 7/3, where an unweighted mean would give 3.5
    assert indikator(peta, "1.1").skor == pytest.approx(7 / 3)


def test_jawaban_di_bawah_jika_dihitung_hanya_bila_berlaku(kecil: Instrumen) -> None:
    berlaku = hitung(kecil, [j("1.2-01", KS, "ya"), j("1.2-02", KS, "1")])
    # (2*7 + 2*3.5) / 4 = 5.25
    assert indikator(berlaku, "1.2").skor == pytest.approx(5.25)
    # Without 1.2-01 the follow-up does not apply, so its answer is left out.
    tanpa_syarat = hitung(kecil, [j("1.2-02", KS, "1")])
    assert indikator(tanpa_syarat, "1.2").skor is None
    # The condition is read from the same person's answers, not another's.
    orang_lain = [j("1.2-01", KS, "ya"), Jawaban("1.2-02", "kepala_sekolah", 99, "1")]
    assert indikator(hitung(kecil, orang_lain), "1.2").jumlah_jawaban == 1


def test_jawaban_yang_tidak_dihitung(kecil: Instrumen) -> None:
    peta = hitung(
        kecil,
        [
            j("1.1-02", G1, "ya"),  # a group the question is not asked of
            j("9.9-01", KS, "ya"),  # a question not in this instrument version
            j("1.1-03", S, "3"),  # a group with weight 0
        ],
    )
    assert peta.skor_sekolah is None


def test_jawaban_terakhir_yang_berlaku(kecil: Instrumen) -> None:
    peta = hitung(kecil, [j("2.1-01", G1, "tidak"), j("2.1-01", G1, "ya")])
    assert indikator(peta, "2.1").skor == 7
    assert indikator(peta, "2.1").jumlah_jawaban == 1


def test_urutan_prioritas_dan_pemecah_seri(kecil: Instrumen) -> None:
    peta = hitung(
        kecil,
        [
            j("1.1-02", KS, "tidak"),  # 1.1 = 0
            j("1.2-01", KS, "ya"),  # 1.2 = 7, so A = 3.5
            j("2.1-01", G1, "tidak"),  # 2.1 = 0 from 2 answers
            j("2.1-01", G2, "tidak"),
            j("2.2-01", KS, "0"),  # 2.2 = 0 from 1 answer, so B = 0
        ],
    )
    # All three weakest score 0. B (0) is weaker than A (3.5), so 2.x come first despite their
    # codes; within B, 2.2 rests on fewer answers than 2.1.
    assert [(i.kode, i.skor) for i in peta.prioritas] == [
        ("2.2", 0),
        ("2.1", 0),
        ("1.1", 0),
        ("1.2", 7),
    ]
    assert [i.kode for i in hitung(kecil, [], jumlah_prioritas=2).prioritas] == []


def test_seri_penuh_diurutkan_menurut_kode(kecil: Instrumen) -> None:
    jawaban = [j("1.2-01", KS, "tidak"), j("1.1-02", KS, "tidak")]
    assert [i.kode for i in hitung(kecil, jawaban).prioritas] == ["1.1", "1.2"]
    assert [i.kode for i in hitung(kecil, jawaban, jumlah_prioritas=1).prioritas] == ["1.1"]


@pytest.mark.parametrize(
    ("pilihan", "skor", "kategori"),
    [
        ("0", 2.04, "Menuju SNP 1"),
        ("1", 2.05, "Menuju SNP 2"),
        ("2", 6.66, "Menuju SNP 4"),
        ("3", 6.67, "SNP"),
        # Shown as 2,04, so it is put where 2,04 belongs; the score itself stays unrounded.
        ("4", 2.044, "Menuju SNP 1"),
    ],
)
def test_kategori_tepat_di_ambang(
    kecil: Instrumen, pilihan: str, skor: float, kategori: str
) -> None:
    peta = hitung(kecil, [j("2.2-02", KS, pilihan)])
    assert peta.skor_sekolah == skor
    assert peta.kategori is not None and peta.kategori.nama == kategori
    assert peta.standar[1].kategori is not None and peta.standar[1].kategori.nama == kategori


@pytest.mark.parametrize(
    ("skor", "hasil"),
    [(2.044, 2.04), (2.045, 2.05), (4.375, 4.38), (7 / 3, 2.33), (7 / 6, 1.17), (7.0, 7.0)],
)
def test_bulat_setengah_ke_atas(skor: float, hasil: float) -> None:
    assert bulat(skor) == hasil


def _jawaban_terbaik(p: Pertanyaan) -> str:
    """The stored value that scores highest for a scored question of the shipped file."""
    assert p.angka is not None or p.label
    if p.angka is not None:
        calon = [kanonik(p.angka.min), kanonik(p.angka.maks)]
    elif p.jenis == "ya_tidak":
        calon = ["ya", "tidak"]
    else:
        calon = [str(i) for i in range(len(p.label))]
    return max(calon, key=lambda n: skor_jawaban(p, n) or 0.0)


def test_instrumen_bawaan_dijawab_terbaik_memberi_7_di_semua_tingkat() -> None:
    inst = bawaan()
    # One person per chat group answers every scored question asked of them at the top level.
    orang = {"kepala_sekolah": 1, "guru": 2, "tendik": 3}
    jawaban = [
        Jawaban(p.kode, grup, pengguna_id, _jawaban_terbaik(p))
        for grup, pengguna_id in orang.items()
        for p in inst.pertanyaan_untuk(grup)
        if p.dinilai
    ]
    peta = hitung(inst, jawaban)
    assert peta.skor_sekolah == 7.0
    assert peta.kategori is not None and peta.kategori.nama == "SNP"
    assert len(peta.standar) == 8
    assert all(s.skor == 7.0 and s.kategori == peta.kategori for s in peta.standar)
    semua = [i for s in peta.standar for i in s.indikator]
    assert len(semua) == 29 and all(i.skor == 7.0 for i in semua)
    # Every score ties, so the indicators resting on the fewest answers come first.
    urut = sorted(semua, key=lambda i: (i.jumlah_jawaban, [int(x) for x in i.kode.split(".")]))
    assert peta.prioritas == tuple(urut[:5])
