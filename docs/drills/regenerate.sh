#!/bin/sh
# Measures the drills of docs/upgrade-gate.md again, then rewrites the
# files made from the measurements. Run it as 'go generate ./docs' (or
# 'sh docs/drills/regenerate.sh [go-jose] [jwx]' for some of them) from a
# checkout; it needs the module proxy, or a module cache that holds the
# versions. Each drill builds the suite of this checkout against the
# library's versions, so new vectors and adapters are measured too.
#
#   go-jose: go-jose v4.1.4 → v4.1.9, with jwtconform history
#     drills/go-jose-v4-history.md          the timeline over go-jose v4 releases
#     drills/go-jose-v4.1.4.results.json.gz  results.json of the suite built against v4.1.4
#     drills/go-jose-v4.1.9.results.json.gz  ... and against v4.1.9
#     drills/go-jose-v4.1.4-v4.1.9.diff.txt  jwtconform diff of the two (by the test below)
#   jwx: lestrrat-go/jwx v3.3.0 → v3.4.0, with jwtconform gate
#     drills/jwx-v3.3.0.results.json.gz      results.json of the suite built against v3.3.0
#     drills/jwx-v3.4.0.results.json.gz      ... and against v3.4.0
#     drills/jwx-v3.3.0-v3.4.0.diff.txt      jwtconform diff of the two (by the test below)
#   upgrade-gate.md, between each drill's markers: the counts and rows (by the test below)
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

gojose() {
  go run ../cmd/jwtconform history -q -module github.com/go-jose/go-jose/v4 -adapter 'go-jose/*' \
    -out "$tmp/go-jose" -md drills/go-jose-v4-history.md \
    v4.0.5 v4.1.0 v4.1.4 v4.1.5 v4.1.6 v4.1.7 v4.1.8 v4.1.9
  for v in v4.1.4 v4.1.9; do
    gzip -9n <"$tmp/go-jose/$v/results.json" >"drills/go-jose-$v.results.json.gz"
  done
}

jwx() {
  # gate exits 1 when a verdict changed, which is what the drill shows.
  go run ../cmd/jwtconform gate -module github.com/lestrrat-go/jwx/v3 -from v3.3.0 -version v3.4.0 \
    -adapter 'jwx/v3/*' -out "$tmp/jwx" >/dev/null || [ $? -eq 1 ]
  gzip -9n <"$tmp/jwx/base/results.json" >drills/jwx-v3.3.0.results.json.gz
  gzip -9n <"$tmp/jwx/head/results.json" >drills/jwx-v3.4.0.results.json.gz
}

[ $# -gt 0 ] || set -- go-jose jwx
for d in "$@"; do
  case $d in
  go-jose) gojose ;;
  jwx) jwx ;;
  *) echo "regenerate.sh: unknown drill $d (want go-jose or jwx)" >&2; exit 2 ;;
  esac
done
go test . -run '^TestDrill$' -jwtconform.update
