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
    if let Some(c) = candidates.iter().find(|c| fold(c).eq(fold(input))) {
        return Some(c);
    }
    let lower: Vec<char> = input.chars().map(|c| c.to_ascii_lowercase()).collect();
    let limit = (lower.len() / 3).clamp(1, 3);
    let mut best: Option<(usize, &'c str)> = None;
    let mut tie = false;
    // One buffer for every candidate's characters and one for the distance table.
    let (mut cand, mut table) = (Vec::new(), Vec::new());
    for c in candidates {
        cand.clear();
        cand.extend(c.chars().map(|c| c.to_ascii_lowercase()));
        // The distance is at least the difference in length: no need to measure it.
        if lower.len().abs_diff(cand.len()) > limit {
            continue;
        }
        let d = distance(&lower, &cand, &mut table, limit);
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
    let input: Vec<char> = input.chars().collect();
    let (mut cand, mut table) = (Vec::new(), Vec::new());
    let mut best: Option<(usize, &'c str)> = None;
    for c in candidates {
        cand.clear();
        cand.extend(c.chars());
        let d = distance(&input, &cand, &mut table, usize::MAX);
        if best.is_none_or(|(b, _)| d < b) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// `s` without letter case and the separators `_`, `-` and spaces.
fn fold(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| !matches!(c, '_' | '-' | ' ' | '\t')).map(|c| c.to_ascii_lowercase())
}

/// Levenshtein distance with adjacent transpositions (optimal string alignment), exact when it is at
/// most `limit`, and otherwise some number above `limit`.
///
/// Only the cells within `limit` of the diagonal are worked out (one further from it is more than
/// `limit` apart), and the work stops once two rows in a row are all over `limit` (a cell takes
/// from the two rows above it). A suggestion allows a distance of at most 3, and the candidates
/// (content types, members) run to dozens of characters: the whole table was most of validating a
/// misspelled content type. Three rows are kept, reused for each candidate.
fn distance(a: &[char], b: &[char], rows: &mut Vec<usize>, limit: usize) -> usize {
    // A common start and end need no edit: only what lies between is measured (`connect:Guide`
    // against `connect:sms` is `Guide` against `sms`).
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (a.get(start..).unwrap_or_default(), b.get(start..).unwrap_or_default());
    let end = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (a.get(..a.len() - end).unwrap_or_default(), b.get(..b.len() - end).unwrap_or_default());
    let over = limit.saturating_add(1);
    let w = b.len() + 1;
    rows.clear();
    rows.resize(3 * w, over);
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
    fn full_distance(a: &[char], b: &[char]) -> usize {
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
        /// letters, so that the strings often share a start or an end, which is not measured.
        #[test]
        fn the_band_gives_the_whole_tables_distance(a in "[abc]{0,12}", b in "[abc]{0,12}", limit in 0usize..5) {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let (want, mut rows) = (full_distance(&a, &b), Vec::new());
            let got = distance(&a, &b, &mut rows, limit);
            if want <= limit {
                proptest::prop_assert_eq!(got, want);
            } else {
                proptest::prop_assert!(got > limit, "{} for {}", got, want);
            }
            proptest::prop_assert_eq!(distance(&a, &b, &mut rows, usize::MAX), want);
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
