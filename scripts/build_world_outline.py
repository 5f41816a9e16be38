"""Build the world outline shipped with the dashboard and the report's map charts.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python scripts/build_world_outline.py package/countries-50m.json

Input: the `world-atlas` npm package (TopoJSON of Natural Earth's 1:50m admin-0 countries,
version 4.1.0; ISC licence, (c) Michael Bostock; Natural Earth is in the public domain).
Output: `src/flashpoint/api/static/world.geojson`, a GeoJSON FeatureCollection with one
feature per country (`iso3`, `name`), simplified per shared border arc (Douglas-Peucker, so
neighbours keep a common edge) and rounded to 0.01 degree. Numeric ISO ids become ISO3 codes
through `src/flashpoint/data/store/countries.tsv`. Rings that cross the 180th meridian (Russia,
Fiji) are cut into one polygon on each side, and rings around the South Pole go down to -90
along it, so no outline has an edge that spans the map: drawn as plain longitude/latitude
(the dashboard, the report's maps) they show no stripes.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "flashpoint" / "api" / "static" / "world.geojson"
COUNTRIES = ROOT / "src" / "flashpoint" / "data" / "store" / "countries.tsv"
# Features world-atlas ships without a numeric ISO id.
NO_ID = {"Kosovo": "XKX", "N. Cyprus": "CYN", "Somaliland": "SOL"}
ATTRIBUTION = (
    "Country outlines: Natural Earth 1:50m admin-0 countries v4.1.0 (public domain, "
    "naturalearthdata.com) via the world-atlas package 2.0.2 (ISC licence, (c) Michael Bostock); "
    "simplified by scripts/build_world_outline.py"
)

Point = tuple[float, float]


def iso3_by_numeric() -> dict[str, str]:
    rows = (line for line in COUNTRIES.read_text(encoding="utf-8").splitlines() if line)
    reader = csv.DictReader((r for r in rows if not r.startswith("#")), delimiter="\t")
    return {r["numeric"].zfill(3): r["iso3"] for r in reader}


def decode_arcs(topo: dict) -> list[list[Point]]:
    """The absolute coordinates of every arc (quantized, delta-encoded in TopoJSON)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _distance(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    return abs(dy * px - dx * py + bx * ay - by * ax) / (dx * dx + dy * dy) ** 0.5


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, keeping both ends (iterative, so long arcs do not recurse deeply)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        lo, hi = stack.pop()
        best, index = 0.0, -1
        for i in range(lo + 1, hi):
            d = _distance(points[i], points[lo], points[hi])
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack += [(lo, index), (index, hi)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def ring(indices: list[int], arcs: list[list[Point]]) -> list[list[float]]:
    out: list[Point] = []
    for i in indices:
        part = arcs[i] if i >= 0 else arcs[~i][::-1]
        out += part[1:] if out else part
    rounded: list[list[float]] = []
    for x, y in out:
        pt = [round(x, 2), round(y, 2)]
        if not rounded or rounded[-1] != pt:
            rounded.append(pt)
    return rounded


def _jumps(points: list[list[float]]) -> list[int]:
    """The indices i where the edge from point i-1 to i crosses the 180th meridian."""
    return [i for i in range(1, len(points)) if abs(points[i][0] - points[i - 1][0]) > 180]


def _side(x: float) -> float:
    return 180.0 if x > 0 else -180.0


def _around_pole(points: list[list[float]], at: int) -> list[list[float]]:
    """A ring around the pole: its crossing edge becomes a detour along the map's edge."""
    (x1, y1), (x2, y2) = points[at - 1], points[at]
    pole = -90.0 if y1 < 0 else 90.0
    detour = [[_side(x1), y1], [_side(x1), pole], [_side(x2), pole], [_side(x2), y2]]
    detour = [p for p in detour if p not in (points[at - 1], points[at])]
    return points[:at] + detour + points[at:]


def split_antimeridian(points: list[list[float]]) -> list[list[list[float]]]:
    """A closed ring as rings that do not cross the 180th meridian: the parts on each side
    joined along it (a ring around a pole is routed along the map's edge instead)."""
    jumps = _jumps(points)
    if not jumps:
        return [points]
    if len(jumps) % 2:
        return [_around_pole(points, jumps[0])]
    opened = points[:-1] if points[0] == points[-1] else points
    start = jumps[0]
    rotated = opened[start:] + opened[:start]
    sides: dict[float, list[list[float]]] = {}
    for point in rotated:
        sides.setdefault(_side(point[0]), []).append(point)
    out = []
    for part in sides.values():
        if len(part) >= 3:
            out.append([*part, part[0]])
    return out


def polygons(
    geom: dict, arcs: list[list[Point]], raw: list[list[Point]]
) -> list[list[list[list[float]]]]:
    """The polygons of a country; a small island that simplification would erase keeps its
    full outline."""
    parts = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"]
    out = []
    for part in parts:
        rings = [ring(r, arcs) for r in part]
        rings = [s if len(s) >= 4 else ring(r, raw) for s, r in zip(rings, part, strict=True)]
        rings = [r for r in rings if len(r) >= 4]
        if not rings:
            continue
        outer = split_antimeridian(rings[0])
        if len(outer) == 1:
            out.append([outer[0], *(h for r in rings[1:] for h in split_antimeridian(r))])
        else:
            out += [[part] for part in outer]
    return out


def build(source: Path, tolerance: float) -> dict:
    topo = json.loads(source.read_text(encoding="utf-8"))
    raw = decode_arcs(topo)
    arcs = [simplify(a, tolerance) for a in raw]
    codes = iso3_by_numeric()
    features = []
    for geom in topo["objects"]["countries"]["geometries"]:
        name = geom.get("properties", {}).get("name", "")
        iso3 = codes.get(str(geom.get("id", "")).zfill(3)) or NO_ID.get(name)
        polys = polygons(geom, arcs, raw)
        if not polys:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"iso3": iso3, "name": name},
                "geometry": {"type": "MultiPolygon", "coordinates": polys},
            }
        )
    features.sort(key=lambda f: (f["properties"]["iso3"] or "~", f["properties"]["name"]))
    return {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-50m.json")
    parser.add_argument("--tolerance", type=float, default=0.05, help="degrees (default 0.05)")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    data = build(args.topojson, args.tolerance)
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    args.output.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {len(data['features'])} countries, {len(text):,} bytes to {args.output}")


if __name__ == "__main__":
    main()
