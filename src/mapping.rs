//! Free-text duties onto catalog responsibilities, deterministically and with a reason.
//!
//! Order of matching: a catalog id; an exact phrase of the team's `[vocabulary]`; an
//! exact built-in alias; then the most specific phrase whose words all appear in the
//! duty, vocabulary first. Built-in phrases are the catalog's aliases and its verb
//! frames: every verb of a frame with every object ("order" + "backlog item"), so
//! "Ordering Product Backlog items" is prioritization while "Creating Product
//! Backlog items" is refinement, although both contain "product backlog". An alias
//! with exactly the words of a frame phrase of another responsibility wins over it.
//! Words are compared after normalization: case, punctuation, small filler words and
//! word forms (the Snowball English stemmer: "prioritizing" meets "prioritization").

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::OnceLock;

use crate::catalog::{ResponsibilityId, Trade};
use crate::charter::Vocabulary;
use crate::phrase_index::{
    CatalogIndexes, CatalogWordLists, FrameWords, GENERAL_VERBS, IndexKey, PhraseIndexes, WordIndex, catalog_indexes,
    frame_part_of, phrase_indexes,
};
use crate::words::{DutyWords, EvidenceEntry, WordEvidence, duty_words, verb_forms};
pub use crate::words::{Stemming, normalized_words, normalized_words_with};

/// How a duty string was matched.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum MatchReason {
    /// The duty is a catalog id.
    CatalogId,
    /// The duty equals a phrase of the team's vocabulary.
    VocabularyPhrase {
        /// The phrase, as the charter's `[vocabulary]` writes it.
        phrase: String,
    },
    /// The duty equals a built-in alias.
    Alias {
        /// The alias, as the catalog writes it.
        alias: &'static str,
    },
    /// Every word of a vocabulary phrase appears in the duty.
    VocabularyWords {
        /// The phrase, as the charter's `[vocabulary]` writes it.
        phrase: String,
    },
    /// Every word of a built-in alias appears in the duty.
    AliasWords {
        /// The alias, as the catalog writes it.
        alias: &'static str,
    },
    /// The duty holds a verb and an object of one of the responsibility's frames.
    VerbObject {
        /// The frame's verb, as the catalog writes it.
        verb: &'static str,
        /// The frame's object, as the catalog writes it.
        object: &'static str,
    },
    /// The duty starts with a verb that decides the responsibility.
    LeadingVerb {
        /// The verb, as the catalog writes it.
        verb: &'static str,
    },
    /// A neighbouring alias names the kind of a product noun that follows it
    /// ("security requirements", "hiring plan").
    KindOfNoun {
        /// The alias, as the catalog writes it.
        alias: &'static str,
        /// The noun it qualifies, as the duty writes it.
        noun: String,
    },
    /// No phrase matched, and the duty's words are most like the catalog phrases of a
    /// neighbouring responsibility ([`crate::likeness`]).
    ClosestWords {
        /// The duty's words, as it writes them, that the responsibility's phrases use.
        words: Vec<String>,
    },
    /// The owner's title names a neighbouring trade (catalog/specialist-titles.txt),
    /// and the phrase that matched is that trade's own work when a specialist owns
    /// it: a Scrum Master's "sprint planning" is facilitation.
    OwnTrade {
        /// The trade: `product`, or the area of the owner's title.
        area: &'static str,
        /// The phrase that matched, as the catalog writes it.
        phrase: String,
    },
}

impl MatchReason {
    /// The reason in words, as `charterlint map` shows it.
    pub fn describe(&self) -> String {
        match self {
            MatchReason::CatalogId => "catalog id".to_string(),
            MatchReason::VocabularyPhrase { phrase } => format!("vocabulary phrase \"{phrase}\""),
            MatchReason::Alias { alias } => format!("alias \"{alias}\""),
            MatchReason::VocabularyWords { phrase } => {
                format!("all words of vocabulary phrase \"{phrase}\"")
            }
            MatchReason::AliasWords { alias } => format!("all words of alias \"{alias}\""),
            MatchReason::VerbObject { verb, object } => format!("verb \"{verb}\" with object \"{object}\""),
            MatchReason::LeadingVerb { verb } => format!("starts with the verb \"{verb}\""),
            MatchReason::KindOfNoun { alias, noun } => format!("alias \"{alias}\" names the kind of \"{noun}\""),
            MatchReason::ClosestWords { words } => {
                let quoted: Vec<String> = words.iter().map(|word| format!("\"{word}\"")).collect();
                format!(
                    "no phrase matched; its words {} are most like this responsibility's",
                    quoted.join(", ")
                )
            }
            MatchReason::OwnTrade { area, phrase } => {
                format!("\"{phrase}\", read as {area} work: the role's title names that trade")
            }
        }
    }
}

/// What a duty string mapped to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DutyMapping {
    /// The duty names one responsibility.
    Mapped {
        /// The responsibility of the catalog.
        responsibility: ResponsibilityId,
        /// How the duty matched.
        reason: MatchReason,
    },
    /// A duty that joins several duties ("vision and roadmap"), or neighbouring work
    /// that matches several kinds equally: it counts for each responsibility.
    Several {
        /// One per responsibility, in the order the duty names them.
        parts: Vec<MappedPart>,
        /// Parts of a joined duty that map to nothing on their own.
        unplaced: Vec<String>,
    },
    /// Two or more responsibilities matched equally well: (catalog index, phrase).
    Ambiguous {
        /// One per responsibility, in catalog order: its index and the phrase that
        /// matched.
        candidates: Vec<(ResponsibilityId, String)>,
    },
    /// Nothing matched; the closest alias, if any looks close, as (catalog index, alias).
    Unknown {
        /// The closest alias's responsibility index and text; `None` when no alias
        /// looks close.
        suggestion: Option<(ResponsibilityId, &'static str)>,
    },
}

/// One responsibility a duty names, with the words that named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappedPart {
    /// The part of the duty, or the phrase that matched it.
    pub text: String,
    /// The responsibility of the catalog.
    pub responsibility: ResponsibilityId,
    /// How the part matched.
    pub reason: MatchReason,
}

impl DutyMapping {
    /// The one responsibility of a duty that maps to exactly one.
    pub fn responsibility(&self) -> Option<ResponsibilityId> {
        match self {
            DutyMapping::Mapped { responsibility, .. } => Some(*responsibility),
            _ => None,
        }
    }

    /// Every responsibility the duty counts for: one, several, or none.
    pub fn responsibilities(&self) -> Vec<ResponsibilityId> {
        match self {
            DutyMapping::Mapped { responsibility, .. } => vec![*responsibility],
            DutyMapping::Several { parts, .. } => parts.iter().map(|part| part.responsibility).collect(),
            DutyMapping::Ambiguous { .. } | DutyMapping::Unknown { .. } => Vec::new(),
        }
    }
}

/// Where a built-in or team phrase came from.
#[derive(Debug, Clone)]
enum PhraseOrigin {
    Alias(&'static str),
    Frame { verb: &'static str, object: &'static str },
    LeadingVerb(&'static str),
    Vocabulary(String),
}

#[derive(Clone)]
struct Phrase {
    origin: PhraseOrigin,
    /// Normalized words joined by one space: the key for exact matching.
    normalized: Word,
    /// Distinct normalized words, sorted: borrowed from the build's lists for the
    /// catalog's aliases.
    words: Cow<'static, [Word]>,
    responsibility: ResponsibilityId,
    /// Whether `normalized` holds a word twice ("one on ones"), so that `words` has
    /// fewer.
    repeats_a_word: bool,
}

/// A normalized word or phrase: borrowed from the build's lists for the catalog,
/// owned for a team's vocabulary.
type Word = Cow<'static, str>;

fn owned_words(words: Vec<String>) -> Vec<Word> {
    words.into_iter().map(Cow::Owned).collect()
}

/// The words as borrowed text, for the lookups' and the likeness counts' input.
fn borrowed(words: &[Word]) -> Vec<&str> {
    words.iter().map(|word| word.as_ref()).collect()
}

impl Phrase {
    fn new(text: &str, origin: PhraseOrigin, responsibility: ResponsibilityId, stemming: Stemming) -> Phrase {
        Phrase::from_words(
            owned_words(normalized_words_with(text, stemming)),
            origin,
            responsibility,
        )
    }

    /// `words` are the phrase's normalized words, in order.
    fn from_words(words: Vec<Word>, origin: PhraseOrigin, responsibility: ResponsibilityId) -> Phrase {
        let normalized = Cow::Owned(words.join(" "));
        Phrase::from_normalized(normalized, words, origin, responsibility)
    }

    /// `normalized` is `words` joined by spaces.
    fn from_normalized(
        normalized: Word,
        words: Vec<Word>,
        origin: PhraseOrigin,
        responsibility: ResponsibilityId,
    ) -> Phrase {
        let mut distinct = words;
        let count = distinct.len();
        distinct.sort();
        distinct.dedup();
        let repeats_a_word = distinct.len() != count;
        Phrase::from_sorted(normalized, Cow::Owned(distinct), origin, responsibility, repeats_a_word)
    }

    /// `words` are sorted and free of repeats; `repeats_a_word` says whether
    /// `normalized` has more.
    fn from_sorted(
        normalized: Word,
        words: Cow<'static, [Word]>,
        origin: PhraseOrigin,
        responsibility: ResponsibilityId,
        repeats_a_word: bool,
    ) -> Phrase {
        Phrase {
            repeats_a_word,
            origin,
            normalized,
            words,
            responsibility,
        }
    }

    fn text(&self) -> String {
        match &self.origin {
            PhraseOrigin::Alias(alias) => (*alias).to_string(),
            PhraseOrigin::Frame { verb, object } => format!("{verb} {object}"),
            PhraseOrigin::LeadingVerb(verb) => (*verb).to_string(),
            PhraseOrigin::Vocabulary(phrase) => phrase.clone(),
        }
    }

    fn reason(&self, whole: bool) -> MatchReason {
        match (&self.origin, whole) {
            (PhraseOrigin::Alias(alias), true) => MatchReason::Alias { alias },
            (PhraseOrigin::Alias(alias), false) => MatchReason::AliasWords { alias },
            (PhraseOrigin::Frame { verb, object }, _) => MatchReason::VerbObject { verb, object },
            (PhraseOrigin::LeadingVerb(verb), _) => MatchReason::LeadingVerb { verb },
            (PhraseOrigin::Vocabulary(phrase), true) => MatchReason::VocabularyPhrase { phrase: phrase.clone() },
            (PhraseOrigin::Vocabulary(phrase), false) => MatchReason::VocabularyWords { phrase: phrase.clone() },
        }
    }

    /// The phrase as a built-in alias, for suggestions.
    fn alias(&self) -> Option<&'static str> {
        match self.origin {
            PhraseOrigin::Alias(alias) => Some(alias),
            _ => None,
        }
    }

    fn has_word(&self, word: &str) -> bool {
        self.words.iter().any(|own| own == word)
    }

    /// `duty_words` is sorted and free of repeats.
    fn words_appear_in(&self, duty_words: &[String]) -> bool {
        !self.words.is_empty() && self.words.iter().all(|word| holds_word(duty_words, word))
    }
}

struct PhraseTable {
    /// Aliases (and vocabulary phrases), in catalog order.
    phrases: Vec<Phrase>,
    /// Phrases of one stemmed verb that decides a duty it starts (catalog `leading`).
    leading: HashMap<String, Vec<Phrase>>,
    /// Stemmed verbs that name few responsibilities, so that a duty starting with one
    /// leans towards the phrases holding it.
    telling_verbs: WordIndex,
    /// What the words of the catalog tell, sorted by word: how many responsibilities
    /// share each ("product" and "team" tell least) and which kind of work alone
    /// uses it.
    evidence_words: Cow<'static, str>,
    evidence: Cow<'static, [EvidenceEntry]>,
    /// Every stemmed verb of a frame or a leading verb.
    verbs: WordIndex,
    /// The written forms of those verbs and of the general verbs, with their stems.
    verb_forms: WordIndex,
    /// The phrases by their words and by their first word.
    index: PhraseIndexes,
    /// The verb frames, kept as verbs and objects. Their verb-object pairs, the
    /// catalog's largest part, are made only for a duty holding both words, so the
    /// table's cost grows with the verbs plus the objects, not their product.
    frames: Vec<IndexedFrame>,
    /// Frame verbs and objects by their first word (see [`frame_part_of`]).
    parts_by_first_word: WordIndex,
    /// The word sets of every alias: a pair with the same words gives way to the
    /// alias, so a deliberate alias is never made ambiguous by a generated phrase.
    alias_word_sets: WordIndex,
}

/// One frame of the catalog with its verbs and objects normalized.
struct IndexedFrame {
    responsibility: ResponsibilityId,
    verbs: Vec<FramePart>,
    objects: Vec<FramePart>,
}

struct FramePart {
    text: &'static str,
    /// Normalized words, in order. A part is held by a duty holding all of them, so
    /// their order and repeats do not matter there, and any of them can index it.
    ordered: Cow<'static, [Word]>,
}

impl PhraseTable {
    /// A table of phrases without frames or verbs: a team's vocabulary.
    fn new(phrases: Vec<Phrase>) -> PhraseTable {
        let index = phrase_indexes(phrases.iter().map(|phrase| {
            (
                phrase.normalized.as_ref(),
                phrase.words.first().map_or("", |word| word.as_ref()),
            )
        }));
        PhraseTable {
            phrases,
            leading: HashMap::default(),
            telling_verbs: WordIndex::empty(),
            evidence_words: Cow::Borrowed(""),
            evidence: Cow::Borrowed(&[]),
            verbs: WordIndex::empty(),
            verb_forms: WordIndex::empty(),
            index,
            frames: Vec::new(),
            parts_by_first_word: WordIndex::empty(),
            alias_word_sets: WordIndex::empty(),
        }
    }

    /// The frame pairs whose verb and object both appear in the duty, in catalog order
    /// (frame, verb, object), each word set once per responsibility; a pair of a single
    /// word (a verb and object of one stem, "track" + "tracking") or with exactly the
    /// words of an alias is no phrase. `duty_words` is sorted and free of repeats.
    fn frame_pairs(&self, duty_words: &[String]) -> Vec<Phrase> {
        let holds = |words: &[Word]| words.iter().all(|word| holds_word(duty_words, word));
        // Per frame, the verbs and objects the duty holds.
        let mut held: std::collections::BTreeMap<u32, (Vec<u32>, Vec<u32>)> = std::collections::BTreeMap::new();
        for word in duty_words {
            for &value in self.parts_by_first_word.get(word.as_str()).into_iter().flatten() {
                let (frame_index, part, is_verb) = frame_part_of(value);
                let frame = &self.frames[frame_index];
                let list = if is_verb { &frame.verbs } else { &frame.objects };
                if holds(&list[part].ordered) {
                    let entry = held.entry(frame_index as u32).or_default();
                    if is_verb { &mut entry.0 } else { &mut entry.1 }.push(part as u32);
                }
            }
        }
        let mut pairs: Vec<Phrase> = Vec::new();
        for (frame_index, (mut verbs, mut objects)) in held {
            if verbs.is_empty() || objects.is_empty() {
                continue;
            }
            verbs.sort_unstable();
            objects.sort_unstable();
            let frame = &self.frames[frame_index as usize];
            for &verb in &verbs {
                let verb = &frame.verbs[verb as usize];
                for &object in &objects {
                    let object = &frame.objects[object as usize];
                    let phrase = Phrase::from_words(
                        [&*verb.ordered, &*object.ordered].concat(),
                        PhraseOrigin::Frame {
                            verb: verb.text,
                            object: object.text,
                        },
                        frame.responsibility,
                    );
                    let repeated = pairs
                        .iter()
                        .any(|seen| seen.responsibility == phrase.responsibility && seen.words == phrase.words);
                    if phrase.words.len() >= 2 && !self.is_alias_word_set(&phrase.words) && !repeated {
                        pairs.push(phrase);
                    }
                }
            }
        }
        pairs
    }

    /// Whether an alias has exactly these (sorted, distinct) words.
    fn is_alias_word_set(&self, words: &[Word]) -> bool {
        self.alias_word_sets.contains_key(&words.join(" "))
    }

    /// Whether a word, as written (`raw`) and normalized (`stem`), is a gerund that a
    /// catalog alias of one word names a duty by ("hiring", "testing"): a noun, though
    /// it has a verb's form. A bare verb ("design") is not.
    fn is_duty_gerund(&self, raw: &str, stem: &str) -> bool {
        raw.ends_with("ing")
            && self
                .alias_as_written(stem, std::slice::from_ref(&raw.to_string()))
                .is_some()
    }

    /// The alias whose normalized words are `stems` (joined by spaces), when the duty
    /// writes it word for word as `raw`: a stem it only shares ("implementable" and
    /// "implementation") is not the alias.
    fn alias_as_written(&self, stems: &str, raw: &[String]) -> Option<&Phrase> {
        let phrase = &self.phrases[self.exact(stems)?];
        let alias = phrase.alias()?;
        (duty_words(alias, Stemming::Suffixes).raw == raw).then_some(phrase)
    }

    /// The neighbouring alias that names the kind of a product noun right after it
    /// ("*security* requirements"), the longest one when several end there. The alias
    /// must be written as the duty writes it: a stem it only shares ("implementable"
    /// and "implementation") names no kind.
    /// `raw` and `words` are the duty's words as written and as stems, in order.
    fn kind_of_noun(&self, raw: &[String], words: &[String]) -> Option<(ResponsibilityId, &'static str, String)> {
        const LONGEST_KIND: usize = 3;
        for (at, written) in raw.iter().enumerate().skip(1) {
            if KIND_NOUNS.binary_search(&written.as_str()).is_err() {
                continue;
            }
            for start in at.saturating_sub(LONGEST_KIND)..at {
                let Some(phrase) = self.alias_as_written(&words[start..at].join(" "), &raw[start..at]) else {
                    continue;
                };
                if let (Some(alias), false) = (phrase.alias(), phrase.responsibility.entry().is_product_ownership()) {
                    return Some((phrase.responsibility, alias, written.clone()));
                }
            }
        }
        None
    }

    /// The first phrase, in table order, whose normalized words are the duty's:
    /// aliases before frame pairs. `words` are the duty's normalized words in order.
    fn exact_match(&self, words: &[String], pairs: &[Phrase]) -> Option<Cow<'_, Phrase>> {
        let normalized = words.join(" ");
        if let Some(index) = self.exact(&normalized) {
            return Some(Cow::Borrowed(&self.phrases[index]));
        }
        pairs
            .iter()
            .find(|pair| pair.normalized == normalized)
            .map(|pair| Cow::Owned(pair.clone()))
    }

    /// The duty's leading verb, as a stem: the first of its first three words written
    /// as a verb of a frame or a leading verb (an adverb or "help" may come first).
    fn leading_verb<'w>(&'w self, words: &DutyWords) -> Option<&'w str> {
        self.leading_verb_at(words)
            .and_then(|at| self.verb_forms.text_of(words.raw[at].as_str()))
    }

    /// Where the duty's leading verb stands among its words: the first of its first
    /// three words written as a verb (an adverb or "help" may come first), unless
    /// the words before it, or up to it, are an alias: in "sprint review demo" and
    /// "business impact of the hiring product" the verb's form is a noun.
    fn leading_verb_at(&self, words: &DutyWords) -> Option<usize> {
        let position = words
            .raw
            .iter()
            .take(3)
            .position(|word| self.verb_forms.contains_key(word.as_str()))?;
        let names_a_duty = position > 0
            && [&words.stems[..position], &words.stems[..=position]]
                .iter()
                .any(|start| self.index.exact.contains_key(&start.join(" ")));
        (!names_a_duty).then_some(position)
    }

    /// The best phrases whose words all appear in the duty, in table order (aliases,
    /// then `pairs`, the duty's frame pairs): the most telling words. A word counts four
    /// points when at most two responsibilities use it, down to one point when more
    /// than twelve do ("product", "team"); a phrase counts two more for holding the
    /// duty's head noun (its last word, or for a duty without a verb the last word of
    /// `noun_phrase`, the words before its first preposition, when the phrase lies
    /// within them), two more for holding its leading verb when
    /// that verb is telling, one more when its words stand in the duty side by side,
    /// as the alias writes them, and two more when the duty's other words lean to its
    /// kind of work (product ownership or neighbouring); a leading verb of the
    /// catalog counts fourteen.
    fn most_specific<'t>(&'t self, duty: &DutyView<'_>, pairs: &'t [Phrase]) -> Vec<&'t Phrase> {
        let DutyView {
            distinct: duty_words,
            leading,
            head,
            noun_phrase,
            ordered,
            verbs_only,
        } = *duty;
        let mut candidates: Vec<usize> = duty_words
            .iter()
            .filter_map(|word| self.index.by_first_word.get(word.as_str()))
            .flatten()
            .map(|&index| index as usize)
            .collect();
        candidates.sort_unstable();
        let telling = leading.filter(|verb| self.telling_verbs.contains_key(verb));
        let duty_side: i32 = duty_words.iter().map(|word| i32::from(self.evidence(word).side)).sum();
        let score = |phrase: &Phrase| {
            let holds = |word: Option<&String>| word.is_some_and(|word| phrase.has_word(word));
            let (mut words, mut own_side) = (0usize, 0i32);
            for word in phrase.words.iter() {
                let evidence = self.evidence(word);
                words += usize::from(4 - evidence.weakness);
                own_side += i32::from(evidence.side);
            }
            // The duty's other words lean towards one kind of work: a phrase of that
            // kind counts two more ("build release pipelines with environment gates
            // and approvals" is pipeline work, though "approvals" is acceptance's).
            // The head of a duty's leading noun phrase credits only a phrase of that
            // noun phrase: in "user stories with acceptance criteria", "story
            // acceptance" takes its words from both sides of "with".
            let within_noun_phrase =
                noun_phrase.is_none_or(|within| phrase.words.iter().all(|word| within.iter().any(|own| own == word)));
            let outside = duty_side - own_side;
            let product = phrase.responsibility.entry().is_product_ownership();
            let context_agrees = if product { outside > 0 } else { outside < 0 };
            // A frame is written as a verb that leads the duty and its object, an alias
            // as its words side by side; an object of several words written side by
            // side counts once more ("maximising the business value of Customer 360"
            // is business value, though "customer" and "value" are both there too).
            let as_written = match phrase.origin {
                PhraseOrigin::Frame { verb, .. } => {
                    let verb_words = verb.split_whitespace().count();
                    let object = phrase
                        .normalized
                        .splitn(verb_words + 1, ' ')
                        .nth(verb_words)
                        .unwrap_or("");
                    usize::from(holds(leading)) + usize::from(object.contains(' ') && holds_in_order(ordered, object))
                }
                _ => usize::from(phrase.words.len() >= 2 && holds_in_order(ordered, &phrase.normalized)),
            };
            words
                + 2 * usize::from(holds(telling))
                + 2 * usize::from(holds(head) && within_noun_phrase)
                + as_written
                + 2 * usize::from(context_agrees)
        };
        let mut best: Vec<&Phrase> = Vec::new();
        let mut best_score = 0;
        let matching = candidates
            .into_iter()
            .map(|index| &self.phrases[index])
            .filter(|phrase| phrase.words_appear_in(duty_words))
            // A one-word alias that is a noun ("contributions") is not the verb the
            // duty writes with its stem ("contribute to the roadmap").
            .filter(|phrase| {
                !(phrase.words.len() == 1
                    && verbs_only.contains(&phrase.words[0].as_ref())
                    && phrase.alias().is_some_and(|alias| !self.verb_forms.contains_key(alias)))
            })
            // An alias written with digits ("1 1s" for one-to-ones) is matched only as
            // written: its digits alone are in many a duty ("day-1 retention").
            .filter(|phrase| {
                !phrase
                    .words
                    .iter()
                    .any(|word| word.starts_with(|first: char| first.is_ascii_digit()))
                    || holds_in_order(ordered, &phrase.normalized)
            })
            // An alias that repeats a word ("one on ones", "scrum of scrums") needs
            // the word as often in the duty: "one team" and "training on how to do
            // scrum" hold its distinct words but are no such thing.
            .filter(|phrase| !phrase.repeats_a_word || holds_repeats(ordered, &phrase.normalized))
            .chain(pairs)
            .chain(leading.and_then(|verb| self.leading.get(verb)).into_iter().flatten());
        for phrase in matching {
            let phrase_score = match phrase.origin {
                PhraseOrigin::LeadingVerb(_) => 14,
                _ => score(phrase),
            };
            match phrase_score.cmp(&best_score) {
                std::cmp::Ordering::Less => {}
                std::cmp::Ordering::Equal => best.push(phrase),
                std::cmp::Ordering::Greater => {
                    best = vec![phrase];
                    best_score = phrase_score;
                }
            }
        }
        best
    }

    /// The first phrase whose normalized words, joined by spaces, are `normalized`.
    fn exact(&self, normalized: &str) -> Option<usize> {
        Some(*self.index.exact.get(normalized)?.first()? as usize)
    }

    /// What a normalized word tells: nothing special when the catalog's list does not
    /// name it.
    fn evidence(&self, word: &str) -> WordEvidence {
        self.evidence
            .binary_search_by(|entry| self.evidence_word(entry).cmp(word))
            .map_or_else(|_| WordEvidence::default(), |at| self.evidence[at].evidence)
    }

    fn evidence_word(&self, entry: &EvidenceEntry) -> &str {
        let start = entry.start as usize;
        &self.evidence_words[start..start + usize::from(entry.len)]
    }
}

/// What [`PhraseTable::most_specific`] weighs of a duty.
#[derive(Clone, Copy)]
struct DutyView<'d> {
    /// The normalized words, sorted and free of repeats.
    distinct: &'d [String],
    /// The leading verb's stem.
    leading: Option<&'d String>,
    /// The head noun.
    head: Option<&'d String>,
    /// For a duty without a verb, the words before its first preposition.
    noun_phrase: Option<&'d [String]>,
    /// The normalized words in order, joined by spaces, with a space at either end.
    ordered: &'d str,
    /// The stems the duty writes only as verbs.
    verbs_only: &'d [&'d str],
}

/// Whether `ordered`, a duty's normalized words joined by spaces and with a space at
/// either end, holds the words of `normalized` side by side and in its order.
fn holds_in_order(ordered: &str, normalized: &str) -> bool {
    ordered
        .match_indices(normalized)
        .any(|(at, _)| ordered[..at].ends_with(' ') && ordered[at + normalized.len()..].starts_with(' '))
}

/// Whether `ordered`, a duty's normalized words joined by spaces, holds every word of
/// `normalized` at least as often as `normalized` does.
fn holds_repeats(ordered: &str, normalized: &str) -> bool {
    let count = |text: &str, word: &str| text.split(' ').filter(|own| *own == word).count();
    normalized
        .split(' ')
        .all(|word| count(ordered, word) >= count(normalized, word))
}

/// Whether the sorted `duty_words` hold `word`.
fn holds_word(duty_words: &[String], word: &str) -> bool {
    duty_words.binary_search_by(|probe| probe.as_str().cmp(word)).is_ok()
}

/// The built-in phrases: every alias, then every frame (paired lazily, see
/// [`PhraseTable::frame_pairs`]) and the leading verbs.
fn builtin_phrases(stemming: Stemming) -> &'static PhraseTable {
    static SNOWBALL: OnceLock<PhraseTable> = OnceLock::new();
    static SUFFIXES: OnceLock<PhraseTable> = OnceLock::new();
    match stemming {
        Stemming::Snowball => SNOWBALL.get_or_init(|| catalog_table(stemming, true)),
        Stemming::Suffixes => SUFFIXES.get_or_init(|| catalog_table(stemming, false)),
    }
}

/// How often the catalog's phrases of each responsibility use each word, made on the
/// first duty that no phrase matches.
fn builtin_likeness(stemming: Stemming) -> &'static crate::likeness::WordLikeness {
    static SNOWBALL: OnceLock<crate::likeness::WordLikeness> = OnceLock::new();
    static SUFFIXES: OnceLock<crate::likeness::WordLikeness> = OnceLock::new();
    let make = || {
        let table = builtin_phrases(stemming);
        let aliases = table
            .phrases
            .iter()
            .map(|phrase| (phrase.responsibility, borrowed(&phrase.words)));
        let frame_parts = table.frames.iter().flat_map(|frame| {
            frame
                .verbs
                .iter()
                .chain(&frame.objects)
                .map(move |part| (frame.responsibility, borrowed(&part.ordered)))
        });
        let leading = table
            .leading
            .values()
            .flatten()
            .map(|phrase| (phrase.responsibility, borrowed(&phrase.words)));
        crate::likeness::WordLikeness::new(aliases.chain(frame_parts).chain(leading))
    };
    match stemming {
        Stemming::Snowball => SNOWBALL.get_or_init(make),
        Stemming::Suffixes => SUFFIXES.get_or_init(make),
    }
}

/// The catalog's phrase table. The default stemming's words and lookups were made at
/// build time (`build.rs`), in the order the catalog is read here (`built`); another
/// stemming makes them now.
fn catalog_table(stemming: Stemming, built: bool) -> PhraseTable {
    let mut normalized = CatalogWords::new(stemming, built);
    let mut phrases: Vec<Phrase> = Vec::with_capacity(SNOWBALL_ALIASES.len());
    for (index, entry) in crate::catalog::entries() {
        for alias in entry.aliases() {
            let (joined, words) = normalized.alias(alias);
            let repeats_a_word = joined.split(' ').count() != words.len();
            phrases.push(Phrase::from_sorted(
                joined,
                words,
                PhraseOrigin::Alias(alias),
                index,
                repeats_a_word,
            ));
        }
    }
    let mut part = |text: &'static str| FramePart {
        text,
        ordered: normalized.frame_part(text),
    };
    let mut frames = Vec::new();
    for (index, entry) in crate::catalog::entries() {
        for frame in &entry.frames {
            let verbs: Vec<FramePart> = frame.verbs.iter().map(|verb| part(verb)).collect();
            let objects: Vec<FramePart> = frame.objects.iter().map(|object| part(object)).collect();
            frames.push(IndexedFrame {
                responsibility: index,
                verbs,
                objects,
            });
        }
    }
    let mut leading: HashMap<String, Vec<Phrase>> = HashMap::default();
    // Kept only to make the lookups now: the built ones need no copy.
    let mut leading_words: Vec<(&'static str, Vec<Word>)> = Vec::new();
    for (index, entry) in crate::catalog::entries() {
        for group in &entry.leading_verbs {
            for verb in &group.verbs {
                let words = normalized.leading_verb(verb);
                if !built {
                    leading_words.push((verb, words.clone()));
                }
                let phrase = Phrase::from_words(words, PhraseOrigin::LeadingVerb(verb), index);
                if let [stem] = &*phrase.words {
                    leading.entry(stem.to_string()).or_default().push(phrase);
                }
            }
        }
    }
    let indexes = if built {
        CatalogIndexes {
            phrases: PhraseIndexes {
                exact: SNOWBALL_EXACT.clone(),
                by_first_word: SNOWBALL_BY_FIRST_WORD.clone(),
            },
            alias_word_sets: SNOWBALL_ALIAS_WORD_SETS.clone(),
            parts_by_first_word: SNOWBALL_PARTS_BY_FIRST_WORD.clone(),
            verb_forms: SNOWBALL_VERB_FORMS.clone(),
            verbs: SNOWBALL_VERBS.clone(),
            telling_verbs: SNOWBALL_TELLING_VERBS.clone(),
        }
    } else {
        made_indexes(&phrases, &frames, &leading_words, stemming)
    };
    let (evidence_words, evidence) = if built {
        (Cow::Borrowed(SNOWBALL_EVIDENCE_WORDS), Cow::Borrowed(SNOWBALL_EVIDENCE))
    } else {
        // Which responsibilities use each word, in aliases or frame objects.
        let uses: Vec<(&str, ResponsibilityId, bool)> = phrases
            .iter()
            .flat_map(|phrase| {
                let product = phrase.responsibility.entry().is_product_ownership();
                phrase
                    .words
                    .iter()
                    .map(move |word| (word.as_ref(), phrase.responsibility, product))
            })
            .chain(frames.iter().flat_map(|frame| {
                let product = frame.responsibility.entry().is_product_ownership();
                frame.objects.iter().flat_map(move |part| {
                    part.ordered
                        .iter()
                        .map(move |word| (word.as_ref(), frame.responsibility, product))
                })
            }))
            .collect();
        let (words, entries) = crate::words::evidence_table(&crate::words::word_evidence(uses));
        (Cow::Owned(words), Cow::Owned(entries))
    };
    PhraseTable {
        phrases,
        leading,
        telling_verbs: indexes.telling_verbs,
        evidence_words,
        evidence,
        verbs: indexes.verbs,
        verb_forms: indexes.verb_forms,
        index: indexes.phrases,
        frames,
        parts_by_first_word: indexes.parts_by_first_word,
        alias_word_sets: indexes.alias_word_sets,
    }
}

/// The catalog's lookups made now, by the code `build.rs` makes them with.
fn made_indexes(
    phrases: &[Phrase],
    frames: &[IndexedFrame],
    leading: &[(&'static str, Vec<Word>)],
    stemming: Stemming,
) -> CatalogIndexes {
    let lists = CatalogWordLists {
        aliases: phrases
            .iter()
            .map(|phrase| (phrase.normalized.as_ref(), borrowed(&phrase.words)))
            .collect(),
        frames: frames
            .iter()
            .map(|frame| FrameWords {
                responsibility: frame.responsibility.index(),
                verbs: frame
                    .verbs
                    .iter()
                    .map(|part| (part.text, borrowed(&part.ordered)))
                    .collect(),
                objects: frame.objects.iter().map(|part| borrowed(&part.ordered)).collect(),
            })
            .collect(),
        leading_verbs: leading.iter().map(|(text, words)| (*text, borrowed(words))).collect(),
        general_verbs: GENERAL_VERBS.iter().map(|verb| (*verb, stemming.stem(verb))).collect(),
    };
    catalog_indexes(&lists, |verb| forms_of(verb).into_iter().map(Cow::into_owned).collect())
}

/// Nouns of product work that the words before them can give a kind: "*security*
/// requirements" and "*hiring* plan" are a neighbour's work, though "requirements"
/// and "plan" alone are product words. Written forms, sorted: they are compared with
/// the duty as it is written, so none needs stemming when the program starts.
const KIND_NOUNS: &[&str] = &[
    "approval",
    "approvals",
    "backlog",
    "backlogs",
    "goal",
    "goals",
    "kpis",
    "metric",
    "metrics",
    "objectives",
    "okrs",
    "plan",
    "planning",
    "plans",
    "priorities",
    "requirement",
    "requirements",
    "roadmap",
    "roadmaps",
    "spec",
    "specification",
    "specifications",
    "specs",
    "strategies",
    "strategy",
    "triage",
    "vision",
];

// SNOWBALL_ALIASES, SNOWBALL_FRAME_PARTS, SNOWBALL_LEADING_VERBS, SNOWBALL_EVIDENCE_WORDS,
// SNOWBALL_EVIDENCE, VERB_FORMS: written by build.rs.
include!(concat!(env!("OUT_DIR"), "/snowball_words.rs"));

/// The written forms of a catalog verb, from the build's list (VERB_FORMS); any
/// other verb's are written out now.
fn forms_of(verb: &str) -> Vec<Word> {
    match VERB_FORMS.binary_search_by(|(known, _)| known.cmp(&verb)) {
        Ok(at) => VERB_FORMS[at].1.iter().map(|form| Cow::Borrowed(*form)).collect(),
        Err(_) => owned_words(verb_forms(verb)),
    }
}

/// The normalized words of the catalog's phrases, taken in catalog order: from the
/// build's lists for the default stemming (`built`), else computed.
struct CatalogWords {
    stemming: Stemming,
    aliases: Option<std::slice::Iter<'static, BuiltWords>>,
    frame_parts: Option<std::slice::Iter<'static, BuiltWords>>,
    leading_verbs: Option<std::slice::Iter<'static, BuiltWords>>,
}

/// A phrase's normalized words joined by spaces, and its words.
type BuiltWords = (&'static str, &'static [Word]);

impl CatalogWords {
    fn new(stemming: Stemming, built: bool) -> CatalogWords {
        CatalogWords {
            stemming,
            aliases: built.then(|| SNOWBALL_ALIASES.iter()),
            frame_parts: built.then(|| SNOWBALL_FRAME_PARTS.iter()),
            leading_verbs: built.then(|| SNOWBALL_LEADING_VERBS.iter()),
        }
    }

    /// The phrase's normalized words joined by spaces, and its words: as the build
    /// listed them, or computed in order (`sorted`: sorted, without repeats).
    fn next(
        stemming: Stemming,
        built: Option<&mut std::slice::Iter<'static, BuiltWords>>,
        text: &str,
        sorted: bool,
    ) -> (Word, Cow<'static, [Word]>) {
        match built {
            Some(built) => {
                let (joined, words) = built.next().expect("build.rs normalized every phrase of the catalog");
                (Cow::Borrowed(*joined), Cow::Borrowed(*words))
            }
            None => {
                let words = normalized_words_with(text, stemming);
                let joined = Cow::Owned(words.join(" "));
                let mut words = owned_words(words);
                if sorted {
                    words.sort();
                    words.dedup();
                }
                (joined, Cow::Owned(words))
            }
        }
    }

    /// An alias's words joined by spaces, and its distinct words sorted.
    fn alias(&mut self, text: &str) -> (Word, Cow<'static, [Word]>) {
        CatalogWords::next(self.stemming, self.aliases.as_mut(), text, true)
    }

    fn frame_part(&mut self, text: &str) -> Cow<'static, [Word]> {
        CatalogWords::next(self.stemming, self.frame_parts.as_mut(), text, false).1
    }

    fn leading_verb(&mut self, text: &str) -> Vec<Word> {
        CatalogWords::next(self.stemming, self.leading_verbs.as_mut(), text, false)
            .1
            .into_owned()
    }
}

/// The level of backlog a duty names, for responsibilities that have levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BacklogLevel {
    /// The program, ART, solution or portfolio backlog of features (SAFe).
    Program,
    /// A delivery team's backlog of stories.
    Team,
}

impl BacklogLevel {
    /// The level's name: `program` or `team`.
    pub fn name(self) -> &'static str {
        match self {
            BacklogLevel::Program => "program",
            BacklogLevel::Team => "team",
        }
    }
}

/// Words that place a backlog duty at the program level or at the team level.
const PROGRAM_LEVEL_WORDS: &[&str] = &[
    "program",
    "programme",
    "art",
    "train",
    "solution",
    "portfolio",
    "feature",
    "features",
    "pi",
];
const TEAM_LEVEL_WORDS: &[&str] = &[
    "team",
    "teams",
    "story",
    "stories",
    "sprint",
    "sprints",
    "iteration",
    "iterations",
];

/// The length of the longest word of either list.
const LONGEST_LEVEL_WORD: usize = 10;

/// The backlog level a duty names: program words (ART, program, features) or team
/// words (team, stories, sprint), but not both. A duty that names both and turns one
/// into the other ("splitting features into stories") works at the level it makes.
pub fn backlog_level(duty: &str) -> Option<BacklogLevel> {
    // The level words are ASCII, so an ASCII comparison ignoring case finds them.
    let names = |level_words: &[&str], word: &str| level_words.iter().any(|level| word.eq_ignore_ascii_case(level));
    let level_of = |text: &str| {
        let (mut program, mut team) = (false, false);
        for word in text.split(|character: char| !character.is_alphanumeric()) {
            if word.is_empty() || word.len() > LONGEST_LEVEL_WORD {
                continue;
            }
            program = program || names(PROGRAM_LEVEL_WORDS, word);
            team = team || names(TEAM_LEVEL_WORDS, word);
        }
        (program, team)
    };
    let single = |(program, team): (bool, bool)| match (program, team) {
        (true, false) => Some(BacklogLevel::Program),
        (false, true) => Some(BacklogLevel::Team),
        _ => None,
    };
    match level_of(duty) {
        (true, true) => {
            let lowercase = duty.to_ascii_lowercase();
            let made = lowercase.find(" into ").map(|at| &duty[at + " into ".len()..])?;
            single(level_of(made))
        }
        both => single(both),
    }
}

fn with_level(duty: &str, mapping: DutyMapping) -> (DutyMapping, Option<BacklogLevel>) {
    let has_levels = |responsibility: ResponsibilityId| responsibility.entry().has_levels;
    let leveled = match &mapping {
        DutyMapping::Mapped { responsibility, .. } => has_levels(*responsibility),
        DutyMapping::Several { parts, .. } => parts.iter().any(|part| has_levels(part.responsibility)),
        DutyMapping::Ambiguous { .. } | DutyMapping::Unknown { .. } => false,
    };
    let level = if leveled { backlog_level(duty) } else { None };
    (mapping, level)
}

const MAPPING_CACHE_LIMIT: usize = 65_536;
/// Longer duties are not remembered, which keeps the cache's memory bounded.
const CACHED_DUTY_BYTES: usize = 256;
/// Longer duties get no suggestion: no alias is close to a paragraph, and string
/// similarity costs grow with the product of both lengths.
const SUGGESTED_DUTY_CHARS: usize = 120;

thread_local! {
    static BUILTIN_MAPPINGS: RefCell<rustc_hash::FxHashMap<String, (DutyMapping, Option<BacklogLevel>)>> = RefCell::default();
}

/// Maps the duties of one charter, with the charter's vocabulary.
pub struct Mapper {
    vocabulary: PhraseTable,
    stemming: Stemming,
}

impl Mapper {
    /// A mapper with a charter's vocabulary and the default (Snowball) stemming.
    pub fn new(vocabulary: &Vocabulary) -> Mapper {
        Mapper::with_stemming(vocabulary, Stemming::Snowball)
    }

    /// A mapper that reduces words with the given stemming (for measuring both).
    pub fn with_stemming(vocabulary: &Vocabulary, stemming: Stemming) -> Mapper {
        let phrases = vocabulary
            .0
            .iter()
            .map(|entry| {
                Phrase::new(
                    &entry.phrase.value,
                    PhraseOrigin::Vocabulary(entry.phrase.value.clone()),
                    entry.responsibility.value,
                    stemming,
                )
            })
            .collect();
        Mapper {
            vocabulary: PhraseTable::new(phrases),
            stemming,
        }
    }

    /// What a duty maps to; [`Mapper::map_with_level`] also gives its backlog level.
    pub fn map(&self, duty: &str) -> DutyMapping {
        self.map_with_level(duty).0
    }

    /// The duty's mapping, and the backlog level it names when it maps to a
    /// responsibility that has levels.
    pub fn map_with_level(&self, duty: &str) -> (DutyMapping, Option<BacklogLevel>) {
        // Duties repeat across an organisation; without a vocabulary the answer depends
        // on the text alone, so it is remembered (per thread, up to a bound).
        if !self.vocabulary.phrases.is_empty() || self.stemming != Stemming::Snowball {
            return with_level(duty, self.map_duty(duty));
        }
        if let Some(known) = BUILTIN_MAPPINGS.with(|cache| cache.borrow().get(duty).cloned()) {
            return known;
        }
        let mapped = with_level(duty, self.map_duty(duty));
        BUILTIN_MAPPINGS.with(|cache| {
            let mut cache = cache.borrow_mut();
            if cache.len() < MAPPING_CACHE_LIMIT && duty.len() <= CACHED_DUTY_BYTES {
                cache.insert(duty.to_string(), mapped.clone());
            }
        });
        mapped
    }

    /// The duty's mapping when a role of `trade` owns it: the trade its title names
    /// ([`crate::catalog::title_trade`]), `None` for a title the list does not know.
    ///
    /// The same words can be two roles' work: a product owner takes part in sprint
    /// planning with the product's content, a Scrum Master makes the event happen. So
    /// a duty that matched a phrase the catalog reads differently for the owner's
    /// trade (`specialist_reading`, `product_reading`) is the trade's work, and a duty
    /// that matched the trade's work and other work equally well is the trade's.
    pub fn map_in_trade(&self, duty: &str, trade: Option<Trade>) -> (DutyMapping, Option<BacklogLevel>) {
        let (mapping, level) = self.map_with_level(duty);
        match trade {
            Some(trade) => (read_in_trade(mapping, trade), level),
            None => (mapping, level),
        }
    }

    /// What a duty maps to: by its phrases, else, when its words are most like the
    /// catalog phrases of neighbouring work, that work. A product responsibility is
    /// never taken by likeness alone: a duty read as product ownership it does not
    /// name could hide a gap, so such a duty stays unknown and is warned about.
    fn map_duty(&self, duty: &str) -> DutyMapping {
        let mapping = self.map_uncached(duty);
        if !matches!(mapping, DutyMapping::Unknown { .. }) {
            return mapping;
        }
        let words = duty_words(duty, self.stemming);
        let neighbouring = |responsibility: ResponsibilityId| !responsibility.entry().is_product_ownership();
        let table = builtin_phrases(self.stemming);
        let likeness = builtin_likeness(self.stemming);
        // One word is enough only when it is a noun that few responsibilities use and
        // several phrases of this one do: "organising the summer party" holds only a
        // verb of many kinds of work, "office plants" only a word of one alias each of
        // two responsibilities.
        let enough = |closest: &crate::likeness::Closest| {
            let mut shared: Vec<&str> = closest.shared.iter().map(|&at| words.stems[at].as_str()).collect();
            shared.sort_unstable();
            shared.dedup();
            shared.len() >= 2
                || shared.iter().any(|word| {
                    !table.verbs.contains_key(word)
                        && table.evidence(word).weakness <= 1
                        && likeness.uses_of(word, closest.responsibility) >= 2
                })
        };
        match likeness.closest(&words.stems, neighbouring).filter(enough) {
            Some(closest) => DutyMapping::Mapped {
                responsibility: closest.responsibility,
                reason: MatchReason::ClosestWords {
                    words: closest.shared.iter().fold(Vec::new(), |mut shown, &at| {
                        if !shown.contains(&words.raw[at]) {
                            shown.push(words.raw[at].clone());
                        }
                        shown
                    }),
                },
            },
            None => mapping,
        }
    }

    fn map_uncached(&self, duty: &str) -> DutyMapping {
        let trimmed = duty.trim();
        if let Some((responsibility, _)) =
            crate::catalog::entries().find(|(_, entry)| entry.id.eq_ignore_ascii_case(trimmed))
        {
            return DutyMapping::Mapped {
                responsibility,
                reason: MatchReason::CatalogId,
            };
        }
        // What follows a qualifier ("prioritizing items *based on* value and risk")
        // says how or why, not what: the core is mapped alone first.
        // "Sprint review with ..." has no verb, though "review" can be one: only a
        // verb the duty starts with counts.
        // The duty's words are needed only when it has a qualifier, and then once.
        let words = std::cell::OnceCell::new();
        let words = || words.get_or_init(|| duty_words(trimmed, self.stemming));
        let verbless = || {
            words()
                .raw
                .first()
                .is_none_or(|first| !builtin_phrases(self.stemming).verb_forms.contains_key(first.as_str()))
        };
        // "to" and a verb after a duty that starts with a verb of its own say what the
        // duty is for ("demonstrate working software to collect feedback"); after
        // "help" or "work with", the verb after "to" is the duty.
        let purpose_verb = |word: &str| {
            let table = builtin_phrases(self.stemming);
            let leads = words()
                .raw
                .first()
                .and_then(|first| table.verb_forms.text_of(first.as_str()));
            leads.is_some_and(|stem| table.verbs.contains_key(stem) && !self.is_purpose_blind(stem))
                && table.verb_forms.contains_key(word)
        };
        // "Use data to inform prioritization", "leverage analytics to monitor KPIs":
        // what is used is the means, the verb after "to" the duty; "supports the team
        // by removing obstacles" removes obstacles. The purpose is mapped by its
        // phrases only: reading it by its words alone would outrank the whole duty's
        // phrases.
        if let Some(purpose) = purpose_after_means(trimmed).or_else(|| self.way_of_helping(trimmed))
            && !self.is_exact_phrase(&words().stems)
            && let mapping @ (DutyMapping::Mapped { .. } | DutyMapping::Several { .. }) = self.map_uncached(purpose)
        {
            return mapping;
        }
        if let Some((core, after_noun)) = core_of(trimmed, verbless, purpose_verb)
            && !self.is_exact_phrase(&words().stems)
            && let mapping @ (DutyMapping::Mapped { .. } | DutyMapping::Several { .. }) = self.map_text(core, false)
        {
            // The noun phrase before "with" decides when it names a duty in full
            // ("sprint review with ..."); "backlog items with clear acceptance
            // criteria" are read whole.
            let named_in_full = matches!(
                mapping,
                DutyMapping::Mapped {
                    reason: MatchReason::Alias { .. } | MatchReason::VocabularyPhrase { .. } | MatchReason::CatalogId,
                    ..
                }
            );
            if !after_noun || named_in_full {
                return mapping;
            }
        }
        self.map_text(trimmed, true)
    }

    /// Whether a stemmed verb is one of [`PURPOSE_BLIND_VERBS`], stemmed as this
    /// mapper stems.
    fn is_purpose_blind(&self, stem: &str) -> bool {
        PURPOSE_BLIND_VERBS.iter().any(|verb| self.stemming.stem(verb) == stem)
    }

    /// What a duty led by a verb of [`PURPOSE_BLIND_VERBS`] does "by" doing: the text
    /// after "by" when a gerund follows it ("supports the team by identifying and
    /// removing obstacles").
    fn way_of_helping<'d>(&self, duty: &'d str) -> Option<&'d str> {
        let first = duty.split_whitespace().next()?.to_lowercase();
        let table = builtin_phrases(self.stemming);
        if !self.is_purpose_blind(table.verb_forms.text_of(first.as_str())?) {
            return None;
        }
        let lowercase = duty.to_lowercase();
        if lowercase.len() != duty.len() {
            return None;
        }
        let at = lowercase.find(" by ")?;
        let rest = duty[at + 4..].trim_start();
        let next = rest.split_whitespace().next()?;
        (next.len() > 4 && next.to_lowercase().ends_with("ing")).then_some(rest)
    }

    /// Whether a duty, given as its stems, is word for word a phrase of the vocabulary
    /// or an alias: then it is that phrase, qualifier and all ("point of contact for
    /// stakeholders").
    fn is_exact_phrase(&self, stems: &[String]) -> bool {
        let normalized = stems.join(" ");
        [&self.vocabulary, builtin_phrases(self.stemming)]
            .iter()
            .any(|table| table.index.exact.contains_key(&normalized))
    }

    /// Maps a duty, or the core of one, as a whole or part by part; `suggest` looks for
    /// the closest alias when nothing matches.
    fn map_text(&self, text: &str, suggest: bool) -> DutyMapping {
        let duty = duty_words(text, self.stemming);
        let words = duty.stems.clone();
        let whole = self.match_words(duty, true);
        if joins_duties(text)
            && let Some(mapping) = self.map_joined(text, &whole)
        {
            return mapping;
        }
        match whole {
            PhraseMatch::One { responsibility, reason } => DutyMapping::Mapped { responsibility, reason },
            PhraseMatch::Tie { candidates } => tie_mapping(candidates),
            PhraseMatch::Nothing => {
                let mut distinct_words = words;
                distinct_words.sort_unstable();
                distinct_words.dedup();
                DutyMapping::Unknown {
                    suggestion: if suggest {
                        closest_alias(text, &distinct_words, self.stemming)
                    } else {
                        None
                    },
                }
            }
        }
    }

    /// The best phrase for a duty's words: an exact phrase, else the most specific
    /// phrases whose words all appear, vocabulary before the built-in catalog. With
    /// `break_ties`, a tie between responsibilities is settled by the duty's head noun
    /// (its last word), then by its verb (its first word).
    fn match_words(&self, duty: DutyWords, break_ties: bool) -> PhraseMatch {
        let builtin = builtin_phrases(self.stemming);
        let leading = builtin.leading_verb(&duty).map(|stem| stem.to_string());
        let duty_raw = duty.raw;
        let words = duty.stems;
        let before_preposition = duty.before_preposition;
        let mut distinct_words = words.clone();
        distinct_words.sort_unstable();
        distinct_words.dedup();
        let tables = [&self.vocabulary, builtin].map(|table| (table, table.frame_pairs(&distinct_words)));
        for (table, pairs) in &tables {
            if let Some(phrase) = table.exact_match(&words, pairs) {
                return PhraseMatch::One {
                    responsibility: phrase.responsibility,
                    reason: phrase.reason(true),
                };
            }
        }
        let kind = builtin.kind_of_noun(&duty_raw, &words);
        // A duty without a verb is about the noun phrase it starts with: its head is
        // the last word before a preposition ("system demo to the business owners").
        let noun_phrase: Option<&[String]> = before_preposition
            .filter(|&end| leading.is_none() && end > 0)
            .and_then(|end| words.get(..end));
        let head = noun_phrase.and_then(<[String]>::last).or(words.last()).cloned();
        let verb = leading.clone().or_else(|| words.first().cloned());
        let ordered = format!(" {} ", words.join(" "));
        let verbs_only: Vec<&str> = words
            .iter()
            .filter(|stem| {
                duty_raw
                    .iter()
                    .zip(&words)
                    .filter(|(_, other)| other == stem)
                    .all(|(raw, _)| builtin.verb_forms.contains_key(raw.as_str()))
            })
            .map(String::as_str)
            .collect();
        for (index, (table, pairs)) in tables.iter().enumerate() {
            let view = DutyView {
                distinct: &distinct_words,
                leading: leading.as_ref(),
                head: head.as_ref(),
                noun_phrase,
                ordered: &ordered,
                verbs_only: &verbs_only,
            };
            let mut best = table.most_specific(&view, pairs);
            let Some(&first) = best.first() else {
                continue;
            };
            // "Security requirements" are security work, though "requirements" alone
            // is refinement: the word before a product noun names whose work it is.
            // A team's own vocabulary still decides first.
            let builtin_table = index == tables.len() - 1;
            if builtin_table
                && let Some((responsibility, alias, noun)) = kind.clone()
                && best
                    .iter()
                    .any(|phrase| phrase.responsibility.entry().is_product_ownership())
            {
                return PhraseMatch::One {
                    responsibility,
                    reason: MatchReason::KindOfNoun { alias, noun },
                };
            }
            // In a single noun phrase the last word is its head ("product analytics
            // instrumentation" is instrumentation): it settles a tie. Then the first
            // word, which in a duty is mostly its verb ("running agile ceremonies" is
            // facilitation, not the sprint support that "agile ceremonies" alone names).
            if !best.iter().all(|phrase| phrase.responsibility == first.responsibility) && break_ties {
                for deciding in [&head, &verb].into_iter().flatten() {
                    let with_word: Vec<&Phrase> = best
                        .iter()
                        .copied()
                        .filter(|phrase| phrase.has_word(deciding))
                        .collect();
                    let one_responsibility = with_word
                        .iter()
                        .all(|phrase| phrase.responsibility == with_word[0].responsibility);
                    if !with_word.is_empty() && with_word.len() < best.len() && one_responsibility {
                        best = with_word;
                        break;
                    }
                }
            }
            let first = best[0];
            if best.iter().all(|phrase| phrase.responsibility == first.responsibility) {
                // Of equally specific phrases, an alias explains a match better than a frame.
                let shown = best
                    .iter()
                    .copied()
                    .find(|phrase| !matches!(phrase.origin, PhraseOrigin::Frame { .. }))
                    .unwrap_or(first);
                return PhraseMatch::One {
                    responsibility: shown.responsibility,
                    reason: shown.reason(false),
                };
            }
            let mut candidates: Vec<MappedPart> = Vec::new();
            for phrase in best {
                if !candidates
                    .iter()
                    .any(|part| part.responsibility == phrase.responsibility)
                {
                    candidates.push(MappedPart {
                        text: phrase.text(),
                        responsibility: phrase.responsibility,
                        reason: phrase.reason(false),
                    });
                }
            }
            candidates.sort_by_key(|part| part.responsibility);
            return PhraseMatch::Tie { candidates };
        }
        PhraseMatch::Nothing
    }

    /// A duty that joins duties ("vision and roadmap", "hiring, onboarding") maps part
    /// by part when two or more parts map: it then counts for every responsibility its
    /// parts name. A one-word part that names nothing on its own is a verb sharing the
    /// next part's object ("creating and communicating backlog items"), so it joins
    /// that part.
    fn map_joined(&self, duty: &str, whole: &PhraseMatch) -> Option<DutyMapping> {
        let builtin = builtin_phrases(self.stemming);
        let mut parts: Vec<(String, DutyWords)> = Vec::new();
        let mut pending: Option<(String, DutyWords)> = None;
        for part in split_duty(duty) {
            let mut words = duty_words(&part, self.stemming);
            let mut text = part;
            if let Some((lone, mut lone_words)) = pending.take() {
                let is_verb = builtin.verb_forms.contains_key(lone_words.raw[0].as_str());
                match words.raw.last() {
                    // A lone word that is no verb shares the next part's head noun:
                    // "strategic and sprint planning" is strategic planning and sprint
                    // planning.
                    Some(head) if !is_verb && words.raw.len() > 1 => {
                        let head = head.clone();
                        let shared = format!("{lone} {head}");
                        lone_words.append(duty_words(&head, self.stemming));
                        parts.push((shared, lone_words));
                    }
                    // Two verbs that share an object are two duties on it when the
                    // second decides a duty of its own: "organising and prioritising
                    // tasks" is organising tasks and prioritising them.
                    Some(_)
                        if is_verb
                            && words.raw.len() > 1
                            && builtin
                                .verb_forms
                                .text_of(words.raw[0].as_str())
                                .is_some_and(|stem| builtin.leading.contains_key(stem)) =>
                    {
                        let object = DutyWords {
                            raw: words.raw[1..].to_vec(),
                            stems: words.stems[1..].to_vec(),
                            before_preposition: words.before_preposition.map(|end| end.saturating_sub(1)),
                        };
                        let object_text = text
                            .split_once(char::is_whitespace)
                            .map_or("", |(_, rest)| rest.trim_start());
                        let shared = format!("{lone} {object_text}");
                        lone_words.append(object);
                        parts.push((shared, lone_words));
                    }
                    _ => {
                        text = format!("{lone} {text}");
                        lone_words.append(words);
                        words = lone_words;
                    }
                }
            }
            // A duty that starts with a duty's name ("hiring and ...", "testing and
            // ...") starts with that duty, though the word has a verb's form. Later in
            // a list such a word mostly names a kind ("engineering, design, marketing
            // and business teams").
            let names_a_duty =
                |words: &DutyWords| parts.is_empty() && builtin.is_duty_gerund(&words.raw[0], &words.stems[0]);
            let lone_verb = words.stems.len() == 1
                && ((builtin.verb_forms.contains_key(words.raw[0].as_str()) && !names_a_duty(&words))
                    || matches!(self.match_words(words.clone(), true), PhraseMatch::Nothing));
            if lone_verb {
                pending = Some((text, words));
                continue;
            }
            parts.push((text, words));
        }
        if let Some((left_text, left_words)) = pending {
            match parts.last_mut() {
                Some((text, words)) => {
                    text.push(' ');
                    text.push_str(&left_text);
                    words.append(left_words);
                }
                None => parts.push((left_text, left_words)),
            }
        }
        if parts.len() < 2 {
            return None;
        }
        resolve_pronouns(&mut parts, builtin, self.stemming);
        // The word that names the first part's kind of work names a later lone
        // product noun's too: "security reviews and requirements" are security
        // requirements.
        let first_raw = parts[0].1.raw.clone();
        for (text, words) in parts.iter_mut().skip(1) {
            let [noun] = words.raw.as_slice() else {
                continue;
            };
            for kind_words in 1..first_raw.len().min(3) {
                let mut raw = first_raw[..kind_words].to_vec();
                raw.push(noun.clone());
                let stems: Vec<String> = raw.iter().map(|word| self.stemming.stem(word)).collect();
                if builtin.kind_of_noun(&raw, &stems).is_some() {
                    *text = raw.join(" ");
                    *words = DutyWords {
                        raw,
                        stems,
                        before_preposition: None,
                    };
                    break;
                }
            }
        }
        // A list's last noun can be the head of every part: "clinic adoption and
        // subscription revenue targets" are adoption targets and revenue targets. Only
        // where a part's last word and that noun are an alias word for word.
        if let Some((_, last)) = parts.last()
            && last.raw.len() > 1
            && last.before_preposition.is_none()
            && let (Some(head_raw), Some(head_stem)) = (last.raw.last().cloned(), last.stems.last().cloned())
        {
            let before_last = parts.len() - 1;
            for (text, words) in parts.iter_mut().take(before_last) {
                let (Some(raw_end), Some(stem_end)) = (words.raw.last(), words.stems.last()) else {
                    continue;
                };
                let pair = [raw_end.clone(), head_raw.clone()];
                if *raw_end != head_raw
                    && builtin
                        .alias_as_written(&format!("{stem_end} {head_stem}"), &pair)
                        .is_some()
                {
                    text.push(' ');
                    text.push_str(&head_raw);
                    words.raw.push(head_raw.clone());
                    words.stems.push(head_stem.clone());
                }
            }
        }
        // The first part's verb carries over to the parts that have no verb of their own
        // ("facilitate planning, reviews and retrospectives", "translating user needs
        // into requirements and user stories") when it is a verb that decides a duty or
        // one of the first part's own frames: in "code reviews" the verb form "code" is
        // no verb of code review.
        let first_match = self.match_words(parts[0].1.clone(), true);
        let carried = parts.first().and_then(|(_, words)| {
            let position = builtin.leading_verb_at(words)?;
            let stem = &words.stems[position];
            let verb_of_first = match &first_match {
                PhraseMatch::One { responsibility, .. } => builtin.frames.iter().any(|frame| {
                    frame.responsibility == *responsibility
                        && frame
                            .verbs
                            .iter()
                            .any(|verb| verb.ordered.first().is_some_and(|word| word == stem))
                }),
                _ => false,
            };
            // A duty's name ("hiring and backlog prioritization") is a noun there, and
            // governs nothing.
            let names_a_duty = builtin.is_duty_gerund(&words.raw[position], stem);
            ((verb_of_first || builtin.leading.contains_key(stem)) && !names_a_duty)
                .then(|| (words.raw[position].clone(), stem.clone()))
        });
        // The parts given the carried verb, by their text.
        let mut with_carried_verb: Vec<String> = Vec::new();
        if let Some((raw, stem)) = &carried {
            for (text, words) in parts.iter_mut().skip(1) {
                // A part has a verb of its own when it starts with one: in "sprint
                // reviews" the verb form is the noun.
                let own_verb = words
                    .raw
                    .first()
                    .is_some_and(|word| builtin.verb_forms.contains_key(word.as_str()));
                if !own_verb {
                    *text = format!("{raw} {text}");
                    words.raw.insert(0, raw.clone());
                    words.stems.insert(0, stem.clone());
                    words.before_preposition = words.before_preposition.map(|end| end + 1);
                    with_carried_verb.push(text.clone());
                }
            }
        }
        // A list that starts with a name goes on naming things: a later part's bare
        // verb form is a noun there ("market research on visitors and coach-party
        // organisers"), though a gerund can still name a duty ("vision, roadmap and
        // coaching the team").
        // The first part is a name when it matched one and its first word is no verb
        // there: no verb form at all, or the first word of the alias it matched
        // ("market research"; in "write user stories" matched as "story writing",
        // "write" is the verb).
        let first_word = parts[0].1.raw[0].as_str();
        let first_word_is_verb = builtin.verb_forms.contains_key(first_word);
        // A verb carried from the first part to the others makes the list verb-led.
        let noun_list = carried.is_none()
            && match &first_match {
                PhraseMatch::One {
                    reason: MatchReason::Alias { alias } | MatchReason::AliasWords { alias },
                    ..
                } => {
                    !first_word_is_verb
                        || alias
                            .split_whitespace()
                            .next()
                            .is_some_and(|word| word.eq_ignore_ascii_case(first_word))
                }
                PhraseMatch::One {
                    reason:
                        MatchReason::VocabularyPhrase { .. } | MatchReason::VocabularyWords { .. } | MatchReason::CatalogId,
                    ..
                } => !first_word_is_verb,
                _ => false,
            };
        let first_text = parts[0].0.clone();
        let mut placed: Vec<MappedPart> = Vec::new();
        let mut unplaced: Vec<String> = Vec::new();
        let mut placed_parts: usize = 0;
        let mut first_match = Some(first_match);
        for (text, words) in parts {
            let matched = match first_match.take() {
                Some(matched) => matched,
                None => self.match_words(words, true),
            };
            match matched {
                PhraseMatch::One { responsibility, reason } => {
                    placed.push(MappedPart {
                        text,
                        responsibility,
                        reason,
                    });
                    placed_parts += 1;
                }
                PhraseMatch::Tie { candidates }
                    if candidates
                        .iter()
                        .all(|part| !part.responsibility.entry().is_product_ownership()) =>
                {
                    placed.extend(candidates);
                    placed_parts += 1;
                }
                _ => unplaced.push(text),
            }
        }
        // A part found only by one of its words ("... and outcomes") is weak evidence of
        // a second duty when another part names one in full: it stays unplaced.
        // A carried verb is no word of the part's own ("set" in "..., strategy").
        let is_weak = |part: &MappedPart| match &part.reason {
            MatchReason::AliasWords { alias } => {
                let carried = usize::from(with_carried_verb.contains(&part.text));
                !alias.contains(' ') && part.text.split_whitespace().count() > 1 + carried
            }
            MatchReason::LeadingVerb { .. } => {
                noun_list
                    && part.text != first_text
                    && !part
                        .text
                        .split_whitespace()
                        .next()
                        .is_some_and(|word| word.to_lowercase().ends_with("ing"))
            }
            _ => false,
        };
        // When every part is weak, the split itself is in doubt: the whole duty decides.
        if !placed.is_empty() && placed.iter().all(is_weak) && matches!(whole, PhraseMatch::One { .. }) {
            return None;
        }
        if placed.iter().any(|part| !is_weak(part)) {
            let left_out = set_aside(&mut placed, &mut unplaced, is_weak);
            placed_parts = placed_parts.saturating_sub(left_out);
        }
        // A duty that joins product ownership with neighbouring work ("identifying
        // technical debt and strategically planning its resolution") is the
        // neighbouring work, described with product words: the specific words of a
        // neighbour's craft decide it. Counting such a part as product ownership could
        // hide a gap; leaving it out can only show one. A part that is a duty's whole
        // name ("... and backlog prioritization") keeps its place.
        let is_product = |part: &MappedPart| part.responsibility.entry().is_product_ownership();
        let named_in_full = |part: &MappedPart| {
            matches!(
                part.reason,
                MatchReason::Alias { .. } | MatchReason::CatalogId | MatchReason::VocabularyPhrase { .. }
            )
        };
        let mut neighbour_decides = false;
        if placed.iter().any(is_product) && !placed.iter().all(is_product) {
            let left_out = set_aside(&mut placed, &mut unplaced, |part| {
                is_product(part) && !named_in_full(part)
            });
            placed_parts = placed_parts.saturating_sub(left_out);
            // The neighbour's part left decides even when the whole duty's words read
            // as product work, if more than one word found it: "promoter" alone is
            // weak evidence of promotions.
            neighbour_decides = left_out > 0
                && placed.iter().all(|part| match &part.reason {
                    MatchReason::Alias { alias } | MatchReason::AliasWords { alias } => alias.contains(' '),
                    _ => true,
                });
        }
        let enough =
            placed_parts >= 2 || (placed_parts == 1 && (neighbour_decides || matches!(whole, PhraseMatch::Nothing)));
        if !enough {
            return None;
        }
        let mut distinct: Vec<MappedPart> = Vec::new();
        for part in placed {
            if !distinct.iter().any(|kept| kept.responsibility == part.responsibility) {
                distinct.push(part);
            }
        }
        if distinct.len() == 1 {
            let part = distinct.remove(0);
            let reason = match whole {
                PhraseMatch::One { responsibility, reason } if *responsibility == part.responsibility => reason.clone(),
                _ => part.reason,
            };
            return Some(DutyMapping::Mapped {
                responsibility: part.responsibility,
                reason,
            });
        }
        Some(DutyMapping::Several {
            parts: distinct,
            unplaced,
        })
    }
}

/// The objects a later part of a list can point back with.
const POINTING_BACK: &[&str] = &["it", "them"];

/// A later part whose verb works on "it" or "them" works on the object of the part
/// before: in "own the roadmap and update it as findings come in" the update is of
/// the roadmap, and "gather requirements, translating them into stories" translates
/// the requirements. The pronoun stands for that object, a prepositional phrase
/// after it stays ("put them in priority order"), and a clause after it ("as
/// findings come in") says when, so it is left out.
fn resolve_pronouns(parts: &mut [(String, DutyWords)], builtin: &PhraseTable, stemming: Stemming) {
    for index in 1..parts.len() {
        let (before, rest) = parts.split_at_mut(index);
        let (text, words) = &mut rest[0];
        let mut written = text.split_whitespace();
        let (Some(verb), Some(pronoun)) = (written.next(), written.next()) else {
            continue;
        };
        let pronoun = pronoun.trim_matches(|character: char| !character.is_alphanumeric());
        if !POINTING_BACK.iter().any(|word| pronoun.eq_ignore_ascii_case(word))
            || !builtin.verb_forms.contains_key(verb.to_lowercase().as_str())
        {
            continue;
        }
        let (_, previous) = &before[index - 1];
        let start = usize::from(
            previous
                .raw
                .first()
                .is_some_and(|word| builtin.verb_forms.contains_key(word.as_str())),
        );
        let end = previous.before_preposition.unwrap_or(previous.raw.len());
        if start >= end {
            continue;
        }
        let after: Vec<&str> = written.collect();
        let keeps_after = after.first().is_some_and(|word| {
            let word = word.to_lowercase();
            crate::words::PREPOSITIONS.binary_search(&word.as_str()).is_ok()
        });
        let mut resolved = format!("{verb} {}", previous.raw[start..end].join(" "));
        if keeps_after {
            resolved.push(' ');
            resolved.push_str(&after.join(" "));
        }
        *words = duty_words(&resolved, stemming);
        *text = resolved;
    }
}

/// Verbs of using something, whose "to" clause says what the duty is.
const MEANS_VERBS: &[&str] = &[
    "use",
    "uses",
    "using",
    "leverage",
    "leverages",
    "leveraging",
    "utilize",
    "utilizes",
    "utilizing",
    "utilise",
    "utilises",
    "utilising",
    "employ",
    "employs",
    "employing",
];

/// How many words a means may take before "to".
const LONGEST_MEANS: usize = 6;

/// The duty after the means in "use X to VERB ...": the text after "to", when the
/// duty starts with a verb of [`MEANS_VERBS`] and "to" follows within a few words,
/// outside parentheses and before a comma ends the means.
fn purpose_after_means(duty: &str) -> Option<&str> {
    let mut words = duty.split_whitespace();
    let first = words.next()?;
    if !MEANS_VERBS.iter().any(|verb| first.eq_ignore_ascii_case(verb)) {
        return None;
    }
    let mut offset = first.len();
    let mut depth = 0usize;
    for (position, word) in words.enumerate() {
        offset = duty[offset..].find(word)? + offset;
        if depth == 0 && word.eq_ignore_ascii_case("to") {
            let rest = duty[offset + word.len()..].trim_start();
            return (position > 0 && !rest.is_empty()).then_some(rest);
        }
        depth += word.matches(['(', '[']).count();
        depth = depth.saturating_sub(word.matches([')', ']']).count());
        if position >= LONGEST_MEANS || (depth == 0 && word.ends_with([',', ';', ':'])) {
            return None;
        }
        offset += word.len();
    }
    None
}

/// Words after which "to" and a verb are the duty's object: "decide what to build".
const QUESTION_WORDS: &[&str] = &["what", "how", "when", "where", "whether", "which", "who"];

/// Verbs whose "to" clause is the duty itself: "help the team to prioritize".
const PURPOSE_BLIND_VERBS: &[&str] = &[
    "help",
    "work",
    "enable",
    "empower",
    "support",
    "use",
    "coach",
    "guide",
    "encourage",
];

/// Words that start a qualifier of a duty: how, why or by what it is done.
const QUALIFIERS: &[&str] = &[
    "based on",
    "using",
    "via",
    "through",
    "against",
    "according to",
    "aligned with",
    "in line with",
    "that",
    "which",
    "so that",
    "in order to",
    "to ensure",
    "ensuring",
    "while",
    "by",
    "including",
    "such as",
    "for",
    "before",
    "at",
    "during",
];

/// Words that start a qualifier of a duty without a verb: "interviews with
/// subscribers" are interviews. After a verb they mostly name what the verb joins
/// ("balance new requirements with technical debt").
const NOUN_QUALIFIERS: &[&str] = &["with"];

/// The catalog's `specialist_reading`s and `product_reading`s: per matched alias or
/// frame pair of a responsibility, the responsibility its words are for the trade
/// the reading's area belongs to.
#[derive(Default)]
struct TradeReadings {
    aliases: HashMap<(ResponsibilityId, &'static str), ResponsibilityId>,
    pairs: HashMap<(ResponsibilityId, &'static str, &'static str), ResponsibilityId>,
}

fn trade_readings() -> &'static TradeReadings {
    static READINGS: OnceLock<TradeReadings> = OnceLock::new();
    READINGS.get_or_init(|| {
        let mut readings = TradeReadings::default();
        let target = |id: Option<&'static str>| id.and_then(ResponsibilityId::from_text);
        for (responsibility, entry) in crate::catalog::entries() {
            for group in &entry.phrases {
                if let Some(reading) = target(group.specialist_reading.or(group.product_reading)) {
                    for &alias in &group.aliases {
                        readings.aliases.entry((responsibility, alias)).or_insert(reading);
                    }
                }
            }
            for frame in &entry.frames {
                if let Some(reading) = target(frame.specialist_reading.or(frame.product_reading)) {
                    for &verb in &frame.verbs {
                        for &object in &frame.objects {
                            readings.pairs.entry((responsibility, verb, object)).or_insert(reading);
                        }
                    }
                }
            }
        }
        readings
    })
}

/// One responsibility of a duty, as the owner's trade reads it.
fn read_part(responsibility: ResponsibilityId, reason: MatchReason, trade: Trade) -> (ResponsibilityId, MatchReason) {
    let Some(reading) = reading_of(responsibility, &reason, trade) else {
        return (responsibility, reason);
    };
    // Only aliases and frame pairs have readings.
    let phrase = match &reason {
        MatchReason::VerbObject { verb, object } => format!("{verb} {object}"),
        MatchReason::Alias { alias } | MatchReason::AliasWords { alias } => alias.to_string(),
        _ => return (responsibility, reason),
    };
    (
        reading,
        MatchReason::OwnTrade {
            area: trade.name(),
            phrase,
        },
    )
}

/// The responsibility the owner's trade reads a matched phrase as, when the catalog
/// reads it otherwise for that trade.
fn reading_of(responsibility: ResponsibilityId, reason: &MatchReason, trade: Trade) -> Option<ResponsibilityId> {
    let readings = trade_readings();
    let reading = match reason {
        MatchReason::Alias { alias } | MatchReason::AliasWords { alias } => {
            *readings.aliases.get(&(responsibility, *alias))?
        }
        MatchReason::VerbObject { verb, object } => *readings.pairs.get(&(responsibility, *verb, *object))?,
        _ => return None,
    };
    trade.works_in(reading.entry().area).then_some(reading)
}

fn read_in_trade(mapping: DutyMapping, trade: Trade) -> DutyMapping {
    match mapping {
        DutyMapping::Mapped { responsibility, reason } => {
            let (responsibility, reason) = read_part(responsibility, reason, trade);
            DutyMapping::Mapped { responsibility, reason }
        }
        // Most duties hold no phrase the trade reads otherwise: they are kept as they are.
        DutyMapping::Several { parts, unplaced }
            if parts
                .iter()
                .all(|part| reading_of(part.responsibility, &part.reason, trade).is_none()) =>
        {
            DutyMapping::Several { parts, unplaced }
        }
        DutyMapping::Several { parts, unplaced } => {
            let mut read: Vec<MappedPart> = Vec::with_capacity(parts.len());
            for part in parts {
                let (responsibility, reason) = read_part(part.responsibility, part.reason, trade);
                if read.iter().all(|earlier| earlier.responsibility != responsibility) {
                    read.push(MappedPart {
                        text: part.text,
                        responsibility,
                        reason,
                    });
                }
            }
            match <[MappedPart; 1]>::try_from(read) {
                Ok([only]) if unplaced.is_empty() => DutyMapping::Mapped {
                    responsibility: only.responsibility,
                    reason: only.reason,
                },
                Ok([only]) => DutyMapping::Several {
                    parts: vec![only],
                    unplaced,
                },
                Err(parts) => DutyMapping::Several { parts, unplaced },
            }
        }
        DutyMapping::Ambiguous { candidates } => {
            let mut own = candidates
                .iter()
                .filter(|(responsibility, _)| trade.works_in(responsibility.entry().area));
            match (own.next(), own.next()) {
                (Some((responsibility, phrase)), None) => DutyMapping::Mapped {
                    responsibility: *responsibility,
                    reason: MatchReason::OwnTrade {
                        area: trade.name(),
                        phrase: phrase.clone(),
                    },
                },
                _ => DutyMapping::Ambiguous { candidates },
            }
        }
        unknown @ DutyMapping::Unknown { .. } => unknown,
    }
}

/// The text before a duty's first qualifier or colon, outside parentheses, if it has
/// one, and whether that qualifier is one of a noun (`NOUN_QUALIFIERS`, which count
/// only when the duty is `verbless`, asked only when one is found).
fn core_of(duty: &str, verbless: impl Fn() -> bool, purpose_verb: impl Fn(&str) -> bool) -> Option<(&str, bool)> {
    let lowercase = duty.to_lowercase();
    if lowercase.len() != duty.len() {
        return None;
    }
    let mut depth = 0usize;
    let bytes = lowercase.as_bytes();
    for (offset, character) in lowercase.char_indices() {
        match character {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            // What follows a colon details the duty ("member KPIs: active members,
            // redemption rate"); "1:1s" has no space after its colon.
            ':' if depth == 0 && lowercase[offset + 1..].starts_with(char::is_whitespace) => {
                let core = duty[..offset].trim_end();
                return core.chars().any(char::is_alphanumeric).then_some((core, false));
            }
            _ => {}
        }
        let starts_word = offset > 0 && !bytes[offset - 1].is_ascii_alphanumeric() && character.is_alphanumeric();
        if depth > 0 || !starts_word {
            continue;
        }
        let rest = &lowercase[offset..];
        let starts_with_word = |qualifier: &str| {
            rest.starts_with(qualifier)
                && rest[qualifier.len()..]
                    .chars()
                    .next()
                    .is_none_or(|next| !next.is_alphanumeric())
        };
        if QUALIFIERS.iter().any(|qualifier| starts_with_word(qualifier)) {
            return Some((duty[..offset].trim_end(), false));
        }
        // "decide what to build" and "knows how to arrange" name the duty with "to".
        let after_question_word = || {
            lowercase[..offset]
                .split_whitespace()
                .next_back()
                .is_some_and(|before| QUESTION_WORDS.contains(&before))
        };
        if starts_with_word("to")
            && !after_question_word()
            && let Some(next) = rest[2..].split_whitespace().next()
            && purpose_verb(next)
        {
            return Some((duty[..offset].trim_end(), false));
        }
        if NOUN_QUALIFIERS.iter().any(|qualifier| starts_with_word(qualifier)) && verbless() {
            return Some((duty[..offset].trim_end(), true));
        }
    }
    None
}

/// What the phrases of the catalog and the vocabulary make of some words.
enum PhraseMatch {
    One {
        responsibility: ResponsibilityId,
        reason: MatchReason,
    },
    /// Equally good phrases of different responsibilities, one per responsibility.
    Tie {
        candidates: Vec<MappedPart>,
    },
    Nothing,
}

/// Moves the parts `leave_out` picks from `placed` to `unplaced`, as their text; returns
/// how many moved.
fn set_aside(
    placed: &mut Vec<MappedPart>,
    unplaced: &mut Vec<String>,
    leave_out: impl Fn(&MappedPart) -> bool,
) -> usize {
    let (left_out, kept): (Vec<MappedPart>, Vec<MappedPart>) =
        std::mem::take(placed).into_iter().partition(|part| leave_out(part));
    *placed = kept;
    let count = left_out.len();
    unplaced.extend(left_out.into_iter().map(|part| part.text));
    count
}

/// A tie between neighbouring work only counts for each: no product rule reads
/// them, so nothing is decided wrongly. A tie that involves product ownership is
/// ambiguous, because the product rules would count the wrong owner.
fn tie_mapping(candidates: Vec<MappedPart>) -> DutyMapping {
    if candidates
        .iter()
        .all(|part| !part.responsibility.entry().is_product_ownership())
    {
        return DutyMapping::Several {
            parts: candidates,
            unplaced: Vec::new(),
        };
    }
    DutyMapping::Ambiguous {
        candidates: candidates
            .into_iter()
            .map(|part| (part.responsibility, part.text))
            .collect(),
    }
}

/// Words after which a list names who the duty is done with, not further duties:
/// "sprint review with editorial and marketing" is one review.
const COMPANY_WORDS: &[&str] = &["with", "between", "among", "alongside"];

/// The duties a duty string joins: split at commas, semicolons, `&`, `+` and the
/// words "and", "or", "plus", outside parentheses. After "with" and its kind only a
/// semicolon splits.
fn split_duty(duty: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    let mut word = String::new();
    let mut in_company = false;
    let flush_word =
        |word: &mut String, current: &mut String, parts: &mut Vec<String>, depth: usize, in_company: &mut bool| {
            let joiner = ["and", "or", "plus"]
                .iter()
                .any(|joiner| word.eq_ignore_ascii_case(joiner));
            if joiner && depth == 0 && !*in_company {
                parts.push(std::mem::take(current));
            } else {
                if depth == 0 && COMPANY_WORDS.iter().any(|company| word.eq_ignore_ascii_case(company)) {
                    *in_company = true;
                }
                current.push_str(word);
            }
            word.clear();
        };
    for character in duty.chars() {
        if character.is_alphanumeric() || character == '\'' || character == '\u{2019}' {
            word.push(character);
            continue;
        }
        flush_word(&mut word, &mut current, &mut parts, depth, &mut in_company);
        match character {
            '(' | '[' => {
                depth += 1;
                current.push(character);
            }
            ')' | ']' => {
                depth = depth.saturating_sub(1);
                current.push(character);
            }
            ';' if depth == 0 => {
                in_company = false;
                parts.push(std::mem::take(&mut current));
            }
            ',' | '&' | '+' if depth == 0 && !in_company => parts.push(std::mem::take(&mut current)),
            _ => current.push(character),
        }
    }
    flush_word(&mut word, &mut current, &mut parts, depth, &mut in_company);
    parts.push(current);
    parts
        .into_iter()
        .map(|part| part.trim().to_string())
        .filter(|part| part.chars().any(char::is_alphanumeric))
        .collect()
}

/// Whether a duty joins several duties with "and", "or", a comma or an ampersand.
fn joins_duties(duty: &str) -> bool {
    duty.contains([',', '&', ';', '+'])
        || duty.split(|character: char| !character.is_alphanumeric()).any(|word| {
            word.eq_ignore_ascii_case("and") || word.eq_ignore_ascii_case("or") || word.eq_ignore_ascii_case("plus")
        })
}

/// The aliases as lowercase text, with an index from each character trigram to the
/// aliases that contain it: suggestions compare a duty only with the aliases that
/// share most of its trigrams or one of its words, never with the whole catalog.
struct SuggestionIndex {
    /// (lowercase alias, index into the phrase table)
    aliases: Vec<(String, usize)>,
    by_trigram: HashMap<u64, Vec<u32>>,
    /// Alias positions by each of their normalized words.
    by_word: HashMap<String, Vec<u32>>,
}

/// The text's distinct character trigrams, padded with spaces as "  text ", each
/// packed into one number (three 21-bit characters).
fn trigrams(text: &str) -> Vec<u64> {
    let pack = |a: char, b: char, c: char| (u64::from(a) << 42) | (u64::from(b) << 21) | u64::from(c);
    let mut grams = Vec::with_capacity(text.len() + 1);
    let (mut first, mut second) = (' ', ' ');
    for third in text.chars().chain(std::iter::once(' ')) {
        grams.push(pack(first, second, third));
        (first, second) = (second, third);
    }
    grams.sort_unstable();
    grams.dedup();
    grams
}

fn suggestion_index(stemming: Stemming) -> &'static SuggestionIndex {
    static SNOWBALL: OnceLock<SuggestionIndex> = OnceLock::new();
    static SUFFIXES: OnceLock<SuggestionIndex> = OnceLock::new();
    let index = match stemming {
        Stemming::Snowball => &SNOWBALL,
        Stemming::Suffixes => &SUFFIXES,
    };
    index.get_or_init(|| {
        let phrases = &builtin_phrases(stemming).phrases;
        let aliases: Vec<(String, usize)> = phrases
            .iter()
            .enumerate()
            .filter_map(|(index, phrase)| phrase.alias().map(|alias| (alias.to_lowercase(), index)))
            .collect();
        let mut by_trigram: HashMap<u64, Vec<u32>> = HashMap::default();
        let mut by_word: HashMap<String, Vec<u32>> = HashMap::default();
        for (position, (alias, phrase)) in aliases.iter().enumerate() {
            for gram in trigrams(alias) {
                by_trigram.entry(gram).or_default().push(position as u32);
            }
            for word in phrases[*phrase].words.iter() {
                by_word.entry(word.to_string()).or_default().push(position as u32);
            }
        }
        SuggestionIndex {
            aliases,
            by_trigram,
            by_word,
        }
    })
}

thread_local! {
    /// Per alias, the trigrams it shares with the duty being suggested for; and the
    /// aliases touched, so only those are reset.
    static SHARED_GRAMS: RefCell<(Vec<u32>, Vec<u32>)> = RefCell::default();
}

/// How many aliases sharing the most trigrams are compared with a duty by spelling.
const SPELLING_CANDIDATES: usize = 12;

/// The built-in alias most like the duty, if one is close enough to be what was meant:
/// a near-identical spelling (a typo), or an alias that covers at least half of the
/// duty's words. A shared first word alone ("ordering team lunch", "ordering the
/// backlog") is no reason to suggest anything.
/// `duty_words` are the duty's normalized words, sorted and free of repeats.
fn closest_alias(duty: &str, duty_words: &[String], stemming: Stemming) -> Option<(ResponsibilityId, &'static str)> {
    if duty.chars().count() > SUGGESTED_DUTY_CHARS {
        return None;
    }
    let lowercase = duty.to_lowercase();
    let index = suggestion_index(stemming);
    let table = builtin_phrases(stemming);
    // Candidates: the aliases with the most trigrams in common (for typos), and every
    // alias that shares a word with the duty (for coverage). Counts live in a reused
    // per-thread array, so a duty costs its trigrams' postings, not a hash map.
    let duty_grams = trigrams(&lowercase);
    // A typo keeps most of the trigrams of the word it misspells: an alias sharing
    // fewer than half of the duty's is no spelling candidate.
    let mut spelling_candidates: Vec<usize> = SHARED_GRAMS.with(|scratch| {
        let mut scratch = scratch.borrow_mut();
        let (counts, touched) = &mut *scratch;
        counts.resize(index.aliases.len(), 0);
        for gram in &duty_grams {
            for &alias in index.by_trigram.get(gram).into_iter().flatten() {
                let count = &mut counts[alias as usize];
                if *count == 0 {
                    touched.push(alias);
                }
                *count += 1;
            }
        }
        let mut by_overlap: Vec<(u32, u32)> = touched.iter().map(|&alias| (counts[alias as usize], alias)).collect();
        for &alias in touched.iter() {
            counts[alias as usize] = 0;
        }
        touched.clear();
        let most_shared_first = |left: &(u32, u32), right: &(u32, u32)| right.0.cmp(&left.0).then(left.1.cmp(&right.1));
        if by_overlap.len() > SPELLING_CANDIDATES {
            by_overlap.select_nth_unstable_by(SPELLING_CANDIDATES, most_shared_first);
            by_overlap.truncate(SPELLING_CANDIDATES);
        }
        by_overlap
            .into_iter()
            .filter(|&(shared, _)| shared as usize * 2 >= duty_grams.len())
            .map(|(_, alias)| alias as usize)
            .collect()
    });
    spelling_candidates.sort_unstable();
    let mut candidates = spelling_candidates.clone();
    for word in duty_words {
        candidates.extend(
            index
                .by_word
                .get(word)
                .into_iter()
                .flatten()
                .map(|&alias| alias as usize),
        );
    }
    candidates.sort_unstable();
    candidates.dedup();
    let duty_chars = lowercase.chars().count();
    let mut best: Option<(f64, usize, &'static str)> = None;
    for position in candidates {
        let (text, phrase_index) = &index.aliases[position];
        let phrase = &table.phrases[*phrase_index];
        let Some(alias) = phrase.alias() else { continue };
        let shared = phrase.words.iter().filter(|word| holds_word(duty_words, word)).count();
        let coverage = if duty_words.is_empty() {
            0.0
        } else {
            shared as f64 / duty_words.len() as f64
        };
        // A normalized edit similarity of 0.7 needs lengths within 30% of each other;
        // an alias outside that and covering too few words cannot be suggested.
        let alias_chars = text.chars().count();
        let could_be_typo = alias_chars.min(duty_chars) * 10 >= alias_chars.max(duty_chars) * 7
            && spelling_candidates.binary_search(&position).is_ok();
        if !could_be_typo && coverage < 0.5 {
            continue;
        }
        // Jaro-Winkler rewards a shared start; Levenshtein keeps that from being enough.
        let spelling = strsim::jaro_winkler(&lowercase, text);
        let score = if could_be_typo && spelling >= 0.9 && strsim::normalized_levenshtein(&lowercase, text) >= 0.7 {
            1.0 + spelling
        } else if coverage >= 0.5 {
            coverage + spelling / 10.0
        } else {
            continue;
        };
        if best.is_none_or(|(best_score, best_index, _)| {
            score > best_score || (score == best_score && *phrase_index < best_index)
        }) {
            best = Some((score, *phrase_index, alias));
        }
    }
    best.map(|(_, phrase_index, alias)| (table.phrases[phrase_index].responsibility, alias))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::CATALOG;

    #[test]
    fn word_forms_meet() {
        for (left, right) in [
            ("prioritizing", "prioritization"),
            ("prioritise", "prioritizing"),
            ("stories", "story"),
            ("planning", "plan"),
            ("accepting", "acceptance"),
            ("refining", "refinement"),
            ("analysis", "analyzing"),
            ("translating", "translation"),
            ("metrics", "metric"),
        ] {
            for stemming in Stemming::ALL {
                assert_eq!(
                    stemming.stem(left),
                    stemming.stem(right),
                    "{left} / {right} ({stemming:?})"
                );
            }
        }
    }

    fn vocabulary(entries: &[(&str, &str)]) -> Vocabulary {
        use crate::charter::{Spanned, VocabularyEntry};
        Vocabulary(
            entries
                .iter()
                .map(|(phrase, id)| VocabularyEntry {
                    phrase: Spanned::new(phrase.to_string(), 0..0),
                    responsibility: Spanned::new(
                        crate::catalog::ResponsibilityId::from_text(id).expect("catalog id"),
                        0..0,
                    ),
                })
                .collect(),
        )
    }

    #[test]
    fn vocabulary_phrases_match_exactly_and_by_their_words_before_aliases() {
        let mapper = Mapper::new(&vocabulary(&[
            ("OKR setting", "outcomes.success-metrics"),
            ("north-star tracking", "outcomes.business-outcomes"),
        ]));
        let by_words = mapper.map("Quarterly OKR setting workshop");
        assert_eq!(
            by_words.responsibility().map(|index| index.entry().id),
            Some("outcomes.success-metrics")
        );
        assert!(matches!(
            by_words,
            DutyMapping::Mapped {
                reason: MatchReason::VocabularyWords { .. },
                ..
            }
        ));
        // "north star" alone is a built-in alias of the vision; the team's phrase wins.
        let team_words = mapper.map("North-star tracking");
        assert_eq!(
            team_words.responsibility().map(|index| index.entry().id),
            Some("outcomes.business-outcomes")
        );
    }

    #[test]
    fn a_large_vocabulary_still_finds_its_phrase() {
        let phrases: Vec<(String, &str)> = (0..5_000)
            .map(|index| (format!("custom duty {index}"), "strategy.vision"))
            .collect();
        let entries: Vec<(&str, &str)> = phrases.iter().map(|(phrase, id)| (phrase.as_str(), *id)).collect();
        let mapper = Mapper::new(&vocabulary(&entries));
        let mapped = mapper.map("the custom duty 4321 of the team");
        assert!(
            matches!(mapped, DutyMapping::Mapped { reason: MatchReason::VocabularyWords { ref phrase }, .. } if phrase == "custom duty 4321")
        );
    }

    #[test]
    fn suggestions_are_typos_or_cover_most_words() {
        let mapper = Mapper::new(&Vocabulary::default());
        let suggestion = |duty: &str| match mapper.map(duty) {
            DutyMapping::Unknown { suggestion } => suggestion.map(|(_, alias)| alias),
            other => panic!("{duty:?} mapped: {other:?}"),
        };
        assert_eq!(suggestion("roadmpa"), Some("roadmap"));
        assert_eq!(suggestion("custmer interveiws"), Some("customer interviews"));
        assert_eq!(suggestion("ordering team lunch"), None);
        assert_eq!(suggestion("watering the plants"), None);
    }

    #[test]
    fn a_paragraph_long_duty_gets_no_suggestion() {
        let mapper = Mapper::new(&Vocabulary::default());
        let duty = "zzz ".repeat(100_000);
        assert_eq!(mapper.map(&duty), DutyMapping::Unknown { suggestion: None });
    }

    #[test]
    fn every_responsibility_name_maps_to_itself() {
        // Help texts tell users to add a responsibility by its name.
        let mapper = Mapper::new(&Vocabulary::default());
        for (index, entry) in crate::catalog::entries() {
            assert_eq!(mapper.map(entry.name).responsibilities(), vec![index], "{}", entry.name);
        }
    }

    #[test]
    fn builtin_aliases_map_to_their_own_responsibility() {
        let mapper = Mapper::new(&Vocabulary::default());
        for entry in CATALOG.iter() {
            for alias in entry.aliases() {
                let mapping = mapper.map(alias);
                assert_eq!(
                    mapping.responsibility().map(|index| index.entry().id),
                    Some(entry.id),
                    "alias {alias:?} mapped to {mapping:?}"
                );
            }
        }
    }
}

#[cfg(test)]
mod built_words {
    use super::*;
    use crate::catalog::CATALOG;

    #[test]
    fn the_words_built_for_the_catalog_are_the_words_the_matcher_makes() {
        let aliases = CATALOG.iter().flat_map(|entry| entry.aliases());
        let parts = CATALOG.iter().flat_map(|entry| {
            entry
                .frames
                .iter()
                .flat_map(|frame| frame.verbs.iter().chain(&frame.objects))
        });
        let leading = CATALOG
            .iter()
            .flat_map(|entry| entry.leading_verbs.iter().flat_map(|group| &group.verbs));
        // Aliases are built sorted and without repeats, as phrases compare them.
        for (texts, built, sorted) in [
            (aliases.collect::<Vec<_>>(), SNOWBALL_ALIASES, true),
            (parts.copied().collect(), SNOWBALL_FRAME_PARTS, false),
            (leading.copied().collect(), SNOWBALL_LEADING_VERBS, false),
        ] {
            assert_eq!(texts.len(), built.len());
            for (text, (joined, words)) in texts.iter().zip(built) {
                let made = normalized_words(text);
                assert_eq!(made.join(" "), *joined, "{text:?}");
                let mut expected = made;
                if sorted {
                    expected.sort();
                    expected.dedup();
                }
                assert_eq!(expected, *words, "{text:?}");
            }
        }
    }

    #[test]
    fn the_lookups_built_for_the_catalog_are_the_lookups_the_matcher_makes() {
        let built = catalog_table(Stemming::Snowball, true);
        let made = catalog_table(Stemming::Snowball, false);
        assert!(built.index == made.index, "phrase index");
        assert!(built.alias_word_sets == made.alias_word_sets, "alias word sets");
        assert!(built.parts_by_first_word == made.parts_by_first_word, "frame parts");
        assert!(built.verb_forms == made.verb_forms, "verb forms");
        assert!(built.verbs == made.verbs, "verbs");
        assert!(built.telling_verbs == made.telling_verbs, "telling verbs");
        assert_eq!(built.evidence_words, made.evidence_words);
        assert_eq!(built.evidence, made.evidence);
        // A lookup that found nothing would pass the comparisons above.
        assert!(built.index.exact.contains_key("product goal"));
        assert!(built.verbs.contains_key("priorit"));
    }

    #[test]
    fn words_that_many_responsibilities_share_tell_less() {
        let table = builtin_phrases(Stemming::Snowball);
        let evidence = |word: &str| table.evidence(&normalized_words(word)[0]);
        assert!(
            table
                .evidence
                .windows(2)
                .all(|pair| table.evidence_word(&pair[0]) < table.evidence_word(&pair[1]))
        );
        assert_eq!(evidence("product").weakness, 3);
        assert_eq!(evidence("wsjf"), WordEvidence { weakness: 0, side: 1 });
        assert_eq!(evidence("retrospectives").side, -1);
    }

    #[test]
    fn the_kind_nouns_are_sorted() {
        assert!(KIND_NOUNS.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn the_longest_level_word_is_known() {
        let longest = PROGRAM_LEVEL_WORDS
            .iter()
            .chain(TEAM_LEVEL_WORDS)
            .map(|word| word.len())
            .max();
        assert_eq!(longest, Some(LONGEST_LEVEL_WORD));
    }
}

#[cfg(test)]
mod frame_review {
    use super::*;

    /// Generated phrases that two responsibilities both produce: each is a place where
    /// the catalog cannot decide, and must be settled by an alias or a narrower frame.
    pub(super) fn frame_collisions() -> Vec<String> {
        let table = builtin_phrases(Stemming::Snowball);
        // A duty holding every word of every frame gets every pair the frames make.
        let mut every_word: Vec<String> = table
            .frames
            .iter()
            .flat_map(|frame| frame.verbs.iter().chain(&frame.objects))
            .flat_map(|part| part.ordered.iter().map(|word| word.to_string()))
            .collect();
        every_word.sort_unstable();
        every_word.dedup();
        let pairs = table.frame_pairs(&every_word);
        assert!(pairs.len() > 5_000, "{} pairs", pairs.len());
        let mut by_words: HashMap<&[Word], Vec<&Phrase>> = HashMap::default();
        for phrase in table.phrases.iter().chain(&pairs) {
            by_words.entry(&*phrase.words).or_default().push(phrase);
        }
        let mut collisions: Vec<String> = by_words
            .values()
            .filter(|phrases| {
                phrases
                    .iter()
                    .any(|phrase| phrase.responsibility != phrases[0].responsibility)
            })
            .map(|phrases| {
                let mut named: Vec<String> = phrases
                    .iter()
                    .map(|phrase| format!("{} \"{}\"", phrase.responsibility.entry().id, phrase.text()))
                    .collect();
                named.sort();
                named.dedup();
                named.join(" / ")
            })
            .collect();
        collisions.sort();
        collisions
    }

    /// Aliases whose words differ only in order: an exact match tells them apart,
    /// a longer duty holding both words in either order is ambiguous on purpose.
    const ORDER_ONLY: &[&str] = &[
        "design.design-system \"design system\" / design.design-system \"design systems\" / engineering.architecture \"system design\" / engineering.architecture \"systems design\"",
    ];

    #[test]
    fn no_two_responsibilities_generate_the_same_phrase() {
        let mut collisions = frame_collisions();
        collisions.retain(|collision| !ORDER_ONLY.contains(&collision.as_str()));
        assert!(
            collisions.is_empty(),
            "{} collisions:\n{}",
            collisions.len(),
            collisions.join("\n")
        );
    }
}
