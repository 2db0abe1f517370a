"""Charts as PNG bytes (matplotlib, headless)."""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Callable, Sequence
from typing import ParamSpec, cast

import matplotlib

matplotlib.use("Agg")  # no screen on a server; must precede pyplot

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.projections.polar import PolarAxes  # noqa: E402

SKOR_MAKS = 7.0
P = ParamSpec("P")


def teks_polos(fungsi: Callable[P, bytes]) -> Callable[P, bytes]:
    """Draw every text of the chart as written. Matplotlib reads `$...$` as mathtext, so a
    school named "SD $Harapan$" would lose its dollars and one named "SMK $a_{$" would stop
    the chart with a ValueError; our charts hold no formulas, only names and numbers."""

    @functools.wraps(fungsi)
    def bungkus(*args: P.args, **kwargs: P.kwargs) -> bytes:
        with plt.rc_context({"text.parse_math": False}):
            return fungsi(*args, **kwargs)

    return bungkus


def _png(gambar: Figure) -> bytes:
    keluaran = io.BytesIO()
    gambar.savefig(keluaran, format="png", dpi=110, bbox_inches="tight")
    plt.close(gambar)
    return keluaran.getvalue()


@teks_polos
def radar(
    label: Sequence[str],
    skor: Sequence[float | None],
    judul: str,
    pembanding: Sequence[float | None] | None = None,
    label_pembanding: str | None = None,
    label_skor: str | None = None,
) -> bytes:
    """A radar of standard scores on the 0..7 scale; a missing score is drawn at 0 and its
    label says so. An optional second series (an earlier cycle, a target) is drawn dashed."""
    n = len(label)
    sudut = [2 * math.pi * i / n for i in range(n)] + [0.0]
    gambar = plt.figure(figsize=(6.4, 6.4))
    sumbu = cast(PolarAxes, gambar.add_subplot(polar=True))
    sumbu.set_theta_offset(math.pi / 2)
    sumbu.set_theta_direction(-1)
    sumbu.set_ylim(0, SKOR_MAKS)
    sumbu.set_yticks([1, 2, 3, 4, 5, 6, 7])
    sumbu.set_xticks(sudut[:-1])
    sumbu.tick_params(axis="x", pad=12)
    sumbu.set_xticklabels(
        [
            f"{t}\n({s:.2f})".replace(".", ",") if s is not None else f"{t}\n(-)"
            for t, s in zip(label, skor, strict=True)
        ],
        fontsize=8,
    )
    if pembanding is not None:
        nilai_b = [v or 0.0 for v in pembanding]
        sumbu.plot(
            sudut, [*nilai_b, nilai_b[0]], linestyle="--", color="#888888", label=label_pembanding
        )
    nilai = [v or 0.0 for v in skor]
    sumbu.plot(sudut, [*nilai, nilai[0]], color="#1f6f8b", linewidth=2, label=label_skor)
    sumbu.fill(sudut, [*nilai, nilai[0]], color="#1f6f8b", alpha=0.25)
    sumbu.set_title(judul, pad=24, fontsize=11)
    if pembanding is not None or label_skor:
        sumbu.legend(loc="lower right", bbox_to_anchor=(1.15, -0.1), fontsize=8)
    return _png(gambar)


# Colours of the activity statuses, in the order of bot.mutu.ringkasan.STATUS_KEGIATAN.
WARNA_STATUS = ("#2e7d32", "#1f6f8b", "#c62828", "#ef6c00", "#9e9e9e")


@teks_polos
def kemajuan(
    label_status: Sequence[str],
    jumlah: Sequence[int],
    judul: str,
    label_standar: Sequence[str] = (),
    skor_standar: Sequence[float | None] = (),
) -> bytes:
    """Progress at a glance: one stacked bar of the plan's activities by status, and (when the
    quality map exists) the 8 standard scores as bars on the 0..7 scale."""
    ada_peta = bool(label_standar)
    gambar = plt.figure(figsize=(7.2, 4.6 if ada_peta else 1.9))
    if ada_peta:
        atas, bawah = gambar.subplots(2, 1, height_ratios=(1, 3))
    else:
        atas, bawah = gambar.add_subplot(), None
    kiri = 0
    for teks, n, warna in zip(label_status, jumlah, WARNA_STATUS, strict=False):
        if n:
            atas.barh([0], [n], left=kiri, color=warna, label=f"{teks} ({n})")
            kiri += n
    atas.set_xlim(0, max(kiri, 1))
    atas.set_yticks([])
    atas.set_title(judul, fontsize=11)
    if kiri:
        atas.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=3, fontsize=8)
    if bawah is not None:
        nilai = [v or 0.0 for v in skor_standar]
        bawah.bar(list(label_standar), nilai, color="#1f6f8b")
        bawah.set_ylim(0, SKOR_MAKS)
        bawah.tick_params(axis="x", labelsize=8)
        for i, v in enumerate(skor_standar):
            teks = f"{v:.2f}".replace(".", ",") if v is not None else "-"
            bawah.text(i, (v or 0.0) + 0.1, teks, ha="center", fontsize=8)
    gambar.tight_layout()
    return _png(gambar)


@teks_polos
def batang_kelompok(
    label: Sequence[str],
    skor_a: Sequence[float | None],
    skor_b: Sequence[float | None],
    judul: str,
    label_a: str,
    label_b: str,
) -> bytes:
    """Grouped bars on the 0..7 scale: two series side by side per label (a previous cycle
    and this one). A missing score leaves its bar out rather than drawing a zero."""
    x = list(range(len(label)))
    lebar = 0.38
    gambar = plt.figure(figsize=(8.0, 3.8))
    sumbu = gambar.add_subplot()
    for geser, skor, warna, nama in (
        (-lebar / 2, skor_a, "#9aa5ad", label_a),
        (lebar / 2, skor_b, "#1f6f8b", label_b),
    ):
        posisi = [i + geser for i, s in zip(x, skor, strict=True) if s is not None]
        nilai = [s for s in skor if s is not None]
        batang = sumbu.bar(posisi, nilai, lebar, color=warna, label=nama)
        sumbu.bar_label(
            batang, labels=[f"{v:.2f}".replace(".", ",") for v in nilai], fontsize=6.5, padding=1
        )
    sumbu.set_ylim(0, SKOR_MAKS + 0.6)
    sumbu.set_yticks(range(8))
    sumbu.set_xticks(x)
    sumbu.set_xticklabels(label, fontsize=8)
    sumbu.spines[["top", "right"]].set_visible(False)
    sumbu.set_title(judul, fontsize=11)
    sumbu.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, frameon=False)
    return _png(gambar)


# The report's colours per label (red, yellow, green; grey for not available).
WARNA_LABEL = {"kurang": "#c62828", "sedang": "#f9a825", "baik": "#2e7d32"}


@teks_polos
def banding_rapor(
    kode: Sequence[str],
    nilai_a: Sequence[float | None],
    nilai_b: Sequence[float | None],
    label_b: Sequence[str | None],
    judul: str,
    nama_a: str,
    nama_b: str,
) -> bytes:
    """Rapor Pendidikan indicators in two editions on the 0..100 scale: the older edition in
    grey, the newer coloured by its label (from the report, never recomputed). A missing value
    leaves its bar out rather than drawing a zero."""
    x = list(range(len(kode)))
    lebar = 0.38
    gambar = plt.figure(figsize=(8.0, 3.8))
    sumbu = gambar.add_subplot()
    posisi = [i - lebar / 2 for i, v in zip(x, nilai_a, strict=True) if v is not None]
    nilai = [v for v in nilai_a if v is not None]
    batang = sumbu.bar(posisi, nilai, lebar, color="#9aa5ad", label=nama_a)
    sumbu.bar_label(batang, labels=[f"{v:.1f}".replace(".", ",") for v in nilai], fontsize=6.5)
    ada = [
        (i + lebar / 2, v, WARNA_LABEL.get(lb or "", "#9e9e9e"))
        for i, v, lb in zip(x, nilai_b, label_b, strict=True)
        if v is not None
    ]
    batang = sumbu.bar(
        [a[0] for a in ada],
        [a[1] for a in ada],
        lebar,
        color=[a[2] for a in ada],
        edgecolor="#333333",
        linewidth=0.4,
        label=nama_b,
    )
    sumbu.bar_label(batang, labels=[f"{a[1]:.1f}".replace(".", ",") for a in ada], fontsize=6.5)
    sumbu.set_ylim(0, 110)
    sumbu.set_xticks(x)
    sumbu.set_xticklabels(kode, fontsize=8)
    sumbu.spines[["top", "right"]].set_visible(False)
    sumbu.set_title(judul, fontsize=11)
    sumbu.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, frameon=False)
    return _png(gambar)
