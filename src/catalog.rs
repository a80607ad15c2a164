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
    /// Where the product goes and why: looks outward, quarters ahead.
    Strategy,
    /// What the team builds next: looks inward, this sprint and the next.
    Backlog,
    /// Whether what shipped worked for users and the business.
    Outcomes,
    /// How several delivery teams stay coordinated as one program.
    Delivery,
    /// Neighbouring work: how the team works (facilitation, impediments, improvement,
    /// coaching).
    Process,
    /// Neighbouring work: people management (hiring, growth, performance, staffing).
    People,
    /// Neighbouring work: building and running the product (architecture, code,
    /// quality, operations).
    Engineering,
    /// Neighbouring work: user experience and interface design.
    Design,
    /// Neighbouring work: analytics and data (dashboards, instrumentation, analysis).
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

    /// The lowercase name, which starts the id of every responsibility in the area
    /// (`strategy.vision`).
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

    /// Whether the product ownership rules count duties of this area.
    pub fn is_product_ownership(self) -> bool {
        Area::PRODUCT.contains(&self)
    }

    /// What the area covers, in one line, as `charterlint catalog` shows it.
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
    /// The kebab-case name the catalog file and `charterlint catalog` use
    /// (`after-release`).
    pub fn name(self) -> &'static str {
        match self {
            Horizon::Quarters => "quarters",
            Horizon::Sprints => "sprints",
            Horizon::AfterRelease => "after-release",
            Horizon::Program => "program",
            Horizon::Ongoing => "ongoing",
        }
    }
}

/// When a responsibility is core: a team that leaves it unowned fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CoreWhen {
    /// Core for every team.
    Always,
    /// Extended: recommended, never required by default.
    Never,
    /// Only for teams that work in sprints (scrum or safe).
    SprintMethodology,
    /// Only for programs of three or more delivery teams or with cross-team dependencies.
    MultiTeamDelivery,
}

impl CoreWhen {
    /// The condition in words, as `charterlint catalog` shows it.
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
    /// Stable identifier, `area.name` (`strategy.vision`): what charters, `[lint]` and
    /// reports use.
    pub id: &'static str,
    /// Readable lowercase name (`product vision`).
    pub name: &'static str,
    /// The area the responsibility belongs to, which says whether it is product
    /// ownership.
    pub area: Area,
    /// How far ahead the responsibility looks.
    pub horizon: Horizon,
    /// When the responsibility is core, before a charter's `[lint]` adjusts it.
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
    /// The source as the catalog names it (a key of `[sources]`).
    pub source: &'static str,
    /// The verbs as the catalog writes them, before normalization.
    pub verbs: Vec<&'static str>,
}

/// Phrases taken from one public source.
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseGroup {
    /// The source as the catalog names it (a key of `[sources]`).
    pub source: &'static str,
    /// The phrases as the catalog writes them, before normalization.
    pub aliases: Vec<&'static str>,
    /// The neighbouring responsibility (its text id) these phrases mean when the
    /// duty's owner is a specialist of its area: a Scrum Master's "sprint planning"
    /// is facilitation, a product owner's is sprint support.
    pub specialist_reading: Option<&'static str>,
    /// The product responsibility (its text id) these neighbouring phrases mean when
    /// the duty's owner has a product title: a product owner who runs sprint
    /// planning gives the team its part of it, sprint support.
    pub product_reading: Option<&'static str>,
}

/// A verb set and an object set: any verb with any object names the duty.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// The source as the catalog names it (a key of `[sources]`).
    pub source: &'static str,
    /// The frame's verbs as the catalog writes them, before normalization.
    pub verbs: Vec<&'static str>,
    /// The frame's objects as the catalog writes them (each may be several words).
    pub objects: Vec<&'static str>,
    /// As [`PhraseGroup::specialist_reading`], for every pair of the frame.
    pub specialist_reading: Option<&'static str>,
    /// As [`PhraseGroup::product_reading`], for every pair of the frame.
    pub product_reading: Option<&'static str>,
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

/// A responsibility of the catalog, by its place in [`CATALOG`]: what mappings, rules
/// and reports hold instead of the text id, so that an index of something else cannot
/// be taken for one. Code that names a responsibility uses the constants of [`id`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResponsibilityId(u16);

impl ResponsibilityId {
    /// The responsibility whose text id is `id` (`strategy.vision`), if the catalog has
    /// one.
    pub fn from_text(id: &str) -> Option<ResponsibilityId> {
        CATALOG
            .iter()
            .position(|entry| entry.id == id)
            .map(ResponsibilityId::at)
    }

    /// Every responsibility, in catalog order.
    pub fn all() -> impl ExactSizeIterator<Item = ResponsibilityId> {
        (0..CATALOG.len()).map(ResponsibilityId::at)
    }

    /// The catalog entry.
    pub fn entry(self) -> &'static Responsibility {
        &CATALOG[usize::from(self.0)]
    }

    /// The text id (`strategy.vision`).
    pub fn text(self) -> &'static str {
        self.entry().id
    }

    /// The place in catalog order, for tables that keep one slot per responsibility.
    pub(crate) fn index(self) -> usize {
        usize::from(self.0)
    }

    fn at(index: usize) -> ResponsibilityId {
        // build.rs refuses a catalog of more entries than u16 holds.
        ResponsibilityId(index as u16)
    }
}

/// Every responsibility with its entry, in catalog order.
pub fn entries() -> impl ExactSizeIterator<Item = (ResponsibilityId, &'static Responsibility)> {
    ResponsibilityId::all().map(|id| (id, id.entry()))
}

/// One value per responsibility of the catalog, looked up by [`ResponsibilityId`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerResponsibility<T>(Vec<T>);

impl<T: Clone> PerResponsibility<T> {
    /// `value` for every responsibility.
    pub fn filled(value: T) -> PerResponsibility<T> {
        PerResponsibility(vec![value; CATALOG.len()])
    }
}

impl<T> PerResponsibility<T> {
    /// A value for every responsibility, computed from it.
    pub fn from_fn(mut value: impl FnMut(ResponsibilityId) -> T) -> PerResponsibility<T> {
        PerResponsibility(ResponsibilityId::all().map(&mut value).collect())
    }

    /// Each responsibility with its value, in catalog order.
    pub fn iter(&self) -> impl Iterator<Item = (ResponsibilityId, &T)> {
        self.0
            .iter()
            .enumerate()
            .map(|(index, value)| (ResponsibilityId::at(index), value))
    }

    /// The values, in catalog order, owned.
    pub fn into_values(self) -> Vec<T> {
        self.0
    }
}

impl<T> std::ops::Index<ResponsibilityId> for PerResponsibility<T> {
    type Output = T;

    fn index(&self, id: ResponsibilityId) -> &T {
        &self.0[id.index()]
    }
}

impl<T> std::ops::IndexMut<ResponsibilityId> for PerResponsibility<T> {
    fn index_mut(&mut self, id: ResponsibilityId) -> &mut T {
        &mut self.0[id.index()]
    }
}

struct CatalogData {
    sources: Vec<(&'static str, &'static str)>,
    responsibilities: Vec<Responsibility>,
}

// `generated_catalog()`: `catalog/catalog.toml` as Rust, written by `build.rs`, which
// refuses an invalid file with its reason (an unknown area, horizon, core condition
// or source, a repeated id, a key serde does not know).
include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// Every responsibility, in catalog order: product ownership first, then the
/// neighbouring work.
pub static CATALOG: std::sync::LazyLock<&'static [Responsibility]> =
    std::sync::LazyLock::new(|| &CATALOG_DATA.responsibilities);

static CATALOG_DATA: std::sync::LazyLock<CatalogData> = std::sync::LazyLock::new(generated_catalog);

mod titles;
pub use titles::{Trade, specialist_area, title_trade};

// The tests read only part of the file format, the build script all of it.
#[cfg(test)]
#[allow(dead_code)]
mod file;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_name_their_area() {
        for (index, entry) in CATALOG.iter().enumerate() {
            assert_eq!(
                ResponsibilityId::from_text(entry.id).map(ResponsibilityId::index),
                Some(index),
                "duplicate id {}",
                entry.id
            );
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

    const CATALOG_TOML: &str = include_str!("../catalog/catalog.toml");

    #[test]
    fn the_catalog_file_passes_the_checks_of_the_build() {
        let parsed = file::parse(CATALOG_TOML).expect("valid");
        assert_eq!(parsed.responsibility.len(), CATALOG.len());
    }

    #[test]
    fn the_build_knows_every_area() {
        assert_eq!(file::AREAS, Area::ALL.map(Area::name));
        assert_eq!(file::PRODUCT_AREAS, Area::PRODUCT.map(Area::name));
    }

    #[test]
    fn a_broken_catalog_file_is_refused_with_its_reason() {
        let broken = [
            (
                "horizon = \"quarters\"",
                "horizon = \"quarters\"\nhorizn = 1",
                "unknown field `horizn`",
            ),
            ("source = \"seeds\"", "source = \"nowhere\"", "unknown source `nowhere`"),
            (
                "area = \"strategy\"",
                "area = \"strategic\"",
                "unknown area `strategic`",
            ),
            (
                "core = \"always\"",
                "core = \"sometimes\"",
                "unknown core condition `sometimes`",
            ),
            (
                "id = \"strategy.roadmap\"",
                "id = \"strategy.vision\"",
                "`strategy.vision` appears twice",
            ),
            (
                "specialist_reading = \"process.impediments\"",
                "specialist_reading = \"process.unblocking\"",
                "unknown specialist reading `process.unblocking`",
            ),
            (
                "specialist_reading = \"process.impediments\"",
                "specialist_reading = \"backlog.refinement\"",
                "turns a product responsibility's words into another responsibility's neighbouring work",
            ),
            (
                "product_reading = \"backlog.sprint-support\"",
                "product_reading = \"backlog.sprint-suport\"",
                "unknown product reading `backlog.sprint-suport`",
            ),
            (
                "product_reading = \"backlog.sprint-support\"",
                "product_reading = \"process.coaching\"",
                "turns a neighbouring responsibility's words into product ownership work",
            ),
        ];
        for (from, to, reason) in broken {
            let text = CATALOG_TOML.replacen(from, to, 1);
            let error = file::parse(&text).err().unwrap_or_default();
            assert!(error.contains(reason), "{to}: {error}");
        }
    }
}
