//! The parse-only floor for the org benchmark: reads every charter under a folder,
//! single-threaded, with serde into plain structs, and does nothing else. charterlint's
//! full lint is measured against this (`scripts/bench-org.sh`).

use std::path::{Path, PathBuf};

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Charter {
    version: u32,
    team: Team,
    #[serde(default)]
    roles: Vec<Role>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Team {
    name: String,
    size: Option<u32>,
    delivery_teams: Option<u32>,
    methodology: Option<String>,
    cross_team_dependencies: Option<bool>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Role {
    id: String,
    title: String,
    holders: Vec<String>,
    scope: Option<String>,
    allocation: Option<f64>,
    #[serde(default)]
    owns: Vec<String>,
    #[serde(default)]
    does: Vec<String>,
    #[serde(default)]
    consulted: Vec<String>,
    #[serde(default)]
    informed: Vec<String>,
}

fn charters(folder: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.is_dir() {
            charters(&path, found)?;
        } else if path.to_string_lossy().ends_with(".charter.toml") || path.to_string_lossy().ends_with(".charter.json")
        {
            found.push(path);
        }
    }
    Ok(())
}

fn main() -> std::io::Result<()> {
    let folder = std::env::args().nth(1).unwrap_or_else(|| ".".to_string());
    let mut paths = Vec::new();
    charters(Path::new(&folder), &mut paths)?;
    paths.sort();
    let (mut parsed, mut roles) = (0usize, 0usize);
    for path in &paths {
        let text = std::fs::read_to_string(path)?;
        let charter: Result<Charter, String> = if path.extension().is_some_and(|extension| extension == "toml") {
            toml::from_str(&text).map_err(|error| error.to_string())
        } else {
            serde_json::from_str(&text).map_err(|error| error.to_string())
        };
        if let Ok(charter) = charter {
            parsed += 1;
            roles += charter.roles.len();
        }
    }
    use std::io::Write;
    writeln!(
        std::io::stdout(),
        "{parsed} of {} charters parsed, {roles} roles",
        paths.len()
    )
}
