//! Which responsibility a duty's words are most like, by how often each
//! responsibility's catalog phrases use them: the last reading of a duty that no
//! alias, frame or vocabulary phrase matched.
//!
//! Every phrase of the catalog (each alias, each frame verb and object, each leading
//! verb) is one example of its responsibility. A duty is scored against each
//! responsibility as a naive Bayes classifier scores a document: the share of the
//! responsibility's phrases that use each of the duty's words, smoothed so that an
//! unused word lowers the score without ruling the responsibility out, times the
//! responsibility's share of all phrases. The words are the ones the catalog knows;
//! the rest say nothing either way.

use std::collections::HashMap;

use crate::catalog::ResponsibilityId;

/// What a responsibility's phrases count for a word it has never been seen in: half a
/// phrase, so that one missing word weighs less than one shared word.
const UNSEEN_WORD: f64 = 0.5;

/// How much more likely than every responsibility it may not be the closest one must
/// be, as the natural logarithm of the ratio (0.5 is about 1.6 times). Measured on the
/// read corpus sets: with no margin, 4 more product duties there lost their warning
/// for 1 more neighbouring duty recognized; a margin of 1 cost 5 more recognized for 2
/// more warnings.
const INELIGIBLE_MARGIN: f64 = 0.5;

/// How many phrases of each responsibility use each word.
pub(crate) struct WordLikeness {
    /// Per word, (responsibility, phrases of it that use the word), by responsibility.
    uses: HashMap<String, Vec<(ResponsibilityId, u32)>>,
    /// Per responsibility, its number of phrases, by responsibility.
    phrases: Vec<(ResponsibilityId, u32)>,
    /// The phrases of all responsibilities.
    total: u32,
}

/// The responsibility a duty's words are most like, and which of the words (by their
/// place in the duty) its phrases use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Closest {
    pub(crate) responsibility: ResponsibilityId,
    pub(crate) shared: Vec<usize>,
}

impl WordLikeness {
    /// Counts the examples: each is a responsibility and the words of one phrase of it.
    pub(crate) fn new<'w>(examples: impl IntoIterator<Item = (ResponsibilityId, Vec<&'w str>)>) -> WordLikeness {
        let mut uses: HashMap<String, Vec<(ResponsibilityId, u32)>> = HashMap::new();
        let mut phrases: HashMap<ResponsibilityId, u32> = HashMap::new();
        for (responsibility, mut words) in examples {
            words.sort_unstable();
            words.dedup();
            if words.is_empty() {
                continue;
            }
            *phrases.entry(responsibility).or_default() += 1;
            for word in words {
                let counts = uses.entry(word.to_string()).or_default();
                match counts.iter_mut().find(|(seen, _)| *seen == responsibility) {
                    Some((_, count)) => *count += 1,
                    None => counts.push((responsibility, 1)),
                }
            }
        }
        for counts in uses.values_mut() {
            counts.sort_unstable();
        }
        let mut phrases: Vec<(ResponsibilityId, u32)> = phrases.into_iter().collect();
        phrases.sort_unstable();
        let total = phrases.iter().map(|(_, count)| count).sum();
        WordLikeness { uses, phrases, total }
    }

    /// The responsibility whose phrases the duty's normalized words (in order, repeats
    /// allowed) are most like, when `eligible` admits it, it is clearly more like than
    /// any responsibility `eligible` does not admit ([`INELIGIBLE_MARGIN`]), and its
    /// phrases use at least one of the words. Of equal scores the first responsibility
    /// in catalog order wins.
    pub(crate) fn closest(&self, words: &[String], eligible: impl Fn(ResponsibilityId) -> bool) -> Option<Closest> {
        let mut distinct: Vec<&str> = words.iter().map(String::as_str).collect();
        distinct.sort_unstable();
        distinct.dedup();
        // Each known word's counts, looked up once for every responsibility.
        let known: Vec<&[(ResponsibilityId, u32)]> = distinct
            .iter()
            .filter_map(|word| self.uses.get(*word))
            .map(Vec::as_slice)
            .collect();
        if known.is_empty() {
            return None;
        }
        let mut best: Option<(f64, ResponsibilityId)> = None;
        let mut best_ineligible = f64::NEG_INFINITY;
        for &(responsibility, phrases) in &self.phrases {
            let phrases = f64::from(phrases);
            let mut score = (phrases / f64::from(self.total)).ln();
            for counts in &known {
                let used = count_of(counts, responsibility);
                score += ((f64::from(used) + UNSEEN_WORD) / (phrases + 1.0)).ln();
            }
            if !eligible(responsibility) {
                best_ineligible = best_ineligible.max(score);
            }
            if best.is_none_or(|(best_score, _)| score > best_score) {
                best = Some((score, responsibility));
            }
        }
        let (score, responsibility) = best?;
        if !eligible(responsibility) || score - best_ineligible < INELIGIBLE_MARGIN {
            return None;
        }
        let shared: Vec<usize> = words
            .iter()
            .enumerate()
            .filter(|(_, word)| self.uses_of(word, responsibility) > 0)
            .map(|(at, _)| at)
            .collect();
        (!shared.is_empty()).then_some(Closest { responsibility, shared })
    }

    /// How many of the responsibility's phrases use the normalized word.
    pub(crate) fn uses_of(&self, word: &str, responsibility: ResponsibilityId) -> u32 {
        self.uses.get(word).map_or(0, |counts| count_of(counts, responsibility))
    }
}

/// The responsibility's count in one word's counts, sorted by responsibility.
fn count_of(counts: &[(ResponsibilityId, u32)], responsibility: ResponsibilityId) -> u32 {
    counts
        .binary_search_by_key(&responsibility, |(id, _)| *id)
        .map_or(0, |at| counts[at].1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::id;

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_string).collect()
    }

    fn likeness() -> WordLikeness {
        WordLikeness::new([
            (id::BACKLOG_PRIORITIZATION, vec!["order", "backlog"]),
            (id::BACKLOG_PRIORITIZATION, vec!["rank", "backlog", "item"]),
            (id::BACKLOG_REFINEMENT, vec!["write", "backlog", "item"]),
            (id::BACKLOG_REFINEMENT, vec!["split", "story"]),
            (id::BACKLOG_REFINEMENT, vec!["acceptance", "criteria"]),
        ])
    }

    #[test]
    fn the_words_a_responsibility_uses_most_decide() {
        let closest = likeness().closest(&words("rank story backlog"), |_| true);
        assert_eq!(
            closest,
            Some(Closest {
                responsibility: id::BACKLOG_PRIORITIZATION,
                shared: vec![0, 2]
            })
        );
        let closest = likeness().closest(&words("split the story"), |_| true);
        assert_eq!(
            closest.map(|closest| closest.responsibility),
            Some(id::BACKLOG_REFINEMENT)
        );
    }

    #[test]
    fn unknown_words_and_ineligible_winners_give_nothing() {
        assert_eq!(likeness().closest(&words("water the plants"), |_| true), None);
        assert_eq!(
            likeness().closest(&words("split story"), |responsibility| responsibility
                != id::BACKLOG_REFINEMENT),
            None
        );
    }

    #[test]
    fn a_narrow_lead_over_an_ineligible_responsibility_is_no_reading() {
        let only_prioritization = |responsibility| responsibility == id::BACKLOG_PRIORITIZATION;
        // "backlog" alone leads refinement by less than the margin; with "item" by more.
        assert_eq!(likeness().closest(&words("backlog"), only_prioritization), None);
        assert_eq!(
            likeness()
                .closest(&words("backlog item"), only_prioritization)
                .map(|closest| closest.responsibility),
            Some(id::BACKLOG_PRIORITIZATION)
        );
    }
}
