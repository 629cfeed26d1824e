#!/bin/sh
# Fills fuzz/corpus/<target> with seeds: the committed ones in fuzz/seeds (made from the presets,
# the example scenarios and their snapshots) and the repository's own example files. Run from
# anywhere; the corpora stay out of git (fuzz/.gitignore).
set -e
fuzz=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$fuzz")
seeds=$fuzz/seeds
corpus=$fuzz/corpus
fixtures=$repo/www/npm/consumer/fixtures
scenarios=$repo/crates/core/scenarios

copy() { # copy TARGET FILE...
    dir=$corpus/$1
    shift
    mkdir -p "$dir"
    for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/$(basename "$f")"; done
    return 0
}
# prefixed TARGET BYTE FILE...: each file after one byte that picks the format or structure.
prefixed() {
    dir=$corpus/$1
    byte=$2
    shift 2
    mkdir -p "$dir"
    for f in "$@"; do
        [ -f "$f" ] && { printf "\\$byte"; cat "$f"; } >"$dir/$byte-$(basename "$f")"
    done
    return 0
}
# words TARGET WORD...: one seed per word.
words() {
    dir=$corpus/$1
    shift
    mkdir -p "$dir"
    i=0
    for w in "$@"; do
        printf '%s' "$w" >"$dir/word-$i"
        i=$((i + 1))
    done
}

copy json_request "$seeds"/json/* "$fixtures"/*.json "$scenarios"/*.json
copy yaml "$seeds"/yaml/* "$fixtures"/*.yaml
copy shorthand "$seeds"/shorthand/*
copy shorthand_structure "$seeds"/structure/*
copy command_parse "$seeds"/command/*
copy import "$seeds"/command/* "$seeds"/json/* "$seeds"/yaml/* "$fixtures"/*
prefixed cli_input 0 "$seeds"/json/* "$fixtures"/good.json "$fixtures"/bad.json
prefixed cli_input 1 "$seeds"/yaml/* "$fixtures"/*.yaml
copy scenario "$seeds"/scenario/*
prefixed scenario 0 "$fixtures"/failing-scenario.json
copy snapshot_restore "$seeds"/snapshot/*
words duration 25h 90m 1h30m 500ms "1d 1h" 2d 45s 90min 0 18446744073709551615 " 1h " \
    6f1d0b52-9c1e-4a57-8e3b-2f0a7c9d4e11 2025-01-01T00:00:00Z 2025-01-01T00:00:00.123Z
words field_help SourceId Event.Type Event.ContentType NewSessionDetails.Attributes.tier \
    "NewSessionDetails.Attributes (key: a.b)" "NewSessionDetails.SupportedMessagingContentTypes[2]" \
    NewSessionDetails.StreamingConfiguration.StreamingEndpointArn
mkdir -p "$corpus/render_roundtrip"
echo "corpora in $corpus:"
for d in "$corpus"/*; do echo "  $(basename "$d"): $(ls "$d" | wc -l) files"; done
