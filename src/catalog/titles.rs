//! Role titles that name a neighbouring discipline (`catalog/specialist-titles.txt`
//! says what the list is for and where its titles come from).

use super::Area;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

const SPECIALIST_TITLES_FILE: &str = include_str!("../../catalog/specialist-titles.txt");

/// One line of the file: the title's words, and the area of its work; `None` for a
/// product title.
struct TitleLine {
    words: Vec<&'static str>,
    area: Option<Area>,
}

/// The file's lines, or why one is not a title line.
fn parse(text: &'static str) -> Result<Vec<TitleLine>, String> {
    let mut lines = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((area, title)) = line.split_once(':') else {
            return Err(format!(
                "line {}: expected `area: title words`, found `{line}`",
                number + 1
            ));
        };
        let area = match area.trim() {
            "product" => None,
            name => match Area::ALL.into_iter().find(|area| area.name() == name) {
                Some(area) if !area.is_product_ownership() => Some(area),
                _ => {
                    return Err(format!(
                        "line {}: `{name}` is not a neighbouring area (process, people, engineering, design, data) nor `product`",
                        number + 1
                    ));
                }
            },
        };
        let words = title_words(title.trim());
        if words.is_empty() || words.iter().any(|word| *word != word.to_lowercase()) {
            return Err(format!(
                "line {}: expected lowercase title words, found `{}`",
                number + 1,
                title.trim()
            ));
        }
        lines.push(TitleLine { words, area });
    }
    Ok(lines)
}

fn title_words(title: &str) -> Vec<&str> {
    title
        .split(|character: char| !character.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect()
}

/// The file's lines by their first word: a title is looked up once per role of every
/// charter, so only the lines that can start at one of its words are compared.
/// Each line keeps its place in the file.
static TITLE_LINES: LazyLock<HashMap<&'static str, Vec<(usize, TitleLine)>>> = LazyLock::new(|| {
    let lines =
        parse(SPECIALIST_TITLES_FILE).unwrap_or_else(|reason| panic!("catalog/specialist-titles.txt: {reason}"));
    let mut by_first_word: HashMap<&'static str, Vec<(usize, TitleLine)>> = HashMap::default();
    for (place, line) in lines.into_iter().enumerate() {
        by_first_word.entry(line.words[0]).or_default().push((place, line));
    }
    by_first_word
});

/// The trade a role's title names: product ownership, or a neighbouring discipline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trade {
    /// A `product:` title: product owner, product manager, business analyst ...
    Product,
    /// A neighbouring discipline's title, and the area of its work.
    Specialist(Area),
}

impl Trade {
    /// Whether work of `area` is this trade's own.
    pub fn works_in(self, area: Area) -> bool {
        match self {
            Trade::Product => area.is_product_ownership(),
            Trade::Specialist(own) => own == area,
        }
    }

    /// The neighbouring area of a specialist's trade, `None` for product work.
    pub fn specialist_area(self) -> Option<Area> {
        match self {
            Trade::Specialist(area) => Some(area),
            Trade::Product => None,
        }
    }

    /// The trade's name, as `charterlint map` gives a reason: "product" or the area's.
    pub fn name(self) -> &'static str {
        match self {
            Trade::Product => "product",
            Trade::Specialist(area) => area.name(),
        }
    }
}

/// The trade a role's title names ("Firmware Lead" is engineering, "Content Designer"
/// design, "Product Owner, Community" product), or `None` for a title the list does
/// not know. A title that holds a product title is a product title, whatever else it
/// says; otherwise the longest matching title names the area.
pub fn title_trade(title: &str) -> Option<Trade> {
    let lowercase = title.to_lowercase();
    let words = title_words(&lowercase);
    // The longest specialist title held; of equal lengths, the one the file lists last.
    let mut longest: Option<(usize, &TitleLine)> = None;
    for (start, word) in words.iter().enumerate() {
        for (place, line) in TITLE_LINES.get(word).into_iter().flatten() {
            if !words[start..].starts_with(&line.words) {
                continue;
            }
            if line.area.is_none() {
                return Some(Trade::Product);
            }
            let key = (line.words.len(), *place);
            if longest.is_none_or(|(held, held_line)| key > (held_line.words.len(), held)) {
                longest = Some((*place, line));
            }
        }
    }
    longest.and_then(|(_, line)| line.area).map(Trade::Specialist)
}

/// The neighbouring area a role's title names as its discipline, or `None` for a
/// product title or one the list does not know.
pub fn specialist_area(title: &str) -> Option<Area> {
    title_trade(title)?.specialist_area()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_specialist_titles_file_has_known_areas_and_no_repeats() {
        let lines = parse(SPECIALIST_TITLES_FILE).expect("valid");
        let mut seen: Vec<&[&str]> = lines.iter().map(|line| line.words.as_slice()).collect();
        seen.sort();
        let count = seen.len();
        seen.dedup();
        assert_eq!(seen.len(), count, "a title is listed twice");
        assert!(parse("strategy: vision keeper").is_err(), "a product area is refused");
        assert!(
            parse("engineering engineer").is_err(),
            "a line without an area is refused"
        );
    }

    /// The trade a scan of every line finds, as the lookup by first word must.
    fn scanned_trade(title: &str) -> Option<Trade> {
        let lines = parse(SPECIALIST_TITLES_FILE).expect("valid");
        let lowercase = title.to_lowercase();
        let words = title_words(&lowercase);
        let holds = |line: &&TitleLine| {
            words
                .windows(line.words.len())
                .any(|window| window == line.words.as_slice())
        };
        let matching: Vec<&TitleLine> = lines.iter().filter(holds).collect();
        if matching.iter().any(|line| line.area.is_none()) {
            return Some(Trade::Product);
        }
        matching
            .iter()
            .max_by_key(|line| line.words.len())
            .and_then(|line| line.area)
            .map(Trade::Specialist)
    }

    #[test]
    fn the_lookup_by_first_word_finds_what_a_scan_finds() {
        let lines = parse(SPECIALIST_TITLES_FILE).expect("valid");
        let mut titles: Vec<String> = Vec::new();
        // Every listed title alone, after a word, and joined with every other.
        for line in &lines {
            let title = line.words.join(" ");
            titles.push(format!("Senior {title} (interim)"));
            for other in &lines {
                titles.push(format!("{title} / {}", other.words.join(" ")));
            }
            titles.push(title);
        }
        for title in &titles {
            assert_eq!(title_trade(title), scanned_trade(title), "{title}");
        }
    }

    #[test]
    fn titles_name_their_discipline() {
        let cases = [
            ("Lead Server Engineer", Some(Area::Engineering)),
            ("Firmware Lead", Some(Area::Engineering)),
            ("Engineering Manager", Some(Area::People)),
            ("Analytics Engineer", Some(Area::Data)),
            ("Agronomy Data Scientist", Some(Area::Data)),
            ("Content Designer", Some(Area::Design)),
            ("Scrum Master (interim)", Some(Area::Process)),
            ("Service Delivery Manager", Some(Area::Process)),
            ("Technical Product Manager", None),
            ("Product Owner, Community", None),
            ("Release Train Engineer", None),
            ("Head of Digital Services (Product Owner)", None),
            ("UX Researcher", None),
            ("User Researcher", None),
            ("Business Analyst", None),
            ("Community Manager", None),
            ("Customer Support Lead", Some(Area::Engineering)),
        ];
        for (title, area) in cases {
            assert_eq!(specialist_area(title), area, "{title}");
        }
        assert_eq!(title_trade("Product Owner, Community"), Some(Trade::Product));
        assert_eq!(title_trade("Head of Claims"), None);
    }
}
