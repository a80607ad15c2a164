use crate::mapping::DutyMapping;
use crate::rules::declare_rule;
use crate::rules::{Details, Sink, TeamView};

declare_rule! {
    /// ## What it checks
    ///
    /// Whether a duty of a specialist role (a role whose title names a neighbouring
    /// discipline: engineer, tech lead, designer, Scrum Master, delivery manager, data
    /// scientist) maps to no catalog responsibility. Such a duty is taken as the role's
    /// own work and counted by no product rule; this finding says so.
    ///
    /// ## Why it matters
    ///
    /// A whole-team charter lists the work of every trade in that trade's words:
    /// "Battery life and LoRaWAN connectivity" for a firmware lead, "Pronunciation
    /// scoring models" for a machine-learning engineer. No catalog of product
    /// ownership can know them all, and warning about each would bury the findings
    /// that matter. What the info keeps visible is the one case that does matter: a
    /// specialist who carries product work in words charterlint does not know, such
    /// as a tech lead who answers for "what ships next quarter". Product titles,
    /// researchers and analysts are never specialists: their unknown duties stay
    /// `unknown-duty` warnings (`catalog/specialist-titles.txt` lists the titles).
    ///
    /// ## How to fix it
    ///
    /// Nothing, when the duty is the role's own trade. When it is product work, write
    /// it in catalog words or teach the team's words in `[vocabulary]`, so the rules
    /// count it. To treat every specialist duty as strictly as any other, raise the
    /// rule: `[lint] severity = { "unknown-specialist-duty" = "warning" }`.
    ///
    /// ## Example
    ///
    /// ```toml
    /// [[roles]]
    /// id = "tech-lead"
    /// title = "Tech Lead"
    /// holders = ["Ana"]
    /// owns = ["Battery life and LoRaWAN connectivity", "What ships next quarter"]
    /// # both unknown-specialist-duty (info): taken as the role's own engineering work
    /// ```
    ///
    /// Fixed, for the duty that is product work:
    ///
    /// ```toml
    /// [vocabulary]
    /// "What ships next quarter" = "strategy.roadmap"
    /// ```
    pub(crate) static UNKNOWN_SPECIALIST_DUTY = {
        name: "unknown-specialist-duty",
        category: Vocabulary,
        severity: Info,
        summary: "a duty of an engineer, designer, Scrum Master or other specialist maps to no responsibility and is taken as the role's own work",
        check: crate::rules::RuleCheck::Team(check),
    };
}

pub(super) fn check(view: &TeamView<'_>, sink: &mut Sink<'_>) {
    for duty in &view.duties {
        if !matches!(duty.mapping, DutyMapping::Unknown { .. }) {
            continue;
        }
        let role = view.role(duty.role);
        let Some(area) = view.specialist_area(duty.role) else {
            continue;
        };
        sink.report(
            &UNKNOWN_SPECIALIST_DUTY,
            &duty.text.span,
            format!(
                "duty \"{}\" in `{}` of role `{}` maps to no responsibility; taken as the {} work of a \"{}\"",
                duty.text.value,
                duty.raci.key(),
                role.id.value,
                area.name(),
                role.title.value
            ),
            Details {
                roles: vec![role.id.value.clone()],
                people: role.holders.iter().map(|holder| holder.value.clone()).collect(),
                help: Some(
                    "if it is product work, write it in catalog words (`charterlint catalog`) or map the phrase in `[vocabulary]`"
                        .to_string(),
                ),
                ..Details::default()
            },
        );
    }
}
