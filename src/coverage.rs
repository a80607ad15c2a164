//! The coverage matrix of one team: responsibilities by role, in RACI terms, as the
//! Markdown gap report shows it. Plain data: `lint` fills it from the mapped charter.

use crate::charter::Raci;

/// One role as a column of the coverage matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleColumn {
    pub id: String,
    pub title: String,
    pub holders: Vec<String>,
    pub scope: Option<String>,
}

/// One responsibility as a row of the coverage matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageRow {
    /// Index into the catalog.
    pub responsibility: usize,
    pub core: bool,
    /// Per role column: the RACI relations of the role's duties that map here.
    pub cells: Vec<RaciSet>,
    /// Core and owned by no role with holders.
    pub unowned: bool,
    /// Owned by people whose scopes overlap.
    pub shared: bool,
}

/// Who does what in one team: the gap report's matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    pub delivery_teams: u32,
    pub methodology: crate::charter::Methodology,
    pub roles: Vec<RoleColumn>,
    /// Core responsibilities and every other one a duty mentions, in catalog order.
    pub rows: Vec<CoverageRow>,
}

/// The RACI relations one role has to one responsibility.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RaciSet(u8);

impl RaciSet {
    const ORDER: [Raci; 4] = [Raci::Accountable, Raci::Responsible, Raci::Consulted, Raci::Informed];

    fn bit(raci: Raci) -> u8 {
        1 << Self::ORDER.iter().position(|entry| *entry == raci).unwrap_or(0)
    }

    pub fn insert(&mut self, raci: Raci) {
        self.0 |= Self::bit(raci);
    }

    pub fn contains(self, raci: Raci) -> bool {
        self.0 & Self::bit(raci) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// "A", "R/C": the letters in RACI order.
    pub fn letters(self) -> String {
        Self::ORDER
            .iter()
            .filter(|raci| self.contains(**raci))
            .map(|raci| raci.letter().to_string())
            .collect::<Vec<_>>()
            .join("/")
    }
}

impl Coverage {
    /// The people who own a row's responsibility: holders of the roles marked A, sorted.
    pub fn owners(&self, row: &CoverageRow) -> Vec<&str> {
        let mut owners: Vec<&str> = self
            .roles
            .iter()
            .zip(&row.cells)
            .filter(|(_, cell)| cell.contains(Raci::Accountable))
            .flat_map(|(role, _)| role.holders.iter().map(String::as_str))
            .collect();
        owners.sort_unstable();
        owners.dedup();
        owners
    }
}
