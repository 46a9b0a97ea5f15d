//! "Did you mean" suggestions for misspelled keys, enum values, plan ids and codes.

/// The closest candidate to `input`, as a help sentence, when one is close enough.
#[must_use]
pub fn did_you_mean<'a>(
    lang: crate::i18n::Lang,
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(input, candidates).map(|near| crate::tr!(lang, "did-you-mean", name = near))
}

/// The candidate nearest to `input` by edit distance (case-insensitive; adjacent
/// transpositions count as one edit), when it is near enough to be a plausible typo: at
/// most a third of the longer word, and at most 3 edits. Ties go to the first candidate.
#[must_use]
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    let prepared = Candidates::new(candidates.iter().copied());
    // The input itself is no suggestion.
    let same = |index: usize| candidates.get(index).is_some_and(|c| *c == input);
    prepared
        .closest(input, same)
        .and_then(|index| candidates.get(index).copied())
}

/// Candidates made ready for many [`closest`] questions (a broken reference is looked up
/// among every plan id of the country): each is lowered once, with its length and a count
/// of its characters. A candidate whose length or characters alone rule it out is skipped
/// before any distance is computed: an edit changes the length by at most one and the
/// counts by at most two.
#[derive(Debug, Default)]
pub struct Candidates {
    items: Vec<Candidate>,
}

#[derive(Debug)]
struct Candidate {
    lowered: String,
    length: usize,
    bag: Bag,
}

/// How many characters of a word fall in each of 32 buckets.
type Bag = [u16; 32];

fn bag_of(lowered: &str) -> Bag {
    let mut bag = [0_u16; 32];
    for c in lowered.chars() {
        if let Some(slot) = bag.get_mut((c as usize) % 32) {
            *slot = slot.saturating_add(1);
        }
    }
    bag
}

impl Candidates {
    /// The candidates, in the order ties are broken in.
    pub fn new<'a>(candidates: impl IntoIterator<Item = &'a str>) -> Self {
        let items = candidates
            .into_iter()
            .map(|written| {
                let lowered: String = written.chars().flat_map(char::to_lowercase).collect();
                Candidate {
                    length: lowered.chars().count(),
                    bag: bag_of(&lowered),
                    lowered,
                }
            })
            .collect();
        Self { items }
    }

    /// [`closest`] among these candidates, leaving out those `skip` names by index (the
    /// caller leaves out `input` itself, as written): the index of the nearest.
    #[must_use]
    pub fn closest(&self, input: &str, skip: impl Fn(usize) -> bool) -> Option<usize> {
        let lowered = input.to_lowercase();
        let length = lowered.chars().count();
        let bag = bag_of(&lowered);
        let mut best: Option<(usize, usize)> = None;
        for (index, candidate) in self.items.iter().enumerate() {
            if skip(index) {
                continue;
            }
            let allowed = (length.max(candidate.length) / 3).clamp(1, 3);
            // The distance is at least the difference in length, and half the difference
            // in characters, and must beat the best.
            let beats = |distance: usize| {
                distance <= allowed && best.is_none_or(|(nearest, _)| distance < nearest)
            };
            if !beats(length.abs_diff(candidate.length)) {
                continue;
            }
            let moved: usize = bag
                .iter()
                .zip(&candidate.bag)
                .map(|(a, b)| usize::from(a.abs_diff(*b)))
                .sum();
            if !beats(moved.div_ceil(2)) {
                continue;
            }
            let distance = strsim::osa_distance(&lowered, &candidate.lowered);
            if beats(distance) {
                best = Some((distance, index));
            }
        }
        best.map(|(_, candidate)| candidate)
    }
}

#[cfg(test)]
mod tests {
    use super::closest;

    /// The search without the length and character bounds: every distance computed.
    fn naive<'a>(input: &str, candidates: &[&'a str]) -> Option<&'a str> {
        let lowered = input.to_lowercase();
        let mut best: Option<(usize, &'a str)> = None;
        for candidate in candidates {
            let other: String = candidate.chars().flat_map(char::to_lowercase).collect();
            if *candidate == input {
                continue;
            }
            let allowed = (lowered.chars().count().max(other.chars().count()) / 3).clamp(1, 3);
            let distance = strsim::osa_distance(&lowered, &other);
            if distance <= allowed && best.is_none_or(|(nearest, _)| distance < nearest) {
                best = Some((distance, candidate));
            }
        }
        best.map(|(_, candidate)| candidate)
    }

    #[test]
    fn the_bounds_never_change_the_answer() {
        // Words over a small alphabet (with a capital and an accented letter), so that many
        // are near each other; a fixed linear congruential sequence makes them.
        let alphabet: Vec<char> = "abcdeAé-".chars().collect();
        let mut state: u64 = 7;
        let mut next = |below: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            usize::try_from(state >> 33).unwrap_or(0) % below
        };
        let words: Vec<String> = (0..400)
            .map(|_| {
                let length = 1 + next(9);
                (0..length)
                    .map(|_| alphabet[next(alphabet.len())])
                    .collect()
            })
            .collect();
        let candidates: Vec<&str> = words.iter().map(String::as_str).collect();
        let mut found = 0;
        for input in words.iter().take(150) {
            let expected = naive(input, &candidates);
            found += usize::from(expected.is_some());
            assert_eq!(
                closest(input, candidates.iter().copied()),
                expected,
                "{input}"
            );
        }
        assert!(
            found > 50,
            "the words are near enough to test something: {found}"
        );
    }
}
