"""Rapor Pendidikan downloads built in the tests: the 2023, 2024 and 2025 layouts the reference
describes (RAPOR-PENDIDIKAN.md §1.5, §2), a layout matching neither, and each broken kind.

The real 2024/2025 header strings are not confirmed (reference §7.1): these workbooks follow
the described column order and wording, with the variations a tolerant reader must survive
(codes before the name, headers broken over lines, a longer title block, extra sheets)."""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook

# code -> (label, value, change word, change amount, rank kab/kota, rank national)
CONTOH: dict[str, tuple[str, float, str, float | None, int, int]] = {
    "A.1": ("Kurang", 38.5, "Turun", 5.2, 5, 4),
    "A.2": ("Sedang", 52.1, "Naik", 4.34, 3, 3),
    "A.3": ("Baik", 71.2, "Tidak berubah", None, 2, 2),
    "C.3": ("Sedang", 60.0, "Naik", 3.0, 3, 3),
    "D.1": ("Sedang", 55.0, "Turun", 1.5, 4, 4),
    "D.2": ("Kurang", 41.0, "Turun", 2.5, 5, 5),
    "D.3": ("Sedang", 58.0, "Naik", 1.0, 3, 3),
    "D.4": ("Kurang", 44.0, "Turun", 8.0, 5, 5),
    "D.8": ("Baik", 70.0, "Naik", 2.0, 1, 2),
    "E.1": ("Sedang", 61.0, "Tidak berubah", None, 3, 3),
}
NAMA = {
    "A.1": "Kemampuan literasi",
    "A.2": "Kemampuan numerasi",
    "A.3": "Karakter",
    "C.3": "Pengalaman Pelatihan PTK",
    "D.1": "Kualitas pembelajaran",
    "D.2": "Refleksi dan perbaikan pembelajaran oleh guru",
    "D.3": "Kepemimpinan instruksional",
    "D.4": "Iklim keamanan satuan pendidikan",
    "D.8": "Iklim Kebinekaan",
    "E.1": "Partisipasi warga satuan pendidikan",
}
KELOMPOK = {
    1: "Peringkat atas (1-20%)",
    2: "Peringkat menengah atas (21-40%)",
    3: "Peringkat menengah (41-60%)",
    4: "Peringkat menengah bawah (61-80%)",
    5: "Peringkat bawah (81-100%)",
}
NPSN = "20325895"


def _koma(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


def _label(kode: str, label: str, nilai: float) -> str:
    if kode in ("A.1", "A.2"):
        return f"{label} ({_koma(nilai)}% siswa sudah mencapai kompetensi minimum)"
    return label


def _ubah(arah: str, jumlah: float | None) -> str:
    return arah if jumlah is None else f"{arah} {_koma(jumlah)}%"


def _simpan(wb: Workbook) -> bytes:
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue()


def buku_2023(sekolah: str = "SD MUHAMMADIYAH 7", npsn: str = NPSN) -> bytes:
    """The 2023 school download: code in column A, verbatim 2023 header, text values."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Laporan Rapor Pendidikan"
    ws.append([f"LAPORAN RAPOR PENDIDIKAN {sekolah} TAHUN 2023"])
    ws.append(["Laporan ini berisi CAPAIAN SELURUH INDIKATOR satdik Anda sesuai hasil AN."])
    ws.append(["NPSN", npsn])
    ws.append(["Laporan diperbarui 11 Jul 2023"])
    ws.append([])
    ws.append(
        [
            "No",
            "Indikator",
            "Capaian",
            "Skor Rapor 2023",
            "Definisi Capaian",
            "Perubahan Skor dari Tahun Lalu",
            "Skor Rapor 2022",
            "Peringkat di Kab./Kota",
            "Peringkat secara Nasional",
            "Sumber Data",
        ]
    )
    for kode, (label, nilai, arah, jumlah, daerah, nasional) in CONTOH.items():
        ws.append(
            [
                kode,
                NAMA[kode],
                _label(kode, label, nilai),
                _koma(nilai),
                "Definisi ...",
                _ubah(arah, jumlah),
                _koma(nilai - 1),
                KELOMPOK[daerah],
                KELOMPOK[nasional],
                "Asesmen Nasional",
            ]
        )
        if kode == "A.1":
            for pita in ("Di atas", "Mencapai", "Di bawah", "Jauh di bawah"):
                ws.append(["", f"Proporsi peserta didik ... {pita.lower()} kompetensi", pita])
            ws.append(["A.1.1", "Kompetensi membaca teks informasi", "-", "47,5"])
    return _simpan(wb)


def buku_2024(sekolah: str = "SD NEGERI SUKARAMAI", npsn: str = NPSN) -> bytes:
    """The 2024 download: a guide sheet first, numbered rows with the code before the name,
    headers broken over lines, the provincial rank, numbers as numbers."""
    wb = Workbook()
    panduan = wb.active
    panduan.title = "1. Panduan Umum"
    panduan.append(["Dokumen ini terdiri dari empat bagian:"])
    panduan.append(["2. Laporan Rapor Pendidikan. Lembar ini memuat data capaian A.1 ..."])
    ws = wb.create_sheet("2. Laporan Rapor")
    ws.append(["RAPOR PENDIDIKAN 2024"])
    ws.append(["Nama Satuan Pendidikan", sekolah])
    ws.append(["NPSN", npsn])
    ws.append([])
    ws.append(
        [
            "No.",
            "Indikator",
            "Capaian",
            "Skor Rapor\n2024",
            "Definisi\nCapaian",
            "Perubahan Skor\ndari Tahun Lalu",
            "Skor Rapor\n2023",
            "Peringkat di\nProvinsi",
            "Peringkat\nNasional",
            "Sumber\nData",
        ]
    )
    for n, (kode, (label, nilai, arah, jumlah, daerah, nasional)) in enumerate(CONTOH.items()):
        ws.append(
            [
                n + 1,
                f"{kode} {NAMA[kode]}",
                _label(kode, label, nilai),
                nilai,
                "Definisi ...",
                _ubah(arah, jumlah),
                nilai - 1,
                KELOMPOK[daerah],
                KELOMPOK[nasional],
                "AN",
            ]
        )
    return _simpan(wb)


def buku_2025(sekolah: str = "SD NEGERI KALISALAK 01", npsn: str = NPSN) -> bytes:
    """The 2025 download: six sheets, a longer title block (A.1 on row 13), "Nilai Capaian"
    headers, and recommendation sheets that also mention codes (not the table)."""
    wb = Workbook()
    wb.active.title = "1. PANDUAN PBD"
    wb.active.append(["Panduan Perencanaan Berbasis Data"])
    ws = wb.create_sheet("2. LAPORAN RAPOR")
    ws.append([f"RAPOR PENDIDIKAN 2025 {sekolah}"])
    ws.append(["Berdasarkan data pendidikan 2024"])
    ws.append([f"NPSN: {npsn}"])
    for _ in range(8):
        ws.append(["Catatan: semua skor dikonversi ke rentang 0-100."])
    ws.append(
        [
            "No",
            "Indikator",
            "Label Capaian",
            "Nilai Capaian 2025",
            "Definisi Label",
            "Perubahan Nilai Capaian dari Tahun Lalu",
            "Nilai Capaian 2024",
            "Peringkat di Kab./Kota",
            "Peringkat Nasional",
            "Sumber Data",
        ]
    )
    for kode, (label, nilai, arah, jumlah, daerah, nasional) in CONTOH.items():
        ws.append(
            [
                kode,
                NAMA[kode],
                _label(kode, label, nilai),
                nilai,
                "...",
                _ubah(arah, jumlah),
                nilai - 1,
                KELOMPOK[daerah],
                KELOMPOK[nasional],
                "AN",
            ]
        )
    rekom = wb.create_sheet("2.2 REKOM. PRIORITAS")
    rekom.append(["No", "Identifikasi", "Capaian", "Akar masalah"])
    rekom.append([1, "A.1 Kemampuan literasi", "Baik", "D.1 Kualitas pembelajaran"])
    wb.create_sheet("3. LEMBAR KERJA RKT").append(["Identifikasi", "Akar Masalah"])
    wb.create_sheet("4. LEMBAR KERJA ARKAS").append(["Kegiatan Benahi"])
    return _simpan(wb)


def buku_lain() -> bytes:
    """A workbook of neither layout: a regional recap with codes across the header, one row
    per school, and no "Indikator" column."""
    wb = Workbook()
    ws = wb.active
    ws.title = "5. CAPAIAN SATDIK"
    ws.append(["DATA HASIL RAPOR PENDIDIKAN 2025"])
    ws.append(["Provinsi", "Kabupaten/Kota", "Nama Sekolah", "A.1 Kemampuan literasi", ""])
    ws.append(["", "", "", "Label Capaian 2025", "Perubahan Nilai Capaian dari Tahun Lalu"])
    ws.append(["NTB", "Mataram", "SD 1", "Kurang", "Turun"])
    return _simpan(wb)


def buku_kosong() -> bytes:
    """A workbook whose only sheet is empty."""
    return _simpan(Workbook())


def bukan_xlsx() -> bytes:
    """A PDF, whatever its name says."""
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def zip_biasa() -> bytes:
    """A zip that is no workbook."""
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w") as z:
        z.writestr("catatan.txt", "bukan rapor")
    return keluar.getvalue()


def bersandi() -> bytes:
    """What Excel writes for a password-protected workbook: an OLE/CFB container holding the
    EncryptionInfo and EncryptedPackage streams (header and directory names only)."""
    kepala = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    direktori = b"".join(
        n.encode("utf-16-le").ljust(64, b"\0") + bytes(64)
        for n in ("Root Entry", "EncryptionInfo", "EncryptedPackage")
    )
    return kepala + direktori + bytes(2048)


def bom_zip() -> bytes:
    """A workbook-looking zip whose one part expands 20 MB of zeros from a few kilobytes."""
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w") as bagian:
            nol = bytes(1024 * 1024)
            for _ in range(20):
                bagian.write(nol)
    return keluar.getvalue()


def terlalu_besar() -> bytes:
    """A real workbook zip padded past 10 MB with incompressible bytes."""
    import random

    acak = random.Random(7).randbytes(10 * 1024 * 1024 + 1024)
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/media/gambar.bin", acak)
    return keluar.getvalue()
