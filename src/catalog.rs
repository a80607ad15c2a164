//! The responsibility catalog: every product ownership duty charterlint knows, as data.
//!
//! Each entry names its area and horizon, when it is core (its absence is an error),
//! the plain phrases teams use for it, and the seed articles that justify it.

use crate::charter::Methodology;

/// The four product ownership areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Area {
    Strategy,
    Backlog,
    Outcomes,
    Delivery,
}

impl Area {
    pub const ALL: [Area; 4] = [Area::Strategy, Area::Backlog, Area::Outcomes, Area::Delivery];

    pub fn name(self) -> &'static str {
        match self {
            Area::Strategy => "strategy",
            Area::Backlog => "backlog",
            Area::Outcomes => "outcomes",
            Area::Delivery => "delivery",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Area::Strategy => "where the product goes and why: looks outward, quarters ahead",
            Area::Backlog => "what the team builds next: looks inward, this sprint and the next",
            Area::Outcomes => "whether what shipped worked for users and the business",
            Area::Delivery => "how several delivery teams stay coordinated as one program",
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
}

impl Horizon {
    pub fn name(self) -> &'static str {
        match self {
            Horizon::Quarters => "quarters",
            Horizon::Sprints => "sprints",
            Horizon::AfterRelease => "after-release",
            Horizon::Program => "program",
        }
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
    pub fn describe(self) -> &'static str {
        match self {
            CoreWhen::Always => "always",
            CoreWhen::Never => "never (extended)",
            CoreWhen::SprintMethodology => "methodology is scrum or safe",
            CoreWhen::MultiTeamDelivery => "delivery_teams >= 3 or cross_team_dependencies",
        }
    }

    /// Whether the team's shape makes the responsibility core (before `[lint]` adjusts it).
    pub fn holds_for(self, methodology: Methodology, delivery_teams: u32, cross_team: bool) -> bool {
        match self {
            CoreWhen::Always => true,
            CoreWhen::Never => false,
            CoreWhen::SprintMethodology => methodology.has_sprints(),
            CoreWhen::MultiTeamDelivery => delivery_teams >= 3 || cross_team,
        }
    }
}

/// One product ownership duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Responsibility {
    pub id: &'static str,
    pub name: &'static str,
    pub area: Area,
    pub horizon: Horizon,
    pub core: CoreWhen,
    /// The seed articles (by number) that describe this duty.
    pub seeds: &'static [&'static str],
    /// Plain phrases teams write for this duty, matched after normalization.
    pub aliases: &'static [&'static str],
}

/// Index of a responsibility in [`CATALOG`].
pub fn index_of(id: &str) -> Option<usize> {
    CATALOG.iter().position(|entry| entry.id == id)
}

pub static CATALOG: &[Responsibility] = &[
    Responsibility {
        id: "strategy.vision",
        name: "product vision",
        area: Area::Strategy,
        horizon: Horizon::Quarters,
        core: CoreWhen::Always,
        seeds: &["000", "003"],
        aliases: &[
            "product vision",
            "vision",
            "setting the product vision",
            "defining the product vision",
            "owning the vision",
            "vision and mission",
            "north star",
            "where the product is going",
            "product direction",
            "long term direction",
            "voice of the product",
        ],
    },
    Responsibility {
        id: "strategy.product-strategy",
        name: "product strategy",
        area: Area::Strategy,
        horizon: Horizon::Quarters,
        core: CoreWhen::Never,
        seeds: &["000", "001", "003"],
        aliases: &[
            "product strategy",
            "strategy",
            "strategic bets",
            "what bets to make",
            "how to win in the market",
            "business strategy",
            "competitive positioning",
            "strategic planning",
        ],
    },
    Responsibility {
        id: "strategy.roadmap",
        name: "roadmap",
        area: Area::Strategy,
        horizon: Horizon::Quarters,
        core: CoreWhen::Always,
        seeds: &["000", "001", "003", "004"],
        aliases: &[
            "roadmap",
            "product roadmap",
            "owning the roadmap",
            "roadmap direction",
            "roadmap planning",
            "strategic roadmap",
            "quarterly planning",
            "sequencing priorities across quarters",
            "long term planning",
            "outcome based roadmap",
        ],
    },
    Responsibility {
        id: "strategy.discovery",
        name: "discovery and market understanding",
        area: Area::Strategy,
        horizon: Horizon::Quarters,
        core: CoreWhen::Always,
        seeds: &["000", "001", "003", "004"],
        aliases: &[
            "discovery",
            "product discovery",
            "market research",
            "user research",
            "customer research",
            "customer interviews",
            "user interviews",
            "competitive analysis",
            "competitor analysis",
            "watching competitors",
            "market trends",
            "understanding the market",
            "customer understanding",
            "customer feedback",
            "market requirements",
            "identifying customer problems",
        ],
    },
    Responsibility {
        id: "strategy.alignment",
        name: "cross-functional alignment",
        area: Area::Strategy,
        horizon: Horizon::Quarters,
        core: CoreWhen::Never,
        seeds: &["000", "003"],
        aliases: &[
            "cross functional alignment",
            "stakeholder alignment",
            "stakeholder management",
            "aligning teams",
            "aligning cross functional teams",
            "communicating with stakeholders",
            "leadership updates",
            "executive communication",
        ],
    },
    Responsibility {
        id: "strategy.go-to-market",
        name: "go-to-market",
        area: Area::Strategy,
        horizon: Horizon::Quarters,
        core: CoreWhen::Never,
        seeds: &["003"],
        aliases: &[
            "go to market",
            "gtm",
            "product launch",
            "launch planning",
            "launches",
            "pricing and packaging",
            "sales enablement",
            "product marketing",
        ],
    },
    Responsibility {
        id: "backlog.prioritization",
        name: "backlog prioritization",
        area: Area::Backlog,
        horizon: Horizon::Sprints,
        core: CoreWhen::Always,
        seeds: &["000", "001", "003", "004"],
        aliases: &[
            "backlog prioritization",
            "prioritizing the backlog",
            "backlog",
            "product backlog",
            "backlog management",
            "managing the backlog",
            "owning the backlog",
            "backlog ordering",
            "ordering the backlog",
            "priority decisions",
            "prioritization",
            "deciding what comes next",
            "backlog owner",
        ],
    },
    Responsibility {
        id: "backlog.refinement",
        name: "backlog refinement",
        area: Area::Backlog,
        horizon: Horizon::Sprints,
        core: CoreWhen::Always,
        seeds: &["000", "002", "003"],
        aliases: &[
            "backlog refinement",
            "refinement",
            "backlog grooming",
            "grooming",
            "user stories",
            "writing user stories",
            "story writing",
            "story clarity",
            "user story clarity",
            "definition of ready",
            "readiness",
            "backlog quality",
            "requirements",
            "story splitting",
            "breaking down work",
        ],
    },
    Responsibility {
        id: "backlog.sprint-support",
        name: "sprint support",
        area: Area::Backlog,
        horizon: Horizon::Sprints,
        core: CoreWhen::SprintMethodology,
        seeds: &["000", "003", "004"],
        aliases: &[
            "sprint support",
            "sprint planning",
            "available mid sprint",
            "availability mid sprint",
            "answering team questions",
            "unblocking the team",
            "unblocking engineers",
            "keeping the team unblocked",
            "sprint execution",
            "sprint ceremonies",
            "agile ceremonies",
        ],
    },
    Responsibility {
        id: "backlog.acceptance",
        name: "acceptance of work",
        area: Area::Backlog,
        horizon: Horizon::Sprints,
        core: CoreWhen::Always,
        seeds: &["001", "003", "004"],
        aliases: &[
            "acceptance",
            "accepting or rejecting work",
            "accepting work",
            "acceptance criteria",
            "accepting completed work",
            "sign off on stories",
            "story acceptance",
            "reviewing completed work",
            "sprint review acceptance",
        ],
    },
    Responsibility {
        id: "backlog.stakeholder-translation",
        name: "stakeholder translation",
        area: Area::Backlog,
        horizon: Horizon::Sprints,
        core: CoreWhen::Never,
        seeds: &["000", "003"],
        aliases: &[
            "stakeholder translation",
            "stakeholder coordination",
            "translating business needs",
            "translating business needs into work",
            "translating strategy into tasks",
            "representing the stakeholder",
            "business requirements",
        ],
    },
    Responsibility {
        id: "outcomes.success-metrics",
        name: "success metrics",
        area: Area::Outcomes,
        horizon: Horizon::AfterRelease,
        core: CoreWhen::Always,
        seeds: &["000", "003"],
        aliases: &[
            "success metrics",
            "defining success",
            "defining success metrics",
            "measuring success",
            "kpis",
            "kpi",
            "okrs",
            "okr",
            "objectives and key results",
            "product metrics",
            "north star metric",
            "product analytics",
            "measuring product performance",
        ],
    },
    Responsibility {
        id: "outcomes.business-outcomes",
        name: "business outcomes",
        area: Area::Outcomes,
        horizon: Horizon::AfterRelease,
        core: CoreWhen::Always,
        seeds: &["000", "003"],
        aliases: &[
            "business outcomes",
            "business results",
            "commercial outcomes",
            "adoption",
            "retention",
            "engagement",
            "customer satisfaction",
            "customer lifetime value",
            "revenue",
            "business value",
            "product success",
            "moving the needle",
        ],
    },
    Responsibility {
        id: "outcomes.delivery-outcomes",
        name: "delivery outcomes",
        area: Area::Outcomes,
        horizon: Horizon::Sprints,
        core: CoreWhen::SprintMethodology,
        seeds: &["000", "003"],
        aliases: &[
            "delivery outcomes",
            "sprint goals",
            "sprint goal",
            "velocity",
            "team velocity",
            "delivery clarity",
            "delivery predictability",
            "meeting sprint commitments",
        ],
    },
    Responsibility {
        id: "outcomes.user-value",
        name: "user value",
        area: Area::Outcomes,
        horizon: Horizon::AfterRelease,
        core: CoreWhen::Never,
        seeds: &["000", "003"],
        aliases: &[
            "user value",
            "customer value",
            "value to users",
            "delivering real value to users",
            "user outcomes",
            "user satisfaction",
            "whether the product works for users",
            "product advocate",
        ],
    },
    Responsibility {
        id: "delivery.governance",
        name: "delivery governance",
        area: Area::Delivery,
        horizon: Horizon::Program,
        core: CoreWhen::MultiTeamDelivery,
        seeds: &["001"],
        aliases: &[
            "delivery governance",
            "cross team dependencies",
            "dependency management",
            "managing dependencies",
            "delivery program",
            "program management",
            "project management",
            "release train",
            "release coordination",
            "pi planning",
            "program increment planning",
            "cross team coordination",
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_name_their_area() {
        for (index, entry) in CATALOG.iter().enumerate() {
            assert_eq!(index_of(entry.id), Some(index), "duplicate id {}", entry.id);
            assert!(entry.id.starts_with(&format!("{}.", entry.area.name())), "{}", entry.id);
            assert!(!entry.seeds.is_empty(), "{} names no seed", entry.id);
        }
    }

    #[test]
    fn core_responsibilities_have_at_least_six_aliases() {
        for entry in CATALOG.iter().filter(|entry| entry.core != CoreWhen::Never) {
            assert!(
                entry.aliases.len() >= 6,
                "{} has {} aliases",
                entry.id,
                entry.aliases.len()
            );
        }
    }
}
