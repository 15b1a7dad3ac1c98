//! All text handling in one place: normalisation, tokens, sentences and offsets.
//!
//! Rules never look at raw bytes. They see a [`Text`]: the original post, a normalised copy
//! (lower case, diacritics folded, fullwidth letters mapped to ASCII, zero-width characters
//! dropped) with a byte map back to the original, and word tokens that know both. Every span a
//! rule reports is converted here to UTF-16 code units, the unit JavaScript strings use.

mod re;
pub use re::{Match, Regex};

/// Characters that are invisible and are used (deliberately or by copy-paste) inside words.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}'
    ) || ('\u{0300}'..='\u{036F}').contains(&c) // combining marks: NFD input folds like NFC
}

/// Folds one lower-case character to its ASCII base where it has one (é → e, ö → o).
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ĝ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ł' | 'ľ' | 'ĺ' => 'l',
        'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ŕ' | 'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        // Typographic look-alikes that people type or paste.
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' | '´' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' => '-',
        '\u{00A0}' | '\u{202F}' | '\u{2007}' => ' ',
        // Fullwidth forms (ｓｈｉｔ) map onto ASCII.
        c @ '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c => c,
    }
}

/// Normalises a short string the way [`Text`] normalises a post (for lexicon and roster entries).
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_invisible(c) {
            continue;
        }
        for l in c.to_lowercase().filter(|&l| !is_invisible(l)) {
            out.push(fold(l));
        }
    }
    out
}

/// The normalised words of a short string (a lexicon entry, a roster name, an address), split
/// by the one tokeniser, [`Text`]'s, so an entry matches a post token by token.
pub fn words(s: &str) -> Vec<String> {
    let t = Text::new(s);
    t.tokens.iter().map(|k| t.word(k).to_string()).collect()
}

/// A word in the post: a maximal run of letters and digits.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte range in the normalised text.
    pub ns: usize,
    pub ne: usize,
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// Index of the sentence the token is in.
    pub sentence: usize,
    /// First token of its sentence (so a capital letter says nothing about it being a name).
    pub sentence_start: bool,
    /// The original starts with an upper-case letter.
    pub capitalized: bool,
    /// Every letter in the original is upper case and there are at least two.
    pub all_caps: bool,
    /// Contains at least one letter.
    pub has_letter: bool,
}

/// A post, ready for the rules.
pub struct Text<'a> {
    pub orig: &'a str,
    pub norm: String,
    /// For each byte of `norm`: the original byte range of the character it came from.
    src_start: Vec<u32>,
    src_end: Vec<u32>,
    pub tokens: Vec<Token>,
    /// Byte ranges of sentences in the original text.
    pub sentences: Vec<(usize, usize)>,
}

impl<'a> Text<'a> {
    pub fn new(orig: &'a str) -> Text<'a> {
        let mut norm = String::with_capacity(orig.len());
        let mut src_start = Vec::with_capacity(orig.len());
        let mut src_end = Vec::with_capacity(orig.len());
        let bytes = orig.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Fast path: most of a post is runs of ASCII, which only need lower-casing and
            // map byte for byte (a backtick goes the slow way: it becomes an apostrophe).
            let run = bytes[at..]
                .iter()
                .position(|&b| b >= 0x80 || b == b'`')
                .unwrap_or(bytes.len() - at);
            if run > 0 {
                let from = norm.len();
                norm.push_str(&orig[at..at + run]);
                norm[from..].make_ascii_lowercase();
                src_start.extend(at as u32..(at + run) as u32);
                src_end.extend(at as u32 + 1..(at + run) as u32 + 1);
                at += run;
                continue;
            }
            let i = at;
            let Some(c) = orig[at..].chars().next() else {
                break;
            };
            at += c.len_utf8();
            if is_invisible(c) {
                continue;
            }
            let e = (i + c.len_utf8()) as u32;
            // "İ" lower-cases to "i" and a combining dot: the dot is dropped like any mark.
            for l in c.to_lowercase().filter(|&l| !is_invisible(l)) {
                let f = fold(l);
                norm.push(f);
                for _ in 0..f.len_utf8() {
                    src_start.push(i as u32);
                    src_end.push(e);
                }
            }
        }
        let mut t = Text {
            orig,
            norm,
            src_start,
            src_end,
            tokens: Vec::new(),
            sentences: Vec::new(),
        };
        t.split();
        t
    }

    /// Maps a byte range of the normalised text to the original text.
    pub fn to_orig(&self, ns: usize, ne: usize) -> (usize, usize) {
        if ns >= ne || ns >= self.src_start.len() {
            let p = if ns < self.src_start.len() {
                self.src_start[ns] as usize
            } else {
                self.orig.len()
            };
            return (p, p);
        }
        (self.src_start[ns] as usize, self.src_end[ne - 1] as usize)
    }

    /// The original text of a token.
    pub fn orig_of(&self, t: &Token) -> &'a str {
        &self.orig[t.start..t.end]
    }

    /// The normalised text of a token.
    pub fn word(&self, t: &Token) -> &str {
        &self.norm[t.ns..t.ne]
    }

    /// Index of the first token that starts at or after original byte `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// Tokenises the normalised text and finds sentence boundaries in one pass.
    fn split(&mut self) {
        let mut tokens = Vec::new();
        let mut sentence = 0usize;
        let mut sentence_open = false; // saw a token since the last boundary
        let mut sent_start_orig = 0usize;
        let mut sentences = Vec::new();
        let norm = &self.norm;
        let mut iter = norm.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if c.is_alphanumeric() {
                let ns = i;
                let mut ne = i + c.len_utf8();
                let mut has_letter = c.is_alphabetic();
                while let Some(&(j, d)) = iter.peek() {
                    if d.is_alphanumeric() {
                        has_letter |= d.is_alphabetic();
                        ne = j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                let start = self.src_start[ns] as usize;
                // Combining marks and zero-width characters right after the last letter belong
                // to the word ("Zoe" + U+0308): a span or a fix must not cut them off.
                let mut end = self.src_end[ne - 1] as usize;
                while let Some(c) = self.orig[end..].chars().next().filter(|&c| is_invisible(c)) {
                    end += c.len_utf8();
                }
                let o = &self.orig[start..end];
                let first = o.chars().find(|c| !is_invisible(*c));
                let capitalized = first.is_some_and(|c| c.is_uppercase());
                let letters = o.chars().filter(|c| c.is_alphabetic()).count();
                let all_caps = letters >= 2
                    && o.chars()
                        .filter(|c| c.is_alphabetic())
                        .all(|c| c.is_uppercase());
                tokens.push(Token {
                    ns,
                    ne,
                    start,
                    end,
                    sentence,
                    sentence_start: !sentence_open,
                    capitalized,
                    all_caps,
                    has_letter,
                });
                sentence_open = true;
            } else if matches!(c, '.' | '!' | '?' | '\n' | ':' | ';' | '…') {
                // "M.G." or "14.00" do not end a sentence: a boundary needs a space or end after it,
                // and a single-letter initial before it ("R. uit 4vwo") does not count.
                let next = iter.peek().map(|&(_, d)| d);
                let ends =
                    c == '\n' || next.is_none_or(|d| d.is_whitespace() || d == '"' || d == '\'');
                let initial = c == '.'
                    && tokens
                        .last()
                        .is_some_and(|t: &Token| t.ne == i && t.ne - t.ns == 1 && t.capitalized);
                if ends && !initial && sentence_open {
                    let e = self.src_end[i] as usize;
                    sentences.push((sent_start_orig, e));
                    sent_start_orig = e;
                    sentence += 1;
                    sentence_open = false;
                }
            }
        }
        if sentence_open || sentences.is_empty() {
            sentences.push((sent_start_orig, self.orig.len()));
        } else if let Some(last) = sentences.last_mut() {
            last.1 = self.orig.len();
        }
        self.tokens = tokens;
        self.sentences = sentences;
    }

    /// Tokens of sentence `s`.
    pub fn sentence_tokens(&self, s: usize) -> &[Token] {
        let a = self.tokens.partition_point(|t| t.sentence < s);
        let b = self.tokens.partition_point(|t| t.sentence <= s);
        &self.tokens[a..b]
    }

    /// The original text between two tokens (what separates them: spaces, commas, ...).
    pub fn gap(&self, a: &Token, b: &Token) -> &'a str {
        if a.end <= b.start {
            &self.orig[a.end..b.start]
        } else {
            ""
        }
    }
}

/// Compiles a rule's pattern with ASCII word boundaries. A Unicode `\b` makes the regex
/// engine leave its fast DFA on any non-ASCII text (one emoji is enough), which made checks
/// several times slower; the rules run on normalised text where words are ASCII letters
/// almost everywhere, so the ASCII boundary is what they mean.
///
/// For the same reason, and to keep the wasm small (regex is built without its Unicode
/// class tables), `\d` and `\s` mean their ASCII forms; patterns spell any other class out.
pub fn regex(pattern: &str) -> Regex {
    try_regex(pattern).expect("rule pattern compiles")
}

/// [`regex`] without the panic, for checking patterns that come from data files.
pub fn try_regex(pattern: &str) -> Result<Regex, Box<re::BuildError>> {
    Regex::new(&ascii_classes(pattern))
}

/// The pattern as [`regex`] compiles it: `\b`, `\d` and `\s` in their ASCII forms.
fn ascii_classes(pattern: &str) -> String {
    pattern
        .replace("\\b", "(?-u:\\b)")
        .replace("\\d", "[0-9]")
        .replace("\\s", "[\\t\\n\\x0B\\x0C\\r ]")
}

/// A fast, non-cryptographic hasher for the word lists (the Fx hash of rustc): the checker
/// looks up every word of a post in several sets, and SipHash dominated that cost.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FastHash = std::hash::BuildHasherDefault<FxHasher>;
pub type FastMap<K, V> = std::collections::HashMap<K, V, FastHash>;
pub type FastSet<K> = std::collections::HashSet<K, FastHash>;

/// Converts byte offsets of one string to UTF-16 offsets, in one pass over the text.
pub struct Utf16Map {
    /// (byte offset, utf16 offset) at every character start plus the end.
    byte_to_u16: Vec<(u32, u32)>,
}

impl Utf16Map {
    pub fn new(s: &str) -> Utf16Map {
        let mut v = Vec::with_capacity(s.len() / 2 + 1);
        let mut u = 0u32;
        for (i, c) in s.char_indices() {
            v.push((i as u32, u));
            u += c.len_utf16() as u32;
        }
        v.push((s.len() as u32, u));
        Utf16Map { byte_to_u16: v }
    }

    /// UTF-16 offset of a byte offset (rounded down to a character boundary).
    pub fn u16(&self, byte: usize) -> usize {
        let i = self
            .byte_to_u16
            .partition_point(|&(b, _)| (b as usize) <= byte);
        self.byte_to_u16[i.saturating_sub(1)].1 as usize
    }
}

/// Is `c` an emoji or pictograph (the ranges people use in posts)?
pub fn is_emoji(c: char) -> bool {
    // Fast exit for the text around the emoji (everything below the symbol blocks).
    if (c as u32) < 0x2600 {
        return false;
    }
    matches!(c as u32,
        0x1F300..=0x1F5FF | 0x1F600..=0x1F64F | 0x1F680..=0x1F6FF | 0x1F900..=0x1F9FF
        | 0x1FA70..=0x1FAFF | 0x2600..=0x26FF | 0x2700..=0x27BF | 0x1F1E6..=0x1F1FF | 0x2B50 | 0x2B55
        | 0x1F004 | 0x1F0CF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_diacritics_fullwidth_and_zero_width() {
        assert_eq!(normalize("Zoë"), "zoe");
        assert_eq!(normalize("ＳＨＩＴ"), "shit");
        assert_eq!(normalize("k\u{200B}u\u{200D}t"), "kut");
        assert_eq!(normalize("Zoe\u{0308}"), "zoe");
    }

    #[test]
    fn tokens_map_back_to_the_original() {
        let t = Text::new("Zoë ＫＵＴ k\u{200B}ut!");
        let words: Vec<_> = t.tokens.iter().map(|x| t.word(x).to_string()).collect();
        assert_eq!(words, ["zoe", "kut", "kut"]);
        assert_eq!(t.orig_of(&t.tokens[0]), "Zoë");
        assert_eq!(t.orig_of(&t.tokens[1]), "ＫＵＴ");
        assert_eq!(t.orig_of(&t.tokens[2]), "k\u{200B}ut");
    }

    #[test]
    fn a_word_keeps_its_combining_marks() {
        let t = Text::new("Zoe\u{0308} en Noor");
        assert_eq!(t.orig_of(&t.tokens[0]), "Zoe\u{0308}");
        assert_eq!(t.word(&t.tokens[0]), "zoe");
    }

    #[test]
    fn sentences_and_capitals() {
        let t = Text::new("Annie M.G. Schmidt leest. Daan uit groep 6 ook! om 14.00 uur");
        let daan = t.tokens.iter().find(|x| t.word(x) == "daan").unwrap();
        assert!(daan.sentence_start && daan.capitalized);
        let schmidt = t.tokens.iter().find(|x| t.word(x) == "schmidt").unwrap();
        assert!(!schmidt.sentence_start);
        assert_eq!(t.sentences.len(), 3);
    }

    #[test]
    fn utf16_offsets() {
        let s = "😀 a é";
        let m = Utf16Map::new(s);
        assert_eq!(m.u16(0), 0);
        assert_eq!(m.u16(4), 2);
        assert_eq!(m.u16(5), 3);
        assert_eq!(m.u16(s.len()), 6);
    }
}
