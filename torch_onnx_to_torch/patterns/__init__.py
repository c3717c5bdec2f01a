"""Rewrite patterns of the default ONNX domain, sharded by the op's first letter.

Each shard exposes `populate(registry)`; other domains get shards of their own.
"""

from __future__ import annotations

from . import a_to_f, com_microsoft, g_to_p, q_to_z

SHARDS = {"a_to_f": a_to_f, "g_to_p": g_to_p, "q_to_z": q_to_z}

# Shards of other domains (not sharded by letter).
DOMAIN_SHARDS = {"com.microsoft": com_microsoft}


def populate_all(registry) -> None:
    """Register every shipped pattern into `registry`."""
    for shard in (*SHARDS.values(), *DOMAIN_SHARDS.values()):
        shard.populate(registry)
