use crate::finding::Finding;
use crate::rules::Details;
use crate::rules::{declare_rule, join_words, org_finding, quoted};

declare_rule! {
    /// ## What it checks
    ///
    /// Whether a person owns responsibilities in more than `[lint]
    /// max_teams_per_person` teams (default 2). It runs only when several charters are
    /// checked together (`charterlint check org/`), since one file shows one team.
    ///
    /// ## Why it matters
    ///
    /// Ownership means being there when the decision is needed. A product person who is
    /// accountable in many teams at once is in none of them when it counts: backlog
    /// questions wait, priorities drift, and each team believes the duty is covered
    /// because a name is written next to it.
    ///
    /// ## How to fix it
    ///
    /// Give the person's duties in some teams to someone who works in them, or keep the
    /// person `consulted` there instead of accountable. If a central role really spans
    /// many teams, raise the threshold in the org-wide policy file.
    ///
    /// ## Example
    ///
    /// Three charters, each with:
    ///
    /// ```toml
    /// [[roles]]
    /// id = "po"
    /// title = "Product Owner"
    /// holders = ["Sam"]
    /// allocation = 0.3
    /// owns = ["backlog prioritization"]
    /// ```
    ///
    /// Fixed: each team gets its own product owner, and Sam stays consulted.
    ///
    /// ```toml
    /// consulted = ["backlog prioritization"]
    /// ```
    pub(crate) static SPREAD_TOO_THIN = {
        name: "spread-too-thin",
        category: Overload,
        severity: Warning,
        summary: "a person owns responsibilities in more teams than the limit",
        check: crate::rules::RuleCheck::Org(check),
    };
}

pub(super) fn check(view: &crate::rules::OrgView<'_>) -> Vec<Finding> {
    let (file_count, people) = (view.file_count, view.people);
    if file_count < 2 {
        return Vec::new();
    }
    let mut findings = Vec::new();
    for (person, teams) in people {
        let owning: Vec<_> = teams.iter().filter(|(_, team)| team.owned > 0).collect();
        let Some(&&(file, first)) = owning.first() else {
            continue;
        };
        let limit = file.policy.max_teams_per_person as usize;
        if owning.len() <= limit {
            continue;
        }
        let names: Vec<&str> = owning.iter().map(|(_, team)| &*team.team).collect();
        let finding = org_finding(
            &SPREAD_TOO_THIN,
            file,
            first.location.clone(),
            format!(
                "person `{person}` owns responsibilities in {} teams, more than the limit of {limit}: {}",
                owning.len(),
                join_words(&quoted(&names))
            ),
            Details {
                roles: owning
                    .iter()
                    .flat_map(|(_, team)| team.roles.iter().map(|(id, _)| id.clone()))
                    .collect(),
                people: vec![person.to_string()],
                help: Some("give the person's duties in some teams to someone who works in them, or keep them `consulted` there".to_string()),
                ..Details::default()
            },
        );
        findings.extend(finding);
    }
    findings
}
