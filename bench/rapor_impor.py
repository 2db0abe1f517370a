"""The Rapor Pendidikan import of a 5 MB workbook: the checks before parsing, the read of the
indicator table, and the peak Python memory of the read.

The workbook is built here in the 2025 layout (six sheets; the report sheet holds every
catalogue indicator of an SMK) with long text sheets beside it (the recommendations and the
RKT worksheet) filled with incompressible text until the file weighs the asked size. A real
school download is far smaller (tens to hundreds of kilobytes, as far as the reference tells).

    python -m bench.rapor_impor [--mb 5] [--ulang 5]
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import statistics
import string
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from openpyxl import Workbook

from bot.dokumen.rapor_impor import baca_berkas, periksa
from bot.mutu import rapor as rp
from db.rapor_katalog import baca_katalog

KELOMPOK = ("atas (1-20%)", "menengah (41-60%)", "bawah (81-100%)")


def buat_buku(mb: float) -> bytes:
    """A 2025-layout workbook of at least `mb` megabytes."""
    katalog = rp.katalog_dari(baca_katalog())
    acak = random.Random(2025)
    wb = Workbook()
    wb.active.title = "1. PANDUAN PBD"
    ws = wb.create_sheet("2. LAPORAN RAPOR")
    ws.append(["RAPOR PENDIDIKAN 2025 SMK NEGERI 1 CONTOH"])
    ws.append(["NPSN: 20512345"])
    for _ in range(9):
        ws.append(["Catatan"])
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
    for (_, kode), ind in katalog.indikator.items():
        nilai = round(acak.uniform(20, 90), 2)
        ws.append(
            [
                kode,
                ind.nama,
                acak.choice(("Baik", "Sedang", "Kurang")) if ind.berlabel else "-",
                nilai,
                "Definisi",
                f"{acak.choice(('Naik', 'Turun'))} {acak.uniform(0, 9):.2f}".replace(".", ","),
                nilai - 1,
                f"Peringkat {acak.choice(KELOMPOK)}",
                f"Peringkat {acak.choice(KELOMPOK)}",
                "Asesmen Nasional",
            ]
        )
    huruf = string.ascii_letters + " "
    for nama in ("2.1 REKOM. KESELURUHAN", "3. LEMBAR KERJA RKT", "4. LEMBAR KERJA ARKAS"):
        lembar = wb.create_sheet(nama)
        lembar.append(["Identifikasi", "Akar masalah", "Kegiatan Benahi", "Penjelasan"])
        # Roughly 60% of the asked size in three sheets of random text (it barely compresses).
        for _ in range(int(mb * 1024 * 1024 * 0.6 / 3 / 4 / 60)):
            lembar.append(["".join(acak.choices(huruf, k=60)) for _ in range(4)])
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue()


# Run in a fresh process: the resident set after the imports, then the peak of one import
# (Linux: writing 5 to clear_refs resets VmHWM, so the imports' own peak is not counted).
_PROSES_BERSIH = """
import sys
from pathlib import Path
from bot.dokumen.rapor_impor import baca_berkas
def kb(kunci):
    for baris in Path("/proc/self/status").read_text().splitlines():
        if baris.startswith(kunci):
            return int(baris.split()[1])
isi = Path(sys.argv[1]).read_bytes()
Path("/proc/self/clear_refs").write_text("5")
awal = kb("VmRSS:")
baca_berkas(isi, None)
print(awal, kb("VmHWM:"))
"""


def rss_proses_bersih(isi: bytes) -> tuple[float, float]:
    """(resident MB before, peak resident MB during) one import in a fresh Linux process."""
    with tempfile.TemporaryDirectory() as folder:
        berkas = Path(folder) / "rapor.xlsx"
        berkas.write_bytes(isi)
        keluar = subprocess.run(
            [sys.executable, "-c", _PROSES_BERSIH, str(berkas)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
    return int(keluar[0]) / 1024, int(keluar[1]) / 1024


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--mb", type=float, default=5.0, help="workbook size in MB")
    p.add_argument("--ulang", type=int, default=5, help="repetitions of the timed read")
    args = p.parse_args()

    mulai = time.perf_counter()
    isi = buat_buku(args.mb)
    faktor = 1.0
    while len(isi) < args.mb * 1024 * 1024:
        faktor *= args.mb * 1024 * 1024 / len(isi) * 1.05
        isi = buat_buku(args.mb * faktor)
    t_buat = time.perf_counter() - mulai

    t_periksa = []
    t_baca = []
    for _ in range(args.ulang):
        m = time.perf_counter()
        periksa(isi)
        t_periksa.append(time.perf_counter() - m)
        m = time.perf_counter()
        hasil = baca_berkas(isi, "RAPOR-PBD-SMK-CONTOH-20512345-DATA-2025.xlsx")
        t_baca.append(time.perf_counter() - m)

    tracemalloc.start()
    baca_berkas(isi, None)
    _, puncak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_awal, rss_akhir = rss_proses_bersih(isi)

    print(f"workbook: {len(isi) / 1024 / 1024:.2f} MB (built in {t_buat:.1f} s)")
    print(f"indicators read: {len(hasil.capaian)} from sheet {hasil.lembar!r}, {hasil.edisi}")
    ms_periksa = statistics.median(t_periksa) * 1000
    print(f"checks before parsing (zip sizes, ratio): median {ms_periksa:.1f} ms")
    median_baca = statistics.median(t_baca)
    print(f"whole import (checks + read): median {median_baca:.3f} s, max {max(t_baca):.3f} s")
    print(f"peak Python memory of one import (tracemalloc): {puncak / 1024 / 1024:.1f} MB")
    print(
        f"fresh process: {rss_awal:.0f} MB resident with the file's bytes loaded, peak"
        f" {rss_akhir:.0f} MB during one import (+{rss_akhir - rss_awal:.0f} MB)"
    )
    print(f"this process max RSS (includes building the workbook): {rss:.0f} MB")


if __name__ == "__main__":
    main()
