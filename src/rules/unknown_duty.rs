use crate::mapping::DutyMapping;
use crate::rules::declare_rule;
use crate::rules::{Details, Sink, TeamView};

declare_rule! {
    /// ## What it checks
    ///
    /// Whether every duty string, in any of `owns`, `does`, `consulted` and `informed`,
    /// maps onto a catalog responsibility. The finding names the closest built-in alias
    /// when one is close.
    ///
    /// ## Why it matters
    ///
    /// charterlint can only judge what it understands. A duty it cannot place is
    /// invisible to every other rule: written in words charterlint does not know, a duty
    /// leaves its responsibility looking unowned, or hides that two people own it.
    /// The neighbouring work of a whole team (facilitation, hiring, on-call, design,
    /// dashboards) is in the catalog; a duty of a role whose title names such a
    /// discipline ("Firmware Engineer", "Content Designer") that still maps to nothing
    /// is that role's own trade, reported by the info rule `unknown-specialist-duty`
    /// instead (`catalog/specialist-titles.txt` lists the titles).
    ///
    /// ## How to fix it
    ///
    /// Use the suggested phrase or a catalog id (`charterlint catalog` lists both), or
    /// teach charterlint the team's own words in `[vocabulary]`:
    /// `"OKR setting" = "outcomes.success-metrics"`. `charterlint map FILE` shows how
    /// every duty mapped and why.
    ///
    /// ## Example
    ///
    /// ```toml
    /// [[roles]]
    /// id = "pm"
    /// title = "Product Manager"
    /// holders = ["Dana"]
    /// owns = ["ideation"]   # unknown-duty: charterlint does not know this word
    /// ```
    ///
    /// Fixed:
    ///
    /// ```toml
    /// owns = ["product discovery"]
    /// # or keep the words and teach them:
    /// [vocabulary]
    /// "ideation" = "strategy.discovery"
    /// ```
    pub static UNKNOWN_DUTY = {
        name: "unknown-duty",
        category: Vocabulary,
        severity: Warning,
        summary: "a duty maps to no responsibility",
        check: crate::rules::RuleCheck::Team(check),
    };
}

pub(super) fn check(view: &TeamView<'_>, sink: &mut Sink<'_>) {
    for duty in &view.duties {
        let DutyMapping::Unknown { suggestion } = &duty.mapping else {
            continue;
        };
        if view.specialist_area(duty.role).is_some() {
            continue;
        }
        let role = view.role(duty.role);
        let help = match suggestion {
            Some((index, alias)) => format!(
                "did you mean \"{alias}\" (`{}`)? otherwise use a catalog id or map the phrase in `[vocabulary]`",
                index.entry().id
            ),
            None => {
                "use a catalog id (`charterlint catalog` lists them) or map the phrase in `[vocabulary]`".to_string()
            }
        };
        sink.report(
            &UNKNOWN_DUTY,
            &duty.text.span,
            format!(
                "duty \"{}\" in `{}` of role `{}` maps to no responsibility",
                duty.text.value,
                duty.raci.key(),
                role.id.value
            ),
            Details {
                roles: vec![role.id.value.clone()],
                people: role.holders.iter().map(|holder| holder.value.clone()).collect(),
                help: Some(help),
                ..Details::default()
            },
        );
    }
}
