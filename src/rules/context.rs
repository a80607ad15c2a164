//! What a rule sees and how it reports: the mapped charter ([`TeamView`]), the
//! finding collector ([`Sink`]) and what each checked team brings to the org-wide
//! rules ([`CheckedFile`]). The orchestrator in `lint` builds these and runs the
//! rules; the rules never reach back into it.

use std::collections::BTreeMap;

use crate::catalog::{Area, PerResponsibility, ResponsibilityId, Trade};
use crate::charter::{Charter, LoadedCharter, Raci, Role, Spanned};
use crate::finding::{Finding, Location, Severity};
use crate::mapping::{BacklogLevel, DutyMapping, Mapper};
use crate::policy::ResolvedPolicy;
use crate::rules::Rule;
use crate::source::{SourceFile, Span};

/// A role of the charter being checked, by its place among the charter's roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RoleIndex(usize);

impl RoleIndex {
    /// The place among the charter's roles, for tables that keep one slot per role.
    pub fn index(self) -> usize {
        self.0
    }
}

/// A duty of a [`TeamView`], by its place in [`TeamView::duties`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DutyIndex(usize);

/// One duty string of one role, with what it mapped to. A duty that names several
/// responsibilities is one `MappedDuty` per responsibility.
#[derive(Debug, Clone)]
pub struct MappedDuty<'a> {
    /// The duty's role.
    pub role: RoleIndex,
    /// Which of the role's lists holds the duty.
    pub raci: Raci,
    /// The duty as the charter writes it, with its span.
    pub text: &'a Spanned<String>,
    /// What the duty mapped to; a duty that names several responsibilities has one
    /// `Mapped` per part instead of `Several`.
    pub mapping: DutyMapping,
    /// The backlog level the duty names, for responsibilities with levels.
    pub level: Option<BacklogLevel>,
}

impl MappedDuty<'_> {
    /// The responsibility, when the duty maps to exactly one.
    pub fn responsibility(&self) -> Option<ResponsibilityId> {
        self.mapping.responsibility()
    }

    /// Why the duty mapped, when it did.
    pub fn reason(&self) -> Option<&crate::mapping::MatchReason> {
        match &self.mapping {
            DutyMapping::Mapped { reason, .. } => Some(reason),
            _ => None,
        }
    }
}

/// Roles with at most this many holders find a holder's span by looking through
/// them; larger ones (a charter may list thousands) through a map.
const LINEAR_HOLDERS: usize = 8;

/// A charter with every duty mapped and ownership indexed, as the rules see it.
pub struct TeamView<'a> {
    /// The charter being checked.
    pub charter: &'a Charter,
    /// The charter's file, which findings locate themselves in.
    pub source: &'a SourceFile,
    /// The policy in force for the charter.
    pub policy: &'a ResolvedPolicy,
    /// Every duty of every role, in file order.
    pub duties: Vec<MappedDuty<'a>>,
    /// Per catalog entry: the `owns` duties of roles with holders.
    pub owners: PerResponsibility<Vec<DutyIndex>>,
    /// Per catalog entry: the `owns` duties of vacant roles.
    pub vacant_owners: PerResponsibility<Vec<DutyIndex>>,
    /// Per person: the roles they hold, in file order.
    pub people: BTreeMap<&'a str, Vec<RoleIndex>>,
    /// Per role: the product ownership entries it owns (whether or not it is vacant), sorted.
    owned_by_role: Vec<Vec<ResponsibilityId>>,
    /// Per role: the backlog entries it owns at team level (or without a level), sorted:
    /// a program-level backlog (SAFe's ART backlog) belongs with product management.
    team_backlog_by_role: Vec<Vec<ResponsibilityId>>,
    /// Per person: the product ownership entries they own through all their roles, sorted.
    owned_by_person: BTreeMap<&'a str, Vec<ResponsibilityId>>,
    /// Per (role, person) of roles with many holders: where the person's name stands
    /// in the role's holders.
    holder_spans: rustc_hash::FxHashMap<(RoleIndex, &'a str), Span>,
    /// Per role: the trade its title names (catalog/specialist-titles.txt).
    trades: Vec<Option<Trade>>,
}

impl<'a> TeamView<'a> {
    /// Maps every duty of the charter with `mapper` and indexes who owns what.
    pub fn new(loaded: &'a LoadedCharter, policy: &'a ResolvedPolicy, mapper: &Mapper) -> Self {
        let charter = &loaded.charter;
        let duty_count = charter
            .roles
            .iter()
            .map(|role| role.duty_lists().iter().map(|(_, list)| list.len()).sum::<usize>())
            .sum();
        let mut duties = Vec::with_capacity(duty_count);
        let mut owners = PerResponsibility::filled(Vec::new());
        let mut vacant_owners = PerResponsibility::filled(Vec::new());
        let mut people: BTreeMap<&str, Vec<RoleIndex>> = BTreeMap::new();
        let mut holder_spans = rustc_hash::FxHashMap::default();
        let trades: Vec<Option<Trade>> = charter
            .roles
            .iter()
            .map(|role| crate::catalog::title_trade(&role.title.value))
            .collect();
        for (role_index, role) in charter.roles.iter().enumerate() {
            let role_index = RoleIndex(role_index);
            let indexed = role.holders.len() > LINEAR_HOLDERS;
            for holder in &role.holders {
                if indexed {
                    holder_spans.insert((role_index, holder.value.as_str()), holder.span.clone());
                }
                let roles = people.entry(holder.value.as_str()).or_default();
                if roles.last() != Some(&role_index) {
                    roles.push(role_index);
                }
            }
            let trade = trades[role_index.0];
            for (raci, list) in role.duty_lists() {
                for text in list {
                    // A duty that names several responsibilities counts once for each.
                    let (mapped, duty_level) = mapper.map_in_trade(&text.value, trade);
                    let (mut whole, mut parts) = (None, Vec::new());
                    match mapped {
                        DutyMapping::Several { parts: several, .. } => {
                            parts = several
                                .into_iter()
                                .map(|part| DutyMapping::Mapped {
                                    responsibility: part.responsibility,
                                    reason: part.reason,
                                })
                                .collect();
                        }
                        mapping => whole = Some(mapping),
                    }
                    for mapping in whole.into_iter().chain(parts) {
                        if raci == Raci::Accountable
                            && let Some(responsibility) = mapping.responsibility()
                        {
                            let index = DutyIndex(duties.len());
                            if role.is_vacant() {
                                vacant_owners[responsibility].push(index);
                            } else {
                                owners[responsibility].push(index);
                            }
                        }
                        let level = mapping
                            .responsibility()
                            .filter(|&responsibility| responsibility.entry().has_levels)
                            .and(duty_level);
                        duties.push(MappedDuty {
                            role: role_index,
                            raci,
                            text,
                            mapping,
                            level,
                        });
                    }
                }
            }
        }
        // Loads and area counts are about product ownership: a role that also owns
        // code review or hiring carries no more of the product for it.
        let mut owned_by_role = vec![Vec::new(); charter.roles.len()];
        let mut team_backlog_by_role = vec![Vec::new(); charter.roles.len()];
        for duty in &duties {
            if duty.raci == Raci::Accountable
                && let Some(responsibility) = duty.responsibility()
                && responsibility.entry().is_product_ownership()
            {
                owned_by_role[duty.role.0].push(responsibility);
                if responsibility.entry().area == Area::Backlog && duty.level != Some(BacklogLevel::Program) {
                    team_backlog_by_role[duty.role.0].push(responsibility);
                }
            }
        }
        for owned in owned_by_role.iter_mut().chain(&mut team_backlog_by_role) {
            owned.sort_unstable();
            owned.dedup();
        }
        let owned_by_person = people
            .iter()
            .map(|(&person, roles)| {
                let mut owned: Vec<ResponsibilityId> = roles
                    .iter()
                    .flat_map(|&role| owned_by_role[role.0].iter().copied())
                    .collect();
                owned.sort_unstable();
                owned.dedup();
                (person, owned)
            })
            .collect();
        TeamView {
            charter,
            source: &loaded.source,
            policy,
            duties,
            owners,
            vacant_owners,
            people,
            owned_by_role,
            team_backlog_by_role,
            owned_by_person,
            holder_spans,
            trades,
        }
    }

    /// The trade a role's title names, `None` for a title the list does not know.
    pub fn trade(&self, role: RoleIndex) -> Option<Trade> {
        self.trades[role.0]
    }

    /// The neighbouring area a role's title names, `None` for product titles and
    /// titles the list does not know.
    pub fn specialist_area(&self, role: RoleIndex) -> Option<Area> {
        self.trades[role.0]?.specialist_area()
    }

    /// A role of the charter.
    pub fn role(&self, role: RoleIndex) -> &'a Role {
        &self.charter.roles[role.0]
    }

    /// Every role of the charter, in file order.
    pub fn roles(&self) -> impl Iterator<Item = (RoleIndex, &'a Role)> {
        self.charter
            .roles
            .iter()
            .enumerate()
            .map(|(index, role)| (RoleIndex(index), role))
    }

    /// A duty of the team.
    pub fn duty(&self, duty: DutyIndex) -> &MappedDuty<'a> {
        &self.duties[duty.0]
    }

    /// The team's name, from the charter.
    pub fn team_name(&self) -> &'a str {
        &self.charter.team.name.value
    }

    /// The product ownership entries a person owns in this team, sorted.
    pub fn owned_by(&self, person: &str) -> &[ResponsibilityId] {
        self.owned_by_person.get(person).map_or(&[][..], Vec::as_slice)
    }

    /// The product ownership entries a role owns (whether or not it is vacant), sorted.
    pub fn owned_by_role(&self, role: RoleIndex) -> &[ResponsibilityId] {
        &self.owned_by_role[role.0]
    }

    /// The backlog entries a role owns at team level or without a level, sorted.
    pub fn team_backlog_of_role(&self, role: RoleIndex) -> &[ResponsibilityId] {
        &self.team_backlog_by_role[role.0]
    }

    /// Whether any role with holders owns something in the area.
    pub fn area_is_owned(&self, area: Area) -> bool {
        self.owners
            .iter()
            .any(|(responsibility, owners)| responsibility.entry().area == area && !owners.is_empty())
    }

    /// The span of the first role of a person, at their name in `holders`.
    pub fn holder_span(&self, person: &str, role: RoleIndex) -> Span {
        let holders = &self.role(role).holders;
        let found = if holders.len() > LINEAR_HOLDERS {
            self.holder_spans.get(&(role, person))
        } else {
            holders
                .iter()
                .find(|holder| holder.value == person)
                .map(|holder| &holder.span)
        };
        found.map_or_else(|| self.role(role).id.span.clone(), Clone::clone)
    }
}

/// Extra facts a finding carries besides its message and place.
#[derive(Debug, Clone, Default)]
pub struct Details {
    /// The responsibility the finding is about, if any.
    pub responsibility: Option<ResponsibilityId>,
    /// The role ids the finding is about.
    pub roles: Vec<String>,
    /// The people the finding is about.
    pub people: Vec<String>,
    /// How to fix it.
    pub help: Option<String>,
    /// A severity that replaces the rule's default (before policy overrides).
    pub severity: Option<Severity>,
}

/// Collects the findings of the rules run on one charter.
pub struct Sink<'a> {
    source: &'a SourceFile,
    policy: &'a ResolvedPolicy,
    team: &'a str,
    /// The findings reported so far, in the order reported.
    pub findings: Vec<Finding>,
}

impl<'a> Sink<'a> {
    /// A sink for the findings on the charter in `source`, judged by `policy`, about
    /// `team`.
    pub fn new(source: &'a SourceFile, policy: &'a ResolvedPolicy, team: &'a str) -> Self {
        Sink {
            source,
            policy,
            team,
            findings: Vec::new(),
        }
    }

    /// Adds a finding of `rule` at `span`, at the severity the policy gives it; nothing
    /// when the rule is off.
    pub fn report(&mut self, rule: &Rule, span: &Span, message: String, details: Details) {
        let source = self.source;
        let finding = crate::rules::policy_finding(
            rule,
            self.policy,
            self.team,
            || Location::new(source, span),
            message,
            details,
        );
        self.findings.extend(finding);
    }
}

/// What one person brings to the org-wide rules from one team.
#[derive(Debug, Clone)]
pub struct PersonInTeam {
    /// The team's name.
    pub team: std::sync::Arc<str>,
    /// The charter's path.
    pub path: std::sync::Arc<str>,
    /// (role id, allocation) of each role held.
    pub roles: Vec<(String, f64)>,
    /// Distinct responsibilities owned in this team.
    pub owned: usize,
    /// Where a finding about this person points: their name in their first role.
    pub location: Location,
}

/// The result of checking one charter on its own.
#[derive(Debug, Clone)]
pub struct CheckedFile {
    /// The charter's path, as the run names it.
    pub path: std::sync::Arc<str>,
    /// The team's name, from the charter.
    pub team: String,
    /// How many roles the charter lists.
    pub role_count: usize,
    /// The policy in force for the charter.
    pub policy: ResolvedPolicy,
    /// The findings of the rules on this charter alone; `lint::finish` moves them into
    /// the run's list, leaving this empty.
    pub findings: Vec<Finding>,
    /// Per person, by name: what they bring to the org-wide rules.
    pub people: BTreeMap<String, PersonInTeam>,
    /// The coverage matrix, when the report shows it.
    pub coverage: Option<crate::coverage::Coverage>,
}
