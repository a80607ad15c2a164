//! Measuring how well duties map: a labelled corpus of duty phrases, each with the
//! catalog ids that are right for it, and the share the mapper gets right.
//!
//! A corpus file is tab-separated: a header line, then `phrase<TAB>expected<TAB>source`
//! per line, where `expected` is one catalog id or several separated by commas.

use crate::catalog::ResponsibilityId;
use crate::mapping::{DutyMapping, Mapper, Stemming};

/// One labelled phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelledPhrase {
    /// The duty phrase, trimmed.
    pub phrase: String,
    /// Every responsibility that is right.
    pub expected: Vec<ResponsibilityId>,
    /// Where the phrase was taken from (the third column); empty when the line gives
    /// none.
    pub source: String,
    /// Where the phrase stands: `path:line`.
    pub location: String,
}

impl LabelledPhrase {
    /// Whether the phrase is product ownership (else neighbouring work).
    pub fn is_product_ownership(&self) -> bool {
        self.expected.iter().any(|&index| index.entry().is_product_ownership())
    }
}

/// A corpus line that cannot be read, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    /// Where the line stands: `path:line`.
    pub location: String,
    /// What is wrong with the line.
    pub message: String,
}

impl std::fmt::Display for CorpusError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{}: {}", self.location, self.message)
    }
}

/// Reads a corpus file's text; `path` only names lines in errors.
pub fn parse(path: &str, text: &str) -> Result<Vec<LabelledPhrase>, Vec<CorpusError>> {
    let mut phrases = Vec::new();
    let mut errors = Vec::new();
    for (number, line) in text.lines().enumerate().skip(1) {
        let location = format!("{path}:{}", number + 1);
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 2 {
            errors.push(CorpusError {
                location,
                message: "expected `phrase<TAB>expected ids<TAB>source`".to_string(),
            });
            continue;
        }
        let mut expected = Vec::new();
        for id in fields[1].split(',').map(str::trim).filter(|id| !id.is_empty()) {
            match ResponsibilityId::from_text(id) {
                Some(index) => expected.push(index),
                None => errors.push(CorpusError {
                    location: location.clone(),
                    message: format!("`{id}` is not a catalog id"),
                }),
            }
        }
        if expected.is_empty() {
            errors.push(CorpusError {
                location: location.clone(),
                message: "no expected catalog id".to_string(),
            });
            continue;
        }
        phrases.push(LabelledPhrase {
            phrase: fields[0].trim().to_string(),
            expected,
            source: fields
                .get(2)
                .map_or_else(String::new, |source| source.trim().to_string()),
            location,
        });
    }
    if errors.is_empty() { Ok(phrases) } else { Err(errors) }
}

/// What the mapper made of one phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The labelled phrase.
    pub phrase: LabelledPhrase,
    /// The responsibilities it mapped to (joined by ` + `), or `ambiguous: …` / `unknown`.
    pub got: String,
    /// Mapped, and only to expected ids.
    pub exact: bool,
    /// For neighbouring work: mapped to some neighbouring responsibility, so it is
    /// neither an unknown duty nor counted as product ownership.
    pub recognized: bool,
}

/// A count of right answers out of a total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Score {
    /// Phrases the mapper got right.
    pub right: usize,
    /// Phrases counted, right or wrong.
    pub total: usize,
}

impl Score {
    /// The share right, as a percentage from 0 to 100; 100 when nothing was counted.
    pub fn percent(self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            100.0 * self.right as f64 / self.total as f64
        }
    }

    fn add(&mut self, right: bool) {
        self.total += 1;
        self.right += usize::from(right);
    }
}

impl std::fmt::Display for Score {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{:.1}% ({}/{})", self.percent(), self.right, self.total)
    }
}

/// How the product ownership phrases that did not map right went wrong: what a
/// user of a charter in those words would see.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct ProductMisses {
    /// Mapped to nothing: an `unknown-duty` warning.
    pub unknown: usize,
    /// Fit several responsibilities equally: an `ambiguous-duty` warning.
    pub ambiguous: usize,
    /// Counted for a product responsibility that is not expected: the silent miss,
    /// which can hide a gap.
    pub other_product: usize,
    /// Mapped to neighbouring work only: the product duty is not counted, so at
    /// worst a gap is reported that is not there.
    pub neighbouring_only: usize,
}

/// The accuracy of one stemming on a corpus.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Accuracy {
    /// The stemming's name: `snowball` or `suffixes`.
    pub stemming: &'static str,
    /// Product ownership phrases mapped to an expected id.
    pub product: Score,
    /// Neighbouring phrases recognized as neighbouring work.
    pub neighbouring_recognized: Score,
    /// Neighbouring phrases mapped to an expected id.
    pub neighbouring_exact: Score,
    /// Neighbouring phrases counted as product ownership: the noise that matters most.
    pub neighbouring_as_product: usize,
    /// The product ownership phrases not mapped right, by what went wrong.
    pub product_misses: ProductMisses,
    /// What the mapper made of each phrase, in corpus order; left out of the JSON
    /// output.
    #[serde(skip)]
    pub outcomes: Vec<Outcome>,
}

/// Maps every phrase with the built-in catalog (no team vocabulary).
pub fn measure(phrases: &[LabelledPhrase], stemming: Stemming) -> Accuracy {
    let mapper = Mapper::with_stemming(&crate::charter::Vocabulary::default(), stemming);
    let mut accuracy = Accuracy {
        stemming: stemming.name(),
        product: Score::default(),
        neighbouring_recognized: Score::default(),
        neighbouring_exact: Score::default(),
        neighbouring_as_product: 0,
        product_misses: ProductMisses::default(),
        outcomes: Vec::with_capacity(phrases.len()),
    };
    for phrase in phrases {
        let mapping = mapper.map(&phrase.phrase);
        let mapped = mapping.responsibilities();
        let ids: Vec<&str> = mapped.iter().map(|&index| index.entry().id).collect();
        let got = match &mapping {
            DutyMapping::Mapped { .. } | DutyMapping::Several { .. } => ids.join(" + "),
            DutyMapping::Ambiguous { candidates } => {
                let ids: Vec<&str> = candidates.iter().map(|(index, _)| index.entry().id).collect();
                format!("ambiguous: {}", ids.join(", "))
            }
            DutyMapping::Unknown { .. } => "unknown".to_string(),
        };
        let exact = !mapped.is_empty() && mapped.iter().all(|index| phrase.expected.contains(index));
        let counted_as_product = mapped.iter().any(|&index| index.entry().is_product_ownership());
        let recognized = !mapped.is_empty() && !counted_as_product;
        if phrase.is_product_ownership() {
            accuracy.product.add(exact);
            let misses = &mut accuracy.product_misses;
            match &mapping {
                _ if exact => {}
                DutyMapping::Unknown { .. } => misses.unknown += 1,
                DutyMapping::Ambiguous { .. } => misses.ambiguous += 1,
                _ if counted_as_product => misses.other_product += 1,
                _ => misses.neighbouring_only += 1,
            }
        } else {
            accuracy.neighbouring_recognized.add(recognized);
            accuracy.neighbouring_exact.add(exact);
            if counted_as_product {
                accuracy.neighbouring_as_product += 1;
            }
        }
        accuracy.outcomes.push(Outcome {
            phrase: phrase.clone(),
            got,
            exact,
            recognized,
        });
    }
    accuracy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_corpus_line_names_its_phrase_ids_and_source() {
        let text = "phrase\texpected\tsource\nOrdering backlog items\tbacklog.prioritization\tScrum Guide\nHiring\tpeople.hiring,people.staffing\tjobs\n";
        let phrases = parse("c.tsv", text).expect("valid");
        assert_eq!(phrases.len(), 2);
        assert_eq!(phrases[1].expected.len(), 2);
        assert_eq!(phrases[1].location, "c.tsv:3");
        assert!(phrases[0].is_product_ownership());
        assert!(!phrases[1].is_product_ownership());
    }

    #[test]
    fn a_wrong_id_is_an_error_with_its_line() {
        let errors = parse("c.tsv", "h\nVision\tstrategy.visoin\tx\n").expect_err("invalid");
        assert_eq!(errors[0].to_string(), "c.tsv:2: `strategy.visoin` is not a catalog id");
    }

    #[test]
    fn scores_count_exact_and_recognized_answers() {
        let text = "h\nOrdering backlog items\tbacklog.prioritization\ts\nRunning retrospectives\tprocess.improvement\ts\nWatering the plants\tpeople.staffing\ts\n";
        let accuracy = measure(&parse("c.tsv", text).expect("valid"), Stemming::Snowball);
        assert_eq!(accuracy.product, Score { right: 1, total: 1 });
        assert_eq!(accuracy.neighbouring_recognized, Score { right: 1, total: 2 });
    }

    #[test]
    fn product_misses_are_told_apart_by_what_a_user_would_see() {
        let text = "h\nWatering the plants\tstrategy.vision\ts\nOrdering backlog items\tstrategy.vision\ts\nRunning retrospectives\tstrategy.vision\ts\nVision\tstrategy.vision\ts\n";
        let accuracy = measure(&parse("c.tsv", text).expect("valid"), Stemming::Snowball);
        assert_eq!(
            accuracy.product_misses,
            ProductMisses {
                unknown: 1,
                ambiguous: 0,
                other_product: 1,
                neighbouring_only: 1,
            }
        );
        assert_eq!(accuracy.product, Score { right: 1, total: 4 });
    }
}
