//! Regular expressions as data: files of `[section]`s whose lines are regular expressions
//! (`lexicon/*/discussion.txt`, `photo.txt`, `contact.txt`). The lines of one section, in
//! all the files given (Dutch first), become one regex of alternatives, in file order.
//! A line is compiled on its own first, so a bad edit is reported with its section and
//! line, not as one long joined pattern.

use crate::text::FastMap as HashMap;
use crate::text::Regex;

pub struct Regexes {
    by_section: HashMap<String, Regex>,
}

impl Regexes {
    /// The sections of `files`, which must be exactly `names` (a section the code does not
    /// read is a typo, one it reads and no file has is a missing list).
    pub fn build(files: &[&str], names: &[&str]) -> Result<Regexes, String> {
        let mut lines: HashMap<String, Vec<String>> = HashMap::default();
        for data in files {
            for (section, ls) in super::sections(data) {
                if !names.contains(&section.as_str()) {
                    return Err(format!("unknown regex section [{section}]"));
                }
                for l in &ls {
                    crate::text::try_regex(l).map_err(|e| format!("[{section}] {l}: {e}"))?;
                }
                lines.entry(section).or_default().extend(ls);
            }
        }
        let mut by_section = HashMap::default();
        for &name in names {
            let Some(ls) = lines.get(name) else {
                return Err(format!("regex section [{name}] has no lines"));
            };
            let joined: Vec<String> = ls.iter().map(|l| format!("(?:{l})")).collect();
            let re = crate::text::try_regex(&joined.join("|"))
                .map_err(|e| format!("[{name}] joined: {e}"))?;
            by_section.insert(name.to_string(), re);
        }
        Ok(Regexes { by_section })
    }

    /// The regex of a section named to [`Self::build`].
    pub fn get(&self, name: &str) -> &Regex {
        match self.by_section.get(name) {
            Some(r) => r,
            None => panic!("regex section [{name}] was not named to Regexes::build"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Regexes;

    #[test]
    fn sections_join_across_files_in_order() {
        let r = Regexes::build(
            &["[a]\n\\bnee\\b\n", "[a]\n\\bno\\b\n[b]\nx+\n"],
            &["a", "b"],
        )
        .unwrap();
        assert!(r.get("a").is_match("nee hoor") && r.get("a").is_match("oh no"));
        assert!(!r.get("a").is_match("nooit"));
        assert_eq!(r.get("b").find("axxb").map(|m| m.as_str()), Some("xx"));
    }

    #[test]
    fn a_typo_or_a_missing_or_bad_section_is_an_error() {
        let e = Regexes::build(&["[strnog]\nx\n"], &["strong"])
            .err()
            .unwrap();
        assert!(e.contains("[strnog]"), "{e}");
        let e = Regexes::build(&["[a]\nx\n"], &["a", "b"]).err().unwrap();
        assert!(e.contains("[b]"), "{e}");
        let e = Regexes::build(&["[a]\n(unclosed\n"], &["a"]).err().unwrap();
        assert!(e.contains("(unclosed"), "{e}");
    }
}
