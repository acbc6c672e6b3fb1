"""plans.json is documented by schemas/plans.schema.json: the schema must list exactly the fields the code writes."""
from __future__ import annotations

import dataclasses
import json

from conftest import ROOT
from scripts import models, publish

SCHEMA = json.loads((ROOT / "schemas" / "plans.schema.json").read_text(encoding="utf-8"))


def fields(cls) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def test_schema_version_matches_code():
    assert SCHEMA["properties"]["schema_version"]["const"] == publish.SCHEMA_VERSION


def test_schema_lists_every_field_of_every_dataclass():
    defs = SCHEMA["$defs"]
    for name, cls in [("plan", models.Plan), ("meta", models.PlanMeta), ("section", models.Section), ("item", models.Item), ("phase", models.Phase), ("flag", models.Flag), ("source", models.PlanSource), ("variant", models.Variant), ("member", models.Member), ("note", models.Note)]:
        assert set(defs[name]["properties"]) == fields(cls), name
        assert set(defs[name]["required"]) == fields(cls), name
