//! The catalog's file format (`catalog/catalog.toml`) as serde reads it, and the
//! checks a valid file passes. `build.rs` includes this file to turn the catalog into
//! Rust; the catalog's tests include it to show that a broken file is refused.

use std::collections::BTreeSet;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Catalog {
    pub sources: std::collections::BTreeMap<String, String>,
    pub responsibility: Vec<Responsibility>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Responsibility {
    pub id: String,
    pub name: String,
    pub area: String,
    pub horizon: String,
    pub core: String,
    #[serde(default)]
    pub seeds: Vec<String>,
    #[serde(default)]
    pub levels: bool,
    pub phrases: Vec<Phrases>,
    #[serde(default)]
    pub frames: Vec<Frame>,
    #[serde(default)]
    pub leading: Vec<Verbs>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Verbs {
    pub source: String,
    pub verbs: Vec<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Phrases {
    pub source: String,
    pub aliases: Vec<String>,
    #[serde(default)]
    pub specialist_reading: Option<String>,
    #[serde(default)]
    pub product_reading: Option<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Frame {
    pub source: String,
    pub verbs: Vec<String>,
    pub objects: Vec<String>,
    #[serde(default)]
    pub specialist_reading: Option<String>,
    #[serde(default)]
    pub product_reading: Option<String>,
}

pub(crate) const AREAS: &[&str] = &[
    "strategy",
    "backlog",
    "outcomes",
    "delivery",
    "process",
    "people",
    "engineering",
    "design",
    "data",
];
/// The areas of product ownership, the first of `AREAS`: what the product rules count.
pub(crate) const PRODUCT_AREAS: &[&str] = &["strategy", "backlog", "outcomes", "delivery"];
pub(crate) const HORIZONS: &[&str] = &["quarters", "sprints", "after-release", "program", "ongoing"];
pub(crate) const CORE_CONDITIONS: &[&str] = &["always", "never", "sprint-methodology", "multi-team-delivery"];

/// Reads and checks the catalog file; the error names what is wrong.
pub(crate) fn parse(text: &str) -> Result<Catalog, String> {
    let catalog: Catalog = toml::from_str(text).map_err(|error| error.to_string())?;
    check(&catalog)?;
    Ok(catalog)
}

fn check(catalog: &Catalog) -> Result<(), String> {
    let mut ids = BTreeSet::new();
    for entry in &catalog.responsibility {
        if !ids.insert(entry.id.as_str()) {
            return Err(format!("the id `{}` appears twice", entry.id));
        }
        let known = |list: &[&str], value: &str, what: &str| {
            if list.contains(&value) {
                Ok(())
            } else {
                Err(format!(
                    "`{}` has the unknown {what} `{value}` (one of: {})",
                    entry.id,
                    list.join(", ")
                ))
            }
        };
        known(AREAS, &entry.area, "area")?;
        known(HORIZONS, &entry.horizon, "horizon")?;
        known(CORE_CONDITIONS, &entry.core, "core condition")?;
        let sources = entry
            .phrases
            .iter()
            .map(|group| &group.source)
            .chain(entry.frames.iter().map(|frame| &frame.source))
            .chain(entry.leading.iter().map(|group| &group.source));
        for source in sources {
            if !catalog.sources.contains_key(source) {
                return Err(format!("`{}` names the unknown source `{source}`", entry.id));
            }
        }
        let readings = entry
            .phrases
            .iter()
            .map(|group| (&group.specialist_reading, &group.product_reading))
            .chain(
                entry
                    .frames
                    .iter()
                    .map(|frame| (&frame.specialist_reading, &frame.product_reading)),
            );
        for (specialist, product) in readings {
            if let Some(reading) = specialist {
                check_reading(catalog, entry, reading, Reading::Specialist)?;
            }
            if let Some(reading) = product {
                check_reading(catalog, entry, reading, Reading::Product)?;
            }
        }
        // The matcher pairs a frame's verbs and objects from their words normalized
        // apart, which is right unless the two read as one word together.
        for frame in &entry.frames {
            for verb in &frame.verbs {
                if let Some(object) = frame.objects.iter().find(|object| joins_across(verb, object)) {
                    return Err(format!(
                        "`{}` has the frame verb `{verb}` and object `{object}`, which read as one word together; reword one",
                        entry.id
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Which of the two readings a phrase group or frame carries.
#[derive(Clone, Copy, PartialEq)]
enum Reading {
    /// `specialist_reading`: product words, as a specialist's work.
    Specialist,
    /// `product_reading`: neighbouring words, as a product title's work.
    Product,
}

/// A `specialist_reading` sits on a product responsibility and names a neighbouring
/// one: what the entry's words mean when a specialist of that area owns them. A
/// `product_reading` is its mirror: on a neighbouring responsibility, naming the
/// product work its words are when a product title owns them.
fn check_reading(catalog: &Catalog, entry: &Responsibility, reading: &str, kind: Reading) -> Result<(), String> {
    let name = match kind {
        Reading::Specialist => "specialist",
        Reading::Product => "product",
    };
    let Some(target) = catalog.responsibility.iter().find(|other| other.id == reading) else {
        return Err(format!("`{}` has the unknown {name} reading `{reading}`", entry.id));
    };
    let entry_is_product = PRODUCT_AREAS.contains(&entry.area.as_str());
    let target_is_product = PRODUCT_AREAS.contains(&target.area.as_str());
    match kind {
        Reading::Specialist if entry_is_product && !target_is_product => Ok(()),
        Reading::Product if !entry_is_product && target_is_product => Ok(()),
        Reading::Specialist => Err(format!(
            "`{}` has the specialist reading `{reading}`; a specialist reading turns a product responsibility's words into another responsibility's neighbouring work",
            entry.id
        )),
        Reading::Product => Err(format!(
            "`{}` has the product reading `{reading}`; a product reading turns a neighbouring responsibility's words into product ownership work",
            entry.id
        )),
    }
}

/// Whether normalizing "verb object" joins the verb's last word with the object's
/// first ("a" + "b tests", "on" + "call"), so the pair's words are not the two parts'.
fn joins_across(verb: &str, object: &str) -> bool {
    let last = verb.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
    let first = object.split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
    [("a", "b"), ("on", "call")]
        .iter()
        .any(|(left, right)| last.eq_ignore_ascii_case(left) && first.eq_ignore_ascii_case(right))
}
