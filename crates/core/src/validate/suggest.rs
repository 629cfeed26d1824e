//! Near-miss suggestions for misspelled names and values: `sourceId`, `Source_Id` and `source-id`
//! for `SourceId`, `message` for `MESSAGE`, `text/plian` for `text/plain`.

/// The candidate that `input` most likely meant, if one is close enough.
///
/// Case is folded for ASCII letters only: every candidate (member names, enum values, content
/// types) is ASCII, and Unicode case tables would cost the wasm about 12 KB.
///
/// First, a candidate equal to `input` once letter case and the separators `_`, `-` and spaces
/// are ignored (`Source_Id` → `SourceId`). Otherwise the candidate at the smallest edit distance
/// (ignoring case), if that distance is at most a third of the input's length (at least 1, at most
/// 3) and no other candidate is as close.
///
/// ```
/// use chat_event_core::validate::suggest::near_miss;
/// let members = ["SourceId", "DestinationId", "Subtype", "Event", "NewSessionDetails"];
/// assert_eq!(near_miss("Source_Id", &members), Some("SourceId"));
/// assert_eq!(near_miss("Evnet", &members), Some("Event"));
/// assert_eq!(near_miss("Colour", &members), None);
/// assert_eq!(near_miss("SOURCEID", &members), Some("SourceId"));
/// ```
pub fn near_miss<'c>(input: &str, candidates: &[&'c str]) -> Option<&'c str> {
    // The input and each candidate as units, on the stack when they fit: a suggestion is worked
    // out for most misspelled requests. A candidate is written out only when its length is near
    // enough for its distance to count.
    let (mut input_buf, mut input_spill) = ([0; UNITS_ON_STACK], Vec::new());
    let a = units(input, &mut input_buf, &mut input_spill);
    if let Some(c) = candidates.iter().find(|c| fold(unit_iter(c, Case::Folded)).eq(fold(a.iter().copied()))) {
        return Some(c);
    }
    let limit = (a.len() / 3).clamp(1, 3);
    let mut best: Option<(usize, &'c str)> = None;
    let mut tie = false;
    let (mut cand_buf, mut cand_spill) = ([0; UNITS_ON_STACK], Vec::new());
    let (mut rows_buf, mut rows_spill) = ([0; 3 * (UNITS_ON_STACK + 1)], Vec::new());
    for c in candidates {
        // The distance is at least the difference in length: no need to measure it.
        let n = if c.is_ascii() { c.len() } else { unit_iter(c, Case::Folded).count() };
        if a.len().abs_diff(n) > limit {
            continue;
        }
        let b = units(c, &mut cand_buf, &mut cand_spill);
        let d = distance(a, b, scratch(3 * (b.len() + 1), &mut rows_buf, &mut rows_spill), limit);
        if d > limit {
            continue;
        }
        match best {
            Some((b, _)) if d > b => {}
            Some((b, _)) if d == b => tie = true,
            _ => {
                best = Some((d, c));
                tie = false;
            }
        }
    }
    if tie {
        None
    } else {
        best.map(|(_, c)| c)
    }
}

/// The candidate nearest to `input` by [edit distance](distance), whatever the distance: the first
/// of those equally near. Unlike [`near_miss`], letter case counts; for a list that always has an
/// answer, such as the CLI's options after an unknown one.
///
/// ```
/// use chat_event_core::validate::suggest::closest;
/// assert_eq!(closest("--evnet", ["--event", "--region"]), Some("--event"));
/// ```
pub fn closest<'c>(input: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let input: Vec<u8> = unit_iter(input, Case::Kept).collect();
    let (mut cand, mut rows) = (Vec::new(), Vec::new());
    let mut best: Option<(usize, &'c str)> = None;
    for c in candidates {
        cand.clear();
        cand.extend(unit_iter(c, Case::Kept));
        rows.resize(3 * (cand.len() + 1), 0);
        let d = distance(&input, &cand, &mut rows, usize::MAX);
        if best.is_none_or(|(b, _)| d < b) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// How many units of a string [`near_miss`] keeps on the stack: more than the longest candidate
/// (a content type) and any input near enough to one.
const UNITS_ON_STACK: usize = 80;

/// Any character other than ASCII, as one unit. No candidate (member names, enum values, content
/// types, the CLI's options) has one, so it is an edit wherever it stands, as it was when the units
/// were `char`s.
const NOT_ASCII: u8 = 0x80;

/// `s` as [`near_miss`] compares it: one unit per character, ASCII letters in lower case (case is
/// folded for ASCII only: Unicode's case tables would cost the wasm about 12 KB), other ASCII as it
/// is, any other character as [`NOT_ASCII`]. Written into `buf` when it fits, else into `spill`.
fn units<'b>(s: &str, buf: &'b mut [u8; UNITS_ON_STACK], spill: &'b mut Vec<u8>) -> &'b [u8] {
    // A string has no more characters than bytes.
    if s.len() <= buf.len() {
        let mut n = 0;
        for (slot, unit) in buf.iter_mut().zip(unit_iter(s, Case::Folded)) {
            *slot = unit;
            n += 1;
        }
        buf.get(..n).unwrap_or_default()
    } else {
        spill.clear();
        spill.extend(unit_iter(s, Case::Folded));
        spill
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Case {
    Folded,
    Kept,
}

/// The units of `s` one by one, worked out from its bytes: a UTF-8 continuation byte
/// (`0b10xx_xxxx`) adds no character.
fn unit_iter(s: &str, case: Case) -> impl Iterator<Item = u8> + '_ {
    s.bytes().filter(|b| b & 0xC0 != 0x80).map(move |b| match b {
        _ if !b.is_ascii() => NOT_ASCII,
        _ if case == Case::Folded => b.to_ascii_lowercase(),
        _ => b,
    })
}

/// `len` cells of `buf` when it has them, else of `spill`, grown to `len`.
fn scratch<'b>(len: usize, buf: &'b mut [usize], spill: &'b mut Vec<usize>) -> &'b mut [usize] {
    if len <= buf.len() {
        &mut buf[..len]
    } else {
        spill.resize(len, 0);
        spill
    }
}

/// The kinds of unit in `units`, one bit each. [`NOT_ASCII`] shares its bit with NUL: two kinds
/// taken for one can only make [`distance`]'s bound lower, never wrong.
fn kinds(units: &[u8]) -> u128 {
    units.iter().fold(0, |set, u| set | 1 << (u & 0x7F))
}

/// Units without the separators `_`, `-`, spaces and tabs.
fn fold(units: impl Iterator<Item = u8>) -> impl Iterator<Item = u8> {
    units.filter(|u| !matches!(u, b'_' | b'-' | b' ' | b'\t'))
}

/// Levenshtein distance with adjacent transpositions (optimal string alignment), exact when it is at
/// most `limit`, and otherwise some number above `limit`. `rows` has at least `3 * (b.len() + 1)`
/// cells, whatever they hold.
///
/// Only the cells within `limit` of the diagonal are worked out (one further from it is more than
/// `limit` apart), and the work stops once two rows in a row are all over `limit` (a cell takes
/// from the two rows above it). A suggestion allows a distance of at most 3, and the candidates
/// (content types, members) run to dozens of characters: the whole table was most of validating a
/// misspelled content type. Three rows are kept, reused for each candidate.
fn distance(a: &[u8], b: &[u8], rows: &mut [usize], limit: usize) -> usize {
    // A common start and end need no edit: only what lies between is measured (`connect:Guide`
    // against `connect:sms` is `Guide` against `sms`).
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (a.get(start..).unwrap_or_default(), b.get(start..).unwrap_or_default());
    let end = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (a.get(..a.len() - end).unwrap_or_default(), b.get(..b.len() - end).unwrap_or_default());
    let over = limit.saturating_add(1);
    // An edit takes away at most one character of a kind `b` lacks, and brings at most one of a
    // kind `a` lacks (a transposition neither): so many kinds, at least so many edits. Most
    // candidates are settled by this without the table (`Guide` has four letters `sms` lacks).
    let (in_a, in_b) = (kinds(a), kinds(b));
    let missing = (in_a & !in_b).count_ones().max((in_b & !in_a).count_ones());
    if usize::try_from(missing).unwrap_or(usize::MAX) > limit {
        return over;
    }
    let w = b.len() + 1;
    let rows = &mut rows[..3 * w];
    rows.fill(over);
    let (mut before_last, rest) = rows.split_at_mut(w);
    let (mut last, mut current) = rest.split_at_mut(w);
    for (j, cell) in last.iter_mut().enumerate() {
        *cell = j.min(over);
    }
    let mut last_min = 0;
    for i in 1..=a.len() {
        current.fill(over);
        current[0] = i.min(over);
        let mut row_min = current[0];
        for j in i.saturating_sub(limit).max(1)..=i.saturating_add(limit).min(b.len()) {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = last[j].saturating_add(1).min(current[j - 1].saturating_add(1)).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(before_last[j - 2].saturating_add(1));
            }
            current[j] = v.min(over);
            row_min = row_min.min(current[j]);
        }
        if row_min >= over && last_min >= over {
            return over;
        }
        last_min = row_min;
        (before_last, last, current) = (last, current, before_last);
    }
    last[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole table, as the distance was first worked out.
    fn full_distance<T: PartialEq>(a: &[T], b: &[T]) -> usize {
        let w = b.len() + 1;
        let mut d = vec![0; (a.len() + 1) * w];
        for i in 0..=a.len() {
            for j in 0..=b.len() {
                d[i * w + j] = if i == 0 || j == 0 {
                    i + j
                } else {
                    let cost = usize::from(a[i - 1] != b[j - 1]);
                    let mut v = (d[(i - 1) * w + j] + 1).min(d[i * w + j - 1] + 1).min(d[(i - 1) * w + j - 1] + cost);
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        v = v.min(d[(i - 2) * w + j - 2] + 1);
                    }
                    v
                };
            }
        }
        d[a.len() * w + b.len()]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4_000))]
        /// Within its limit the banded distance is the whole table's; beyond it, only "more". Three
        /// letters, so that the strings often share a start or an end, which is not measured; or
        /// six, so that one often has letters the other lacks, which bound it from below.
        #[test]
        fn the_band_gives_the_whole_tables_distance(
            a in "[abc]{0,12}|[a-f]{0,8}",
            b in "[abc]{0,12}|[a-f]{0,8}",
            limit in 0usize..5,
        ) {
            let (a, b) = (a.as_bytes(), b.as_bytes());
            let (want, mut rows) = (full_distance(a, b), vec![0; 3 * (b.len() + 1)]);
            let got = distance(a, b, &mut rows, limit);
            if want <= limit {
                proptest::prop_assert_eq!(got, want);
            } else {
                proptest::prop_assert!(got > limit, "{} for {}", got, want);
            }
            proptest::prop_assert_eq!(distance(a, b, &mut rows, usize::MAX), want);
        }
    }

    /// [`near_miss`] as it was first written, on `char`s in vectors: the reference for the units.
    fn near_miss_on_chars<'c>(input: &str, candidates: &[&'c str]) -> Option<&'c str> {
        let fold = |s: &str| -> Vec<char> {
            s.chars().filter(|c| !matches!(c, '_' | '-' | ' ' | '\t')).map(|c| c.to_ascii_lowercase()).collect()
        };
        if let Some(c) = candidates.iter().find(|c| fold(c) == fold(input)) {
            return Some(c);
        }
        let lower: Vec<char> = input.chars().map(|c| c.to_ascii_lowercase()).collect();
        let limit = (lower.len() / 3).clamp(1, 3);
        let mut ranked: Vec<(usize, &'c str)> = candidates
            .iter()
            .map(|c| (full_distance(&lower, &c.chars().map(|c| c.to_ascii_lowercase()).collect::<Vec<_>>()), *c))
            .filter(|(d, _)| *d <= limit)
            .collect();
        ranked.sort_by_key(|(d, _)| *d);
        match ranked.as_slice() {
            [(d, c), (e, _), ..] if d < e => Some(c),
            [(_, c)] => Some(c),
            _ => None,
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4_000))]
        /// The units give the suggestion that characters gave: letters in either case, the
        /// separators, and characters of two, three and four bytes in the input (the candidates,
        /// like every list the validator passes, are ASCII). Inputs run past the stack's room.
        #[test]
        fn units_suggest_what_characters_did(
            input in "[aAbB_ \\-é€😀]{0,10}|[ab]{78,84}",
            candidates in proptest::collection::vec("[aAbB_-]{0,8}|[ab]{79,83}", 1..4),
        ) {
            let candidates: Vec<&str> = candidates.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(near_miss(&input, &candidates), near_miss_on_chars(&input, &candidates));
            // `closest` as first written: the first candidate at the least distance in `char`s.
            let chars: Vec<char> = input.chars().collect();
            let by_chars = candidates.iter().min_by_key(|c| full_distance(&chars, &c.chars().collect::<Vec<_>>())).copied();
            proptest::prop_assert_eq!(closest(&input, candidates.iter().copied()), by_chars);
        }
    }

    #[test]
    fn suggestions() {
        let members = ["SourceId", "DestinationId", "Subtype", "Event", "NewSessionDetails"];
        let event = ["Type", "ContentType", "Content"];
        for (input, candidates, want) in [
            ("sourceId", &members[..], Some("SourceId")),
            ("Source_Id", &members[..], Some("SourceId")),
            ("source-id", &members[..], Some("SourceId")),
            ("DestinatonId", &members[..], Some("DestinationId")),
            ("content", &event[..], Some("Content")),
            ("contenttype", &event[..], Some("ContentType")),
            ("Typ", &event[..], Some("Type")),
            ("Message", &event[..], None),
            ("", &event[..], None),
        ] {
            assert_eq!(near_miss(input, candidates), want, "{input}");
        }
        assert_eq!(near_miss("message", &crate::shape::EVENT_TYPES), Some("MESSAGE"));
        assert_eq!(
            near_miss("text/plian", &crate::content_type::SUPPORTED_MESSAGING_CONTENT_TYPES),
            Some("text/plain")
        );
    }
}
