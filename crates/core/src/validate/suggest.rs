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
        let d = distance(&lower, &cand, &mut table);
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
        let d = distance(&input, &cand, &mut table);
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

/// Levenshtein distance with adjacent transpositions (optimal string alignment).
fn distance(a: &[char], b: &[char], table: &mut Vec<usize>) -> usize {
    let w = b.len() + 1;
    table.clear();
    table.resize((a.len() + 1) * w, 0);
    let d = table;
    for (i, row) in d.chunks_mut(w).enumerate() {
        if let Some(first) = row.first_mut() {
            *first = i;
        }
    }
    for (j, cell) in d.iter_mut().take(w).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1).min(d[i * w + j - 1] + 1).min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

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
