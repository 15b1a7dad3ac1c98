//! The capacity statement: "op persoonlijke titel", "namens de school", "views are my own".

use super::Analysis;
use crate::compiled::Compiled;
use crate::text::Text;
use regex::Regex;
use std::sync::OnceLock;

fn capacity_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        // Applied to normalised text (lower case, no diacritics). Each alternative is one
        // common way of saying "personal capacity" or "on behalf of the school".
        let nl = [
            r"\b(op|in) (persoonlijke|eigen|prive) titel\b",
            r"#(op)?persoonlijketitel\b|#eigenmening\b|#prive(account)?\b",
            r"\b(mijn|m'n|mn) (eigen|persoonlijke) (mening|visie|standpunt|standpunten)\b",
            r"\b(eigen|persoonlijke) (mening|visie)\b",
            r"\bmening\s*(=|:|is)\s*(mijn\s+)?eigen\b",
            r"\bpersoonlijk (bericht|account|standpunt)\b",
            r"\bprive[- ]?(account|bericht|persoon|profiel)\b",
            r"\bals (prive ?persoon|particulier|ouder en niet als)\b",
            r"\b(niet|geen) namens\b",
            r"\bnamens (de school|onze school|school|het (hele )?team|ons team|de directie|het bestuur|de schoolleiding|de mr)\b",
            r"\bspreek (hier )?(alleen )?(voor|namens) (mezelf|mijzelf)\b|\bpersoonlijk gezien\b",
            r"\b(zijn|is) van (mezelf|mijzelf)\b",
            r"\bniet (die|het standpunt|de mening|de visie) van mijn (werkgever|school)\b",
        ];
        let en = [
            r"\b(views|opinions|thoughts|tweets|posts)( expressed)?( here| in this post)?( are)?( all)? (my own|mine|my own personal)\b",
            r"\bmy own (views|opinions?|thoughts)\b",
            r"\b(in a|in my) (personal|private) capacity\b",
            r"\bspeaking (only )?for myself\b|\b(speaking|writing) personally\b|\bpersonally speaking\b",
            r"\b(personal|private) (account|views?|opinions?)\b",
            r"\bnot (speaking |posting |writing )?on behalf of\b",
            r"\b(posting|writing|speaking) on behalf of\b",
            r"\bon behalf of (the |our )?(whole |entire )?(school|team|staff)\b",
            r"\b(do not|don't|does not|doesn't) represent (my|the) (employer|school)\b",
        ];
        let all: Vec<&str> = nl.iter().chain(en.iter()).copied().collect();
        crate::text::regex(&format!("(?:{})", all.join("|")))
    })
}

impl Analysis {
    pub(super) fn find_capacity(
        &self,
        text: &Text,
        words: &[&str],
        policy: &Compiled,
    ) -> Option<(usize, usize)> {
        if let Some(m) = capacity_regex().find(&text.norm) {
            return Some(text.to_orig(m.start(), m.end()));
        }
        // "namens OBS De Regenboog", "on behalf of De Regenboog".
        for (i, w) in words.iter().enumerate() {
            let after = match *w {
                "namens" => i + 1,
                "of" if i >= 2 && words[i - 1] == "behalf" && words[i - 2] == "on" => i + 1,
                _ => continue,
            };
            if after < words.len() {
                if let Some((n, _)) = policy.school_names.longest(&words[after..]) {
                    return Some((text.tokens[i].start, text.tokens[after + n - 1].end));
                }
            }
        }
        None
    }
}
