use crate::finding::Finding;
use crate::rules::Details;
use crate::rules::{declare_rule, join_words, org_finding};

declare_rule! {
    /// ## What it checks
    ///
    /// Whether the `allocation` of every role a person holds adds up to more than 1.0,
    /// their whole time. A role without `allocation` takes all of it (1.0). When several
    /// charters are checked together, the sum runs across every team, and the message
    /// names each one.
    ///
    /// ## Why it matters
    ///
    /// A charter that gives one person all of a product manager role and all of a
    /// product owner role describes two jobs and one salary. Something gives,
    /// and it is usually the duty with the longest horizon: discovery and strategy slip
    /// while the sprint keeps asking questions. The same happens, less visibly, when a
    /// person is spread over several teams' charters.
    ///
    /// ## How to fix it
    ///
    /// Set `allocation` on each role to the share of time it really gets, so the shares
    /// add up to at most 1.0, or give one of the roles to someone else. If one role
    /// genuinely absorbs the other, merge them into one role.
    ///
    /// ## Example
    ///
    /// ```toml
    /// [[roles]]
    /// id = "pm"
    /// title = "Product Manager"
    /// holders = ["Dana"]
    /// owns = ["product vision", "roadmap"]
    ///
    /// [[roles]]
    /// id = "po"
    /// title = "Product Owner"
    /// holders = ["Dana"]          # 1.0 + 1.0: over-allocated
    /// owns = ["backlog prioritization"]
    /// ```
    ///
    /// Fixed:
    ///
    /// ```toml
    /// allocation = 0.6   # on pm
    /// allocation = 0.4   # on po
    /// ```
    pub(crate) static OVER_ALLOCATED = {
        name: "over-allocated",
        category: Overload,
        severity: Warning,
        summary: "a person's allocations add up to more than 1.0",
        check: crate::rules::RuleCheck::Org(check),
    };
}

pub(super) fn check(view: &crate::rules::OrgView<'_>) -> Vec<Finding> {
    let people = view.people;
    let mut findings = Vec::new();
    for (person, teams) in people {
        let total: f64 = teams
            .iter()
            .flat_map(|(_, team)| team.roles.iter())
            .map(|(_, share)| share)
            .sum();
        if total <= 1.0 + 1e-9 {
            continue;
        }
        let roles_of = |team: &crate::rules::PersonInTeam| {
            join_words(
                &team
                    .roles
                    .iter()
                    .map(|(id, share)| format!("`{id}` ({})", crate::finding::share_text(*share)))
                    .collect::<Vec<_>>(),
            )
        };
        let spread = if teams.len() == 1 {
            let role_count = teams[0].1.roles.len();
            format!(
                " across {} {}",
                crate::wording::noun(role_count, "role"),
                roles_of(teams[0].1)
            )
        } else {
            let parts: Vec<String> = teams
                .iter()
                .map(|(_, team)| format!("team `{}`: {}", team.team, roles_of(team)))
                .collect();
            format!(" across teams: {}", parts.join("; "))
        };
        let (file, first) = teams[0];
        let roles: Vec<String> = teams
            .iter()
            .flat_map(|(_, team)| team.roles.iter().map(|(id, _)| id.clone()))
            .collect();
        let finding = org_finding(
            &OVER_ALLOCATED,
            file,
            first.location.clone(),
            format!("person `{person}` is allocated {} in total{spread}", crate::finding::share_text(total)),
            Details {
                roles,
                people: vec![person.to_string()],
                help: Some(
                    "set `allocation` on each role to the share of time it really gets (together at most 1.0), or give a role to someone else"
                        .to_string(),
                ),
                ..Details::default()
            },
        );
        findings.extend(finding);
    }
    findings
}

#[cfg(test)]
mod tests {
    #[test]
    fn shares_read_naturally() {
        assert_eq!(crate::finding::share_text(1.0), "1.0");
        assert_eq!(crate::finding::share_text(1.5), "1.5");
        assert_eq!(crate::finding::share_text(0.25), "0.25");
        assert_eq!(crate::finding::share_text(0.1 + 0.2), "0.3");
        assert_eq!(crate::finding::share_text(0.5 + 0.5001), "1.0001");
    }
}
