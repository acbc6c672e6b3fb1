"""Read a numeric date (2010-06-28, 2010/6/28, 2010年6月28日) as ISO; shared by the page-metadata readers."""
from __future__ import annotations

import re

NUMERIC_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def iso_date(value: str) -> str:
    """The first valid date in ``value`` as YYYY-MM-DD, or "" if there is none."""
    match = NUMERIC_DATE.search(value)
    if not match:
        return ""
    year, month, day = (int(part) for part in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else ""
