//! informal: "te populair taalgebruik": chat-speak, kisses, stretched words, runs of
//! exclamation marks or emoji, shouting in capitals, slang intensifiers.

use super::{removal_range, Ctx, Hit, Rule};
use crate::catalog::{self, RuleDef};
use crate::lexicon::{self, bit};
use crate::model::Category;
use crate::text::{is_emoji, Text};

pub struct Informal;

impl Rule for Informal {
    fn check(&self, ctx: &Ctx, out: &mut Vec<Hit>) {
        let t = ctx.text;
        let lex = lexicon::get();
        let words = ctx.words;
        let extra = ctx.policy.extra.get(&Category::Informal);
        let mut i = 0;
        while i < words.len() {
            let tok = &t.tokens[i];
            let w = words[i];
            // Chat-speak from the lexicon (longest phrase), or the school's own list.
            let m = ctx.masks[i];
            if let Some((n, rep)) = (m & bit::CHAT != 0)
                .then(|| lex.chat_speak.longest(&words[i..]))
                .flatten()
                // "RN", "UR": two letters in capitals are an acronym, not chat-speak ("OMG" is).
                .filter(|&(n, _)| n > 1 || !(tok.all_caps && w.len() <= 2))
                // "heel veel lol": a chat word that is also a Dutch noun, after a determiner.
                .filter(|&(n, _)| n > 1 || !noun_after_determiner(words, i, lex))
            {
                let (s, e) = (tok.start, t.tokens[i + n - 1].end);
                // A single "u" or "x" is ordinary; everything in the lexicon is a whole token.
                out.push(replace_or_remove(
                    t,
                    &catalog::informal::CHAT_SPEAK,
                    s,
                    e,
                    rep,
                ));
                i += n;
                continue;
            }
            if let Some((n, _)) = extra.and_then(|p| p.longest(&words[i..])) {
                let (s, e) = (tok.start, t.tokens[i + n - 1].end);
                out.push(
                    Hit::new(&catalog::informal::CHAT_SPEAK, s, e).arg("match", &t.orig[s..e]),
                );
                i += n;
                continue;
            }
            if is_laughter(w) {
                out.push(replace_or_remove(
                    t,
                    &catalog::informal::CHAT_SPEAK,
                    tok.start,
                    tok.end,
                    "",
                ));
            } else if is_kisses(t, i, w) {
                out.push(replace_or_remove(
                    t,
                    &catalog::informal::KISSES,
                    tok.start,
                    tok.end,
                    "",
                ));
            } else if let Some(fixed) = unstretch(t.orig_of(tok)) {
                // "lmaooo" unstretched is "lmao", chat-speak again: the fix takes its formal form.
                let chat = lex.chat_speak.longest(&[crate::text::normalize(&fixed)]);
                let fixed = chat.map_or(fixed, |(_, rep)| rep.clone());
                out.push(replace_or_remove(
                    t,
                    &catalog::informal::STRETCHED,
                    tok.start,
                    tok.end,
                    &fixed,
                ));
            } else if m & bit::SLANG != 0
                && words
                    .get(i + 1)
                    .is_some_and(|n| lex.slang_adjectives.contains(*n))
                && t.gap(tok, &t.tokens[i + 1]).trim().is_empty()
            {
                let (s, e) = (tok.start, t.tokens[i + 1].end);
                let adj = t.orig_of(&t.tokens[i + 1]).to_string();
                out.push(
                    Hit::new(&catalog::informal::SLANG, s, e)
                        .arg("match", &t.orig[s..e])
                        .arg("replacement", format!("heel {adj}"))
                        .fix("fix.replace", format!("heel {adj}"), s, e),
                );
                i += 2;
                continue;
            }
            i += 1;
        }
        punctuation_runs(t, out);
        emoji_runs(t, out);
        shouting(t, out);
    }
}

/// A hit whose fix replaces the match by `rep`, or removes it when `rep` is empty.
fn replace_or_remove(t: &Text, rule: &'static RuleDef, s: usize, e: usize, rep: &str) -> Hit {
    let m = &t.orig[s..e];
    let h = Hit::new(rule, s, e).arg("match", m);
    if rep.is_empty() {
        let (rs, re) = removal_range(t.orig, s, e);
        h.fix("fix.remove", "", rs, re)
    } else {
        // Keep the writer's capital: "Ff" → "Even".
        let rep = if m.chars().next().is_some_and(char::is_uppercase)
            && !m.chars().all(|c| !c.is_lowercase())
        {
            let mut c = rep.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        } else {
            rep.to_string()
        };
        h.arg("replacement", rep.clone())
            .fix("fix.replace", rep, s, e)
    }
}

/// "haha", "hahaha", "hihi", "hehehe", "hahah".
/// "veel lol", "de lol": word `i` is a chat word that is also a noun ([chat-nouns]) and the
/// word before it a determiner or quantifier ([noun-determiners]).
fn noun_after_determiner(words: &[&str], i: usize, lex: &lexicon::Lexicon) -> bool {
    let c = &lex.classes;
    i > 0 && c.chat_nouns.contains(words[i]) && c.noun_determiners.contains(words[i - 1])
}

fn is_laughter(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() < 4 {
        return false;
    }
    let pairs_ok = |x: u8| {
        b.iter()
            .enumerate()
            .all(|(i, &c)| if i % 2 == 0 { c == b'h' } else { c == x })
    };
    pairs_ok(b'a') || pairs_ok(b'i') || pairs_ok(b'e')
}

/// "xx", "xxx", "xoxo", "mwah", "kusjes"; a single "x" only where it closes the post or a line.
fn is_kisses(t: &Text, i: usize, w: &str) -> bool {
    if crate::lexicon::get().classes.kisses.contains(w) {
        return true;
    }
    if w.is_empty() || !w.bytes().all(|c| c == b'x') {
        return false;
    }
    if w.len() >= 2 {
        return true;
    }
    let tok = &t.tokens[i];
    let rest = &t.orig[tok.end..];
    let line_rest = rest.split('\n').next().unwrap_or("");
    let closes = line_rest
        .chars()
        .all(|c| c.is_whitespace() || is_emoji(c) || matches!(c, '.' | '!' | '\u{FE0F}'));
    let after_word = i > 0
        && t.tokens[i - 1].has_letter
        && !t.word(&t.tokens[i - 1]).chars().all(|c| c.is_ascii_digit());
    closes && after_word
}

/// "superrrr" → "super", "sooo" → "so", "mooooi" → "mooi": a letter repeated three or more
/// times. Returns the word with the run collapsed, or None when nothing is stretched.
fn unstretch(word: &str) -> Option<String> {
    // Most words have no run of three: find that out without allocating.
    let mut run = (None, 0);
    let has_run = word.chars().any(|c| {
        let c = c.to_ascii_lowercase();
        run = if run.0 == Some(c) {
            (Some(c), run.1 + 1)
        } else {
            (Some(c), 1)
        };
        run.1 >= 3
    });
    if !has_run {
        return None;
    }
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 3 || word.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let lower: Vec<char> = chars.iter().flat_map(|c| c.to_lowercase()).collect();
    if lower.len() != chars.len() {
        return None;
    }
    // Roman numerals, "www" and kisses are not stretched words.
    if lower
        .iter()
        .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c' | 'm'))
        || lower.iter().all(|&c| c == 'w' || c == '.')
    {
        return None;
    }
    let mut out = String::new();
    let mut stretched = false;
    let mut k = 0;
    while k < chars.len() {
        let mut run = 1;
        while k + run < chars.len() && lower[k + run] == lower[k] {
            run += 1;
        }
        if run >= 3 && chars[k].is_alphabetic() {
            stretched = true;
            let vowel = matches!(lower[k], 'a' | 'e' | 'i' | 'o' | 'u');
            let at_end = k + run == chars.len();
            // Inside a word a stretched vowel was long ("mooooi" → "mooi"); at the end it was
            // short ("sooo" → "so"), except the Dutch long final e ("neeee" → "nee").
            let keep = if vowel && (!at_end || lower[k] == 'e') {
                2
            } else {
                1
            };
            out.extend(std::iter::repeat_n(chars[k], keep));
        } else {
            out.extend(&chars[k..k + run]);
        }
        k += run;
    }
    stretched.then_some(out)
}

/// "!!!", "?!?!", "!!!!!!": three or more, or two exclamation marks.
fn punctuation_runs(t: &Text, out: &mut Vec<Hit>) {
    let s = t.orig;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c != '!' && c != '?' {
            continue;
        }
        let mut end = i + 1;
        let mut bangs = usize::from(c == '!');
        let mut n = 1;
        while let Some(&(j, d)) = it.peek() {
            if d == '!' || d == '?' {
                bangs += usize::from(d == '!');
                n += 1;
                end = j + 1;
                it.next();
            } else {
                break;
            }
        }
        if n >= 3 || bangs >= 2 {
            let first = &s[i..i + 1];
            out.push(
                Hit::new(&catalog::informal::PUNCTUATION, i, end)
                    .arg("match", &s[i..end])
                    .arg("replacement", first)
                    .fix("fix.replace", first, i, end),
            );
        }
    }
}

/// Two identical emoji in a row, or three or more of any: "😂😂😂", "😍😍", "🎉🎊🥳".
/// An emoji is what the reader sees as one: a ZWJ sequence (👨‍👩‍👧‍👦), an emoji with its
/// variation selector or skin tone, a flag (two regional indicators). The fix keeps the
/// first one whole.
fn emoji_runs(t: &Text, out: &mut Vec<Hit>) {
    let s = t.orig;
    // (start, end) of each emoji of the run, in bytes.
    let mut run: Vec<(usize, usize)> = Vec::new();
    let flush = |run: &mut Vec<(usize, usize)>, out: &mut Vec<Hit>| {
        let same = run
            .windows(2)
            .any(|w| s[w[0].0..w[0].1] == s[w[1].0..w[1].1]);
        if run.len() >= 3 || same {
            let (start, end) = (run[0].0, run[run.len() - 1].1);
            let keep = s[run[0].0..run[0].1].to_string();
            out.push(
                Hit::new(&catalog::informal::EMOJI, start, end)
                    .arg("match", &s[start..end])
                    .arg("replacement", keep.clone())
                    .fix("fix.replace", keep, start, end),
            );
        }
        run.clear();
    };
    let regional = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
    let mut joined = false; // after a ZWJ: the next emoji is part of the same one
    let mut open_flag = false; // the last emoji is a lone regional indicator
    for (i, c) in s.char_indices() {
        let next = i + c.len_utf8();
        if is_emoji(c) {
            match run.last_mut() {
                Some(last) if joined || (open_flag && regional(c)) => {
                    last.1 = next;
                    open_flag = false;
                }
                _ => {
                    run.push((i, next));
                    open_flag = regional(c);
                }
            }
            joined = false;
        } else if !run.is_empty()
            && (matches!(c, '\u{FE0F}' | '\u{200D}' | '\u{20E3}')
                || ('\u{1F3FB}'..='\u{1F3FF}').contains(&c))
        {
            if let Some(last) = run.last_mut() {
                last.1 = next;
            }
            joined = c == '\u{200D}';
        } else if !run.is_empty() && c == ' ' {
            joined = false;
            open_flag = false;
        } else if !run.is_empty() {
            flush(&mut run, out);
            joined = false;
            open_flag = false;
        }
    }
    if !run.is_empty() {
        flush(&mut run, out);
    }
}

/// Three or more words in capitals in a row, or two with ten letters or more: shouting.
/// Acronyms (OBS, BSN, ADHD) alone are not shouting.
fn shouting(t: &Text, out: &mut Vec<Hit>) {
    let toks = &t.tokens;
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].all_caps {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < toks.len()
            && toks[j + 1].all_caps
            && toks[j + 1].sentence == toks[i].sentence
            && t.gap(&toks[j], &toks[j + 1])
                .chars()
                .all(|c| c == ' ' || c == ',')
        {
            j += 1;
        }
        let n = j - i + 1;
        let letters: usize = toks[i..=j]
            .iter()
            .map(|x| t.orig_of(x).chars().filter(|c| c.is_alphabetic()).count())
            .sum();
        let longest = toks[i..=j]
            .iter()
            .map(|x| t.orig_of(x).chars().count())
            .max()
            .unwrap_or(0);
        // One long word in capitals shouts too ("KUTKUTKUT", "BULLSHIT"); short ones are
        // acronyms, unless they read as a word: "Dat doen we NIET", "NO running".
        let wordlike = toks[i..=j].iter().any(|x| reads_as_word(t.word(x)));
        if n >= 3 && (longest >= 3)
            || n == 2 && (letters >= 10 || wordlike)
            || n == 1 && (letters >= 8 || wordlike)
        {
            let (s, e) = (toks[i].start, toks[j].end);
            let m = &t.orig[s..e];
            let mut lower = m.to_lowercase();
            if toks[i].sentence_start {
                let mut c = lower.chars();
                lower = c
                    .next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default();
            }
            out.push(
                Hit::new(&catalog::informal::SHOUTING, s, e)
                    .arg("match", m)
                    .fix("fix.lowercase", lower, s, e),
            );
        }
        i = j + 1;
    }
}

/// A word in capitals that is a word, not an acronym: a listed shouted word ("NIET", "NO"), or
/// five to seven letters with two vowels that is not a listed acronym ("ALTIJD", not "COVID").
fn reads_as_word(w: &str) -> bool {
    let lex = lexicon::get();
    if lex.list("shout-words").is_some_and(|l| l.contains(w)) {
        return true;
    }
    let vowels = w.chars().filter(|c| "aeiouy".contains(*c)).count();
    let n = w.chars().count();
    (5..=7).contains(&n)
        && vowels >= 2
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !lex.list("acronyms").is_some_and(|l| l.contains(w))
}

#[cfg(test)]
#[path = "informal_tests.rs"]
mod tests;
