//! Mapping quality on the labelled corpus of real duty phrasing (`tests/corpus/`).
//! The floors are the measured accuracy, rounded down: a change to the catalog or
//! the mapper that makes real phrasing map worse fails here. Raise them as it
//! improves; `charterlint accuracy tests/corpus --misses` lists every miss.

use charterlint::corpus::{self, Accuracy, LabelledPhrase};
use charterlint::mapping::Stemming;

fn phrases(folder: &str) -> Vec<LabelledPhrase> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .expect("corpus folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "tsv"))
        .collect();
    files.sort();
    let mut phrases = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable corpus file");
        let parsed = corpus::parse(&file.to_string_lossy(), &text).unwrap_or_else(|errors| {
            panic!(
                "{}",
                errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
            )
        });
        phrases.extend(parsed);
    }
    phrases
}

fn assert_floor(accuracy: &Accuracy, product: f64, neighbouring: f64, set: &str) {
    let product_now = accuracy.product.percent();
    let neighbouring_now = accuracy.neighbouring_recognized.percent();
    assert!(
        product_now >= product,
        "{set}: product ownership phrases mapped right fell to {} (floor {product}%)",
        accuracy.product
    );
    assert!(
        neighbouring_now >= neighbouring,
        "{set}: neighbouring phrases recognized fell to {} (floor {neighbouring}%)",
        accuracy.neighbouring_recognized
    );
}

#[test]
fn the_corpus_is_large_and_mixed() {
    let tuning = phrases("tests/corpus");
    let unseen = phrases("tests/corpus/unseen");
    let holdout = phrases("tests/corpus/holdout");
    assert!(holdout.len() >= 400, "{} held-out phrases", holdout.len());
    let all = tuning.len() + unseen.len();
    let neighbouring = tuning
        .iter()
        .chain(&unseen)
        .filter(|phrase| !phrase.is_product_ownership())
        .count();
    assert!(all >= 400, "{all} phrases");
    assert!(
        neighbouring * 100 / all >= 35,
        "{neighbouring} of {all} are neighbouring work"
    );
    assert!(
        tuning.iter().chain(&unseen).all(|phrase| !phrase.source.is_empty()),
        "every phrase names its source"
    );
}

#[test]
fn real_phrasing_maps_at_least_as_well_as_measured() {
    let accuracy = corpus::measure(&phrases("tests/corpus"), Stemming::Snowball);
    assert_floor(&accuracy, 83.0, 94.0, "tuning set");
}

#[test]
fn phrasing_from_unseen_sources_maps_at_least_as_well_as_measured() {
    let accuracy = corpus::measure(&phrases("tests/corpus/unseen"), Stemming::Snowball);
    assert_floor(&accuracy, 84.5, 93.0, "unseen sources");
}

/// Phrases from 160 further sources, measured once before anything was chosen on them
/// (58.9 % and 82.6 %), then read for misses like the tuning set (63.2 % and 85.6 %).
#[test]
fn phrasing_from_more_sources_maps_at_least_as_well_as_measured() {
    let accuracy = corpus::measure(&phrases("tests/corpus/more-sources"), Stemming::Snowball);
    assert_floor(&accuracy, 63.0, 90.5, "more sources");
}

/// Phrases gathered blind from 148 further domains, three in four of them product
/// ownership, measured once before anything was chosen on them (61.5 % and 78.0 %),
/// then read for misses.
#[test]
fn phrasing_gathered_fresh_maps_at_least_as_well_as_measured() {
    let accuracy = corpus::measure(&phrases("tests/corpus/fresh"), Stemming::Snowball);
    assert_floor(&accuracy, 67.5, 84.0, "fresh phrases");
}

/// Phrases gathered blind from 106 further hosts, three in five of them product
/// ownership, measured once before anything was chosen on them (61.0 % and 88.0 %,
/// the same with `83e5730`), then read for misses.
#[test]
fn a_second_fresh_gathering_maps_at_least_as_well_as_measured() {
    let accuracy = corpus::measure(&phrases("tests/corpus/fresh2"), Stemming::Snowball);
    assert_floor(&accuracy, 62.0, 92.5, "second fresh gathering");
}

/// The held-out files: 67.8 % and 84.5 % since `more-pages.tsv` (63.2 % and 80.0 %
/// alone) joined the four earlier files (69.0 % and 85.7 %).
#[test]
fn phrasing_nobody_tuned_for_maps_at_least_as_well_as_measured() {
    let accuracy = corpus::measure(&phrases("tests/corpus/holdout"), Stemming::Snowball);
    assert_floor(&accuracy, 67.5, 87.5, "held-out set");
}

/// A phrase compared without case and punctuation.
fn phrase_key(text: &str) -> String {
    text.to_lowercase()
        .split(|character: char| !character.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// How far the labels themselves can be trusted, and so what accuracy can mean: 300
/// phrases of the tuning and unseen sets, drawn at random and labelled a second time
/// by a labeller who saw only the catalog's borders and example phrases, never the
/// first labels (`tests/corpus/agreement/`). A change of labels that makes the two
/// disagree more fails here.
#[test]
fn two_labellers_mostly_agree() {
    let mut first = std::collections::HashMap::new();
    for phrase in phrases("tests/corpus")
        .into_iter()
        .chain(phrases("tests/corpus/unseen"))
    {
        first.insert(phrase_key(&phrase.phrase), phrase.expected);
    }
    let second = phrases("tests/corpus/agreement");
    assert!(second.len() >= 300, "{} phrases labelled twice", second.len());
    let (mut within, mut overlapping) = (0, 0);
    for phrase in &second {
        let expected = first
            .get(&phrase_key(&phrase.phrase))
            .unwrap_or_else(|| panic!("{:?} is labelled twice but not in the corpus", phrase.phrase));
        within += usize::from(phrase.expected.iter().all(|id| expected.contains(id)));
        overlapping += usize::from(phrase.expected.iter().any(|id| expected.contains(id)));
    }
    let percent = |count: usize| 100.0 * count as f64 / second.len() as f64;
    assert!(
        percent(within) >= 91.0,
        "second labels within the first: {within} of {}",
        second.len()
    );
    assert!(
        percent(overlapping) >= 94.0,
        "second labels sharing an id: {overlapping} of {}",
        second.len()
    );
}

#[test]
fn a_phrase_appears_once_in_the_whole_corpus() {
    let key = phrase_key;
    let mut seen = std::collections::BTreeMap::new();
    for folder in [
        "tests/corpus",
        "tests/corpus/unseen",
        "tests/corpus/more-sources",
        "tests/corpus/fresh",
        "tests/corpus/fresh2",
        "tests/corpus/holdout",
    ] {
        for phrase in phrases(folder) {
            if let Some(first) = seen.insert(key(&phrase.phrase), folder) {
                panic!("{:?} is in {first} and again in {folder}", phrase.phrase);
            }
        }
    }
    assert!(seen.len() >= 2_500, "{} phrases", seen.len());
}
