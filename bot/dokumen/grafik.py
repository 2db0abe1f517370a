"""Charts as PNG bytes (matplotlib, headless)."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")  # no screen on a server; must precede pyplot

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

SKOR_MAKS = 7.0


def _png(gambar: Figure) -> bytes:
    keluaran = io.BytesIO()
    gambar.savefig(keluaran, format="png", dpi=110, bbox_inches="tight")
    plt.close(gambar)
    return keluaran.getvalue()


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
    sumbu = gambar.add_subplot(polar=True)
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
