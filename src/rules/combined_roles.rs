use crate::catalog::{Area, ResponsibilityId};
use crate::finding::Severity;
use crate::rules::{Details, RoleIndex, Sink, TeamView};
use crate::rules::{declare_rule, join_words, quoted};

declare_rule! {
    /// ## What it checks
    ///
    /// Whether one person owns responsibilities in both the strategy area (vision,
    /// roadmap, discovery, …) and the backlog area (prioritization, refinement,
    /// acceptance, …), through one role or several.
    ///
    /// The finding is `info` for a team of one delivery team and a `warning` from
    /// `[lint] combined_roles_warn_at` delivery teams on (default 2).
    ///
    /// Backlog duties that name the program level (an ART, program or solution
    /// backlog, features) are not counted: in a scaled framework such as SAFe that
    /// level belongs with product management, while product owners hold the team
    /// backlogs.
    ///
    /// ## Why it matters
    ///
    /// In a startup or a single small team, one product person carrying both the
    /// strategy and the backlog is normal and often healthy: one voice, no hand-offs.
    /// It stops working as the team grows. Strategy rewards long stretches of thinking
    /// about the market months ahead; the backlog rewards being interruptible all day
    /// for the questions of the sprint in progress. Each grows with the number of
    /// delivery teams, and one calendar cannot hold both for long. What usually gives
    /// is the long-range work, quietly, while the person wears themselves down
    /// switching between the two.
    ///
    /// ## How to fix it
    ///
    /// At one delivery team: nothing to fix; make the expectation explicit, and keep
    /// the note in mind when the team grows. From two delivery teams on: give the
    /// backlog duties to a product owner (one per delivery team, with `scope`), and
    /// keep the product manager on strategy and outcomes. If the combination is a
    /// deliberate, temporary choice, record it:
    /// `[[lint.accept]] rule = "combined-roles", target = "<person>", reason = "…", until = "…"`.
    ///
    /// ## Example
    ///
    /// ```toml
    /// [team]
    /// name = "Payments"
    /// delivery_teams = 4
    ///
    /// [[roles]]
    /// id = "pm"
    /// title = "Product Manager"
    /// holders = ["Dana"]
    /// owns = ["product vision", "roadmap", "backlog prioritization", "acceptance"]
    /// # Dana carries strategy and the backlog of four teams: a warning
    /// ```
    ///
    /// Fixed: the backlog moves to product owners, one per delivery team.
    ///
    /// ```toml
    /// [[roles]]
    /// id = "po-cards"
    /// title = "Product Owner"
    /// holders = ["Sam"]
    /// scope = "cards"
    /// owns = ["backlog prioritization", "acceptance"]
    /// ```
    pub(crate) static COMBINED_ROLES = {
        name: "combined-roles",
        category: Overload,
        severity: Info,
        severity_note: "info/warning",
        summary: "one person owns both strategy and backlog responsibilities",
        check: crate::rules::RuleCheck::Team(check),
    };
}

pub(super) fn check(view: &TeamView<'_>, sink: &mut Sink<'_>) {
    let delivery_teams = view.charter.team.delivery_teams;
    let warn_at = view.policy.combined_roles_warn_at;
    for (&person, roles) in &view.people {
        let owned = view.owned_by(person);
        let count = |area: Area| owned.iter().filter(|&&index| index.entry().area == area).count();
        let strategy = count(Area::Strategy);
        // A program-level backlog (SAFe's ART backlog of features) belongs with
        // product management; only team-level backlog work combines the two roles.
        let mut team_backlog: Vec<ResponsibilityId> = roles
            .iter()
            .flat_map(|&role| view.team_backlog_of_role(role).iter().copied())
            .collect();
        team_backlog.sort_unstable();
        team_backlog.dedup();
        let backlog = team_backlog.len();
        if strategy == 0 || backlog == 0 {
            continue;
        }
        let owning_roles: Vec<RoleIndex> = roles
            .iter()
            .copied()
            .filter(|&role| !view.owned_by_role(role).is_empty())
            .collect();
        let anchor = owning_roles
            .iter()
            .copied()
            .find(|&role| !view.team_backlog_of_role(role).is_empty())
            .unwrap_or(roles[0]);
        let role_ids: Vec<&str> = owning_roles
            .iter()
            .map(|&role| view.role(role).id.value.as_str())
            .collect();
        let warning = delivery_teams >= warn_at;
        let teams = crate::wording::plural(delivery_teams as usize, "delivery team");
        let help = if warning {
            format!(
                "at {teams}, strategy and the backlogs are more than one person can own: give the backlog to a product owner per delivery team (with `scope`), or accept the risk in `[[lint.accept]]`"
            )
        } else {
            format!(
                "fine for one small team; make the expectation explicit, and split the roles before the team reaches {warn_at} delivery teams"
            )
        };
        sink.report(
            &COMBINED_ROLES,
            &view.holder_span(person, anchor),
            format!(
                "person `{person}` owns both strategy ({strategy}) and backlog ({backlog}) responsibilities through {} {} in team `{}` of {teams}",
                crate::wording::noun(role_ids.len(), "role"),
                join_words(&quoted(&role_ids)),
                view.team_name(),
            ),
            Details {
                roles: role_ids.iter().map(|id| id.to_string()).collect(),
                people: vec![person.to_string()],
                help: Some(help),
                severity: Some(if warning { Severity::Warning } else { Severity::Info }),
                ..Details::default()
            },
        );
    }
}
