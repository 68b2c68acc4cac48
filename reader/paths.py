"""Where the reader keeps the user's files: one rule, light enough for the start-up path."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

CONFIG_FILE = "config.toml"
STATE_FILE = "state.json"
_OVERRIDES = {
    "config": "READER_CONFIG_DIR",
    "state": "READER_STATE_DIR",
    "data": "READER_DATA_DIR",
    "cache": "READER_CACHE_DIR",
}
FolderKind = Literal["config", "state", "data", "cache"]


def user_folder(kind: FolderKind) -> Path:
    """``$READER_<KIND>_DIR`` when set, else the platform's folder (platformdirs)."""
    override = os.environ.get(_OVERRIDES[kind])
    if override:
        return Path(override).expanduser()
    import platformdirs  # Textual imports it anyway

    if kind == "config":
        return platformdirs.user_config_path("reader")
    if kind == "data":
        return platformdirs.user_data_path("reader")
    if kind == "cache":
        return platformdirs.user_cache_path("reader")
    return platformdirs.user_state_path("reader")


def config_path() -> Path:
    """Where the config file is (it may not exist)."""
    return user_folder("config") / CONFIG_FILE


def state_path() -> Path:
    """Where the reading positions are kept (the file may not exist)."""
    return user_folder("state") / STATE_FILE
