//! The responsibility catalog: every duty charterlint knows, as data.
//!
//! The entries live in `catalog/catalog.toml`, reviewable without reading Rust. Each
//! names its area and horizon, when it is core (its absence is an error), the plain
//! phrases and verb frames teams use for it with the public text each came from,
//! and, for product ownership, the seed articles that justify it. The catalog sits
//! at the bottom of the crate: it knows nothing of charters, rules or reports.

/// The four product ownership areas, then the neighbouring work of a whole team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Area {
    Strategy,
    Backlog,
    Outcomes,
    Delivery,
    Process,
    People,
    Engineering,
    Design,
    Data,
}

impl Area {
    /// The product ownership areas: what the product rules count.
    pub const PRODUCT: [Area; 4] = [Area::Strategy, Area::Backlog, Area::Outcomes, Area::Delivery];
    /// Every area, product ownership first.
    pub const ALL: [Area; 9] = [
        Area::Strategy,
        Area::Backlog,
        Area::Outcomes,
        Area::Delivery,
        Area::Process,
        Area::People,
        Area::Engineering,
        Area::Design,
        Area::Data,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Area::Strategy => "strategy",
            Area::Backlog => "backlog",
            Area::Outcomes => "outcomes",
            Area::Delivery => "delivery",
            Area::Process => "process",
            Area::People => "people",
            Area::Engineering => "engineering",
            Area::Design => "design",
            Area::Data => "data",
        }
    }

    fn parse(name: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|area| area.name() == name)
    }

    /// Whether the product ownership rules count duties of this area.
    pub fn is_product_ownership(self) -> bool {
        Area::PRODUCT.contains(&self)
    }

    pub fn description(self) -> &'static str {
        match self {
            Area::Strategy => "where the product goes and why: looks outward, quarters ahead",
            Area::Backlog => "what the team builds next: looks inward, this sprint and the next",
            Area::Outcomes => "whether what shipped worked for users and the business",
            Area::Delivery => "how several delivery teams stay coordinated as one program",
            Area::Process => "how the team works: facilitation, impediments, improvement, coaching",
            Area::People => "people management: hiring, growth, performance, staffing",
            Area::Engineering => "building and running the product: architecture, code, quality, operations",
            Area::Design => "user experience and interface design",
            Area::Data => "analytics and data work: dashboards, instrumentation, analysis",
        }
    }
}

/// How far ahead a responsibility looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Horizon {
    /// Quarters and beyond.
    Quarters,
    /// The current and the next sprint.
    Sprints,
    /// After release: measured results.
    AfterRelease,
    /// The span of a multi-team program.
    Program,
    /// Continuous work with no planning horizon of its own (neighbouring work).
    Ongoing,
}

impl Horizon {
    const ALL: [Horizon; 5] = [
        Horizon::Quarters,
        Horizon::Sprints,
        Horizon::AfterRelease,
        Horizon::Program,
        Horizon::Ongoing,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Horizon::Quarters => "quarters",
            Horizon::Sprints => "sprints",
            Horizon::AfterRelease => "after-release",
            Horizon::Program => "program",
            Horizon::Ongoing => "ongoing",
        }
    }

    fn parse(name: &str) -> Option<Horizon> {
        Horizon::ALL.into_iter().find(|horizon| horizon.name() == name)
    }
}

/// When a responsibility is core: a team that leaves it unowned fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CoreWhen {
    Always,
    /// Extended: recommended, never required by default.
    Never,
    /// Only for teams that work in sprints (scrum or safe).
    SprintMethodology,
    /// Only for programs of three or more delivery teams or with cross-team dependencies.
    MultiTeamDelivery,
}

impl CoreWhen {
    fn parse(name: &str) -> Option<CoreWhen> {
        match name {
            "always" => Some(CoreWhen::Always),
            "never" => Some(CoreWhen::Never),
            "sprint-methodology" => Some(CoreWhen::SprintMethodology),
            "multi-team-delivery" => Some(CoreWhen::MultiTeamDelivery),
            _ => None,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            CoreWhen::Always => "always",
            CoreWhen::Never => "never (extended)",
            CoreWhen::SprintMethodology => "methodology is scrum or safe",
            CoreWhen::MultiTeamDelivery => "delivery_teams >= 3 or cross_team_dependencies",
        }
    }

    /// Whether the team's shape makes the responsibility core (before `[lint]` adjusts
    /// it): whether it works in sprints, how many delivery teams it has, and whether
    /// it depends on other teams.
    pub fn holds_for(self, has_sprints: bool, delivery_teams: u32, cross_team: bool) -> bool {
        match self {
            CoreWhen::Always => true,
            CoreWhen::Never => false,
            CoreWhen::SprintMethodology => has_sprints,
            CoreWhen::MultiTeamDelivery => delivery_teams >= 3 || cross_team,
        }
    }
}

/// One responsibility: a product ownership duty, or neighbouring work beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Responsibility {
    pub id: &'static str,
    pub name: &'static str,
    pub area: Area,
    pub horizon: Horizon,
    pub core: CoreWhen,
    /// The seed articles (by number) that describe a product ownership duty.
    pub seeds: Vec<&'static str>,
    /// Plain phrases teams write for this duty, matched after normalization, each
    /// group with the public text it was taken from.
    pub phrases: Vec<PhraseGroup>,
    /// Verb and object sets: a duty holding one verb and one object of a frame
    /// matches, so the verb decides between duties that share an object.
    pub frames: Vec<Frame>,
    /// Whether a duty names its backlog level (program or team), as SAFe's two
    /// levels of backlog do.
    pub has_levels: bool,
    /// Verbs that decide the duty whatever their object, when a duty starts with one
    /// ("facilitate backlog refinement" is facilitation, not refinement).
    pub leading_verbs: Vec<VerbGroup>,
}

/// Verbs taken from one public source.
#[derive(Debug, Clone, PartialEq)]
pub struct VerbGroup {
    pub source: &'static str,
    pub verbs: Vec<&'static str>,
}

/// Phrases taken from one public source.
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseGroup {
    /// The source as the catalog names it (a key of `[sources]`).
    pub source: &'static str,
    pub aliases: Vec<&'static str>,
}

/// A verb set and an object set: any verb with any object names the duty.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub source: &'static str,
    pub verbs: Vec<&'static str>,
    pub objects: Vec<&'static str>,
}

impl Responsibility {
    /// Every alias, in catalog order.
    pub fn aliases(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.phrases.iter().flat_map(|group| group.aliases.iter().copied())
    }

    /// The full text of each public source this entry's phrases come from, once each.
    pub fn sources(&self) -> Vec<&'static str> {
        let mut keys: Vec<&'static str> = self
            .phrases
            .iter()
            .map(|group| group.source)
            .chain(self.frames.iter().map(|frame| frame.source))
            .chain(self.leading_verbs.iter().map(|group| group.source))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys.into_iter().map(source_text).collect()
    }

    /// Whether the product ownership rules count this responsibility.
    pub fn is_product_ownership(&self) -> bool {
        self.area.is_product_ownership()
    }
}

/// The text of a source key of the catalog's `[sources]` table.
pub fn source_text(key: &str) -> &'static str {
    CATALOG_DATA
        .sources
        .iter()
        .find(|(name, _)| *name == key)
        .map_or("", |(_, text)| text)
}

/// Index of a responsibility in [`CATALOG`].
pub fn index_of(id: &str) -> Option<usize> {
    CATALOG.iter().position(|entry| entry.id == id)
}

/// The catalog as reviewed data: `catalog/catalog.toml`, embedded at build time.
const CATALOG_TOML: &str = include_str!("../catalog/catalog.toml");

struct CatalogData {
    sources: Vec<(&'static str, &'static str)>,
    responsibilities: Vec<Responsibility>,
}

/// Every responsibility, in catalog order: product ownership first, then the
/// neighbouring work.
pub static CATALOG: std::sync::LazyLock<Vec<Responsibility>> =
    std::sync::LazyLock::new(|| CATALOG_DATA.responsibilities.clone());

static CATALOG_DATA: std::sync::LazyLock<CatalogData> = std::sync::LazyLock::new(|| {
    // The embedded file is checked by the tests, so a failure here is a build defect.
    parse_catalog(CATALOG_TOML).unwrap_or_else(|error| panic!("catalog/catalog.toml is invalid: {error}"))
});

/// The catalog's file format, as serde reads it.
mod file {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Catalog {
        pub sources: std::collections::BTreeMap<String, String>,
        pub responsibility: Vec<Responsibility>,
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Responsibility {
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
    pub struct Verbs {
        pub source: String,
        pub verbs: Vec<String>,
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Phrases {
        pub source: String,
        pub aliases: Vec<String>,
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Frame {
        pub source: String,
        pub verbs: Vec<String>,
        pub objects: Vec<String>,
    }
}

/// Catalog strings live as long as the program: the catalog is read once.
fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

fn parse_catalog(text: &str) -> Result<CatalogData, String> {
    let data: file::Catalog = toml::from_str(text).map_err(|error| error.to_string())?;
    let sources: Vec<(&'static str, &'static str)> = data
        .sources
        .into_iter()
        .map(|(key, text)| (leak(key), leak(text)))
        .collect();
    let known_source = |key: &str, id: &str| {
        sources
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(name, _)| *name)
            .ok_or_else(|| format!("`{id}` names the unknown source `{key}`"))
    };
    let mut responsibilities = Vec::with_capacity(data.responsibility.len());
    for entry in data.responsibility {
        let area =
            Area::parse(&entry.area).ok_or_else(|| format!("`{}` has the unknown area `{}`", entry.id, entry.area))?;
        let horizon = Horizon::parse(&entry.horizon)
            .ok_or_else(|| format!("`{}` has the unknown horizon `{}`", entry.id, entry.horizon))?;
        let core = CoreWhen::parse(&entry.core)
            .ok_or_else(|| format!("`{}` has the unknown core condition `{}`", entry.id, entry.core))?;
        let mut phrases = Vec::with_capacity(entry.phrases.len());
        for group in entry.phrases {
            phrases.push(PhraseGroup {
                source: known_source(&group.source, &entry.id)?,
                aliases: group.aliases.into_iter().map(leak).collect(),
            });
        }
        let mut frames = Vec::with_capacity(entry.frames.len());
        for frame in entry.frames {
            frames.push(Frame {
                source: known_source(&frame.source, &entry.id)?,
                verbs: frame.verbs.into_iter().map(leak).collect(),
                objects: frame.objects.into_iter().map(leak).collect(),
            });
        }
        let mut leading_verbs = Vec::with_capacity(entry.leading.len());
        for group in entry.leading {
            leading_verbs.push(VerbGroup {
                source: known_source(&group.source, &entry.id)?,
                verbs: group.verbs.into_iter().map(leak).collect(),
            });
        }
        responsibilities.push(Responsibility {
            id: leak(entry.id),
            name: leak(entry.name),
            area,
            horizon,
            core,
            seeds: entry.seeds.into_iter().map(leak).collect(),
            phrases,
            frames,
            has_levels: entry.levels,
            leading_verbs,
        });
    }
    Ok(CatalogData {
        sources,
        responsibilities,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_catalog_parses() {
        assert!(
            parse_catalog(CATALOG_TOML).is_ok(),
            "{:?}",
            parse_catalog(CATALOG_TOML).err()
        );
    }

    #[test]
    fn ids_are_unique_and_name_their_area() {
        for (index, entry) in CATALOG.iter().enumerate() {
            assert_eq!(index_of(entry.id), Some(index), "duplicate id {}", entry.id);
            assert!(entry.id.starts_with(&format!("{}.", entry.area.name())), "{}", entry.id);
            assert_eq!(
                entry.is_product_ownership(),
                !entry.seeds.is_empty(),
                "{}: product duties name their seed articles, neighbouring work none",
                entry.id
            );
            assert!(!entry.sources().is_empty(), "{} names no public source", entry.id);
            assert!(entry.sources().iter().all(|source| !source.is_empty()), "{}", entry.id);
        }
    }

    #[test]
    fn product_ownership_comes_first_and_neighbouring_work_is_never_core() {
        let first_neighbour = CATALOG.iter().position(|entry| !entry.is_product_ownership());
        let first_neighbour = first_neighbour.expect("the catalog has neighbouring work");
        assert!(
            CATALOG[first_neighbour..]
                .iter()
                .all(|entry| !entry.is_product_ownership())
        );
        assert!(
            CATALOG[first_neighbour..]
                .iter()
                .all(|entry| entry.core == CoreWhen::Never)
        );
    }

    #[test]
    fn core_responsibilities_have_at_least_six_aliases() {
        for entry in CATALOG.iter().filter(|entry| entry.core != CoreWhen::Never) {
            assert!(
                entry.aliases().count() >= 6,
                "{} has {} aliases",
                entry.id,
                entry.aliases().count()
            );
        }
    }

    #[test]
    fn an_unknown_key_or_source_in_the_catalog_file_is_refused() {
        let unknown_key = CATALOG_TOML.replacen("horizon = \"quarters\"", "horizon = \"quarters\"\nhorizn = 1", 1);
        assert!(parse_catalog(&unknown_key).is_err());
        let unknown_source = CATALOG_TOML.replacen("source = \"seeds\"", "source = \"nowhere\"", 1);
        assert!(parse_catalog(&unknown_source).is_err());
    }
}
