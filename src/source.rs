//! Speaker mentions -> canonical sources: one source per speaker, mentions of the same speaker
//! ("Mayor Jane Doe", "Doe", "she") merged with their aliases.
//!
//! This is the foundation's resolver: identity by name. Kinds, parents, countries and relays
//! come from lexicons in the sources stage; until then every source has kind `unknown`.

use std::collections::HashMap;

/// A canonical source within a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The fullest name it was mentioned by.
    pub name: String,
    pub kind: &'static str,
    /// Every other way it was mentioned, in first-seen order.
    pub aliases: Vec<String>,
    pub parent: Option<usize>,
    pub country: Option<String>,
}

/// Collects sources across the documents of one run.
#[derive(Debug, Default)]
pub struct Sources {
    pub list: Vec<Source>,
    by_key: HashMap<String, usize>,
    by_surname: HashMap<String, usize>,
}

const TITLES: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss", "sir", "dame", "lord", "lady",
];
const LEADING: &[&str] = &["the", "a", "an"];

/// The identity key of a mention: lower case, without leading articles and courtesy titles.
fn key_of(name: &str) -> String {
    let mut words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() > 1
        && (LEADING.contains(&words[0].as_str()) || TITLES.contains(&words[0].as_str()))
    {
        words.remove(0);
    }
    words.join(" ")
}

/// A mention that looks like a personal name: two or more capitalized words, no comma.
fn surname_of(name: &str) -> Option<String> {
    if name.contains(',') {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let caps = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if words.len() < 2 || !caps {
        return None;
    }
    Some(
        words
            .last()?
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase(),
    )
}

impl Sources {
    /// The source of `mention` (as written), created when new; returns its index.
    pub fn resolve(&mut self, mention: &str) -> usize {
        let mention = mention.trim();
        let key = key_of(mention);
        if let Some(&i) = self.by_key.get(&key) {
            self.add_alias(i, mention);
            return i;
        }
        // "Doe" after "Jane Doe", "Mr. Doe" after "Jane Doe".
        let single = !key.contains(' ') && key.chars().next().is_some_and(char::is_alphabetic);
        let capitalized = mention
            .split_whitespace()
            .last()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        if single && capitalized {
            if let Some(&i) = self.by_surname.get(&key) {
                self.add_alias(i, mention);
                self.by_key.insert(key, i);
                return i;
            }
        }
        let i = self.list.len();
        self.list.push(Source {
            name: mention.to_string(),
            kind: "unknown",
            aliases: Vec::new(),
            parent: None,
            country: None,
        });
        self.by_key.insert(key, i);
        if let Some(surname) = surname_of(mention) {
            self.by_surname.entry(surname).or_insert(i);
        }
        i
    }

    fn add_alias(&mut self, i: usize, mention: &str) {
        let s = &mut self.list[i];
        if s.name != mention && !s.aliases.iter().any(|a| a == mention) {
            s.aliases.push(mention.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_merge_by_name_and_surname() {
        let mut s = Sources::default();
        let a = s.resolve("Jane Doe");
        assert_eq!(s.resolve("Doe"), a);
        assert_eq!(s.resolve("Ms. Doe"), a);
        assert_eq!(s.resolve("the mayor"), 1);
        assert_eq!(s.resolve("The mayor"), 1);
        assert_eq!(s.list[a].aliases, ["Doe", "Ms. Doe"]);
        assert_eq!(s.list[1].aliases, ["The mayor"]);
    }
}
