//! The small subset of regular expressions the published schemas use, so the library checks the
//! same `pattern`s as a JSON Schema validator without a regex engine.
//!
//! Supported: `^` and `$` anchors, literal characters, `\` escapes of punctuation, character
//! classes with ranges (`[A-Za-z0-9._-]`), and the quantifiers `?`, `*`, `+`, `{n}` and `{n,m}`.
//!
//! Patterns are compiled when the schema is (`cargo xtask codegen`); the library carries them
//! compiled, as static data, and only matches.

use std::borrow::Cow;

/// Texts of fewer bytes than this are matched without allocating.
#[cfg(not(target_arch = "wasm32"))]
const SHORT_TEXT: usize = 32;

/// One element of a pattern: which characters it accepts and how many times.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    class: Cow<'static, [(char, char)]>,
    min: usize,
    max: usize,
}

impl Piece {
    /// A piece as compiled source writes it.
    pub(crate) const fn new(class: &'static [(char, char)], min: usize, max: usize) -> Piece {
        Piece {
            class: Cow::Borrowed(class),
            min,
            max,
        }
    }
}

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pattern {
    pieces: Cow<'static, [Piece]>,
    anchored_start: bool,
    anchored_end: bool,
}

impl Pattern {
    /// A pattern as compiled source writes it.
    pub(crate) const fn new(
        pieces: &'static [Piece],
        anchored_start: bool,
        anchored_end: bool,
    ) -> Pattern {
        Pattern {
            pieces: Cow::Borrowed(pieces),
            anchored_start,
            anchored_end,
        }
    }

    /// Compiles `source`; `None` when it uses more than the supported subset.
    #[cfg(any(test, feature = "codegen"))]
    pub(crate) fn compile(source: &str) -> Option<Pattern> {
        let mut chars = source.chars().peekable();
        let anchored_start = chars.next_if_eq(&'^').is_some();
        let mut pieces = Vec::new();
        let mut anchored_end = false;
        while let Some(c) = chars.next() {
            let class = match c {
                '$' if chars.peek().is_none() => {
                    anchored_end = true;
                    break;
                }
                '[' => {
                    let mut class = Vec::new();
                    loop {
                        let first = match chars.next()? {
                            ']' => break,
                            '\\' => escaped(chars.next()?)?,
                            '^' if class.is_empty() => return None,
                            c => c,
                        };
                        // A `-` is a range only between two characters, not before `]`.
                        if chars.peek() == Some(&'-') {
                            let mut ahead = chars.clone();
                            ahead.next();
                            match ahead.peek() {
                                Some(']') | None => class.push((first, first)),
                                Some(_) => {
                                    chars.next();
                                    let last = match chars.next()? {
                                        '\\' => escaped(chars.next()?)?,
                                        c => c,
                                    };
                                    if last < first {
                                        return None;
                                    }
                                    class.push((first, last));
                                }
                            }
                        } else {
                            class.push((first, first));
                        }
                    }
                    class
                }
                '\\' => {
                    let c = escaped(chars.next()?)?;
                    vec![(c, c)]
                }
                '(' | ')' | '|' | '.' | '*' | '+' | '?' | '{' | '}' | '^' | '$' | ']' => {
                    return None;
                }
                c => vec![(c, c)],
            };
            let (min, max) = match chars.peek() {
                Some('?') => (0, 1),
                Some('*') => (0, usize::MAX),
                Some('+') => (1, usize::MAX),
                Some('{') => {
                    chars.next();
                    let mut spec = String::new();
                    loop {
                        match chars.next()? {
                            '}' => break,
                            c => spec.push(c),
                        }
                    }
                    let (min, max) = match spec.split_once(',') {
                        Some((min, max)) => (min.parse().ok()?, max.parse().ok()?),
                        None => {
                            let n = spec.parse().ok()?;
                            (n, n)
                        }
                    };
                    if max < min {
                        return None;
                    }
                    pieces.push(Piece {
                        class: class.into(),
                        min,
                        max,
                    });
                    continue;
                }
                _ => {
                    pieces.push(Piece {
                        class: class.into(),
                        min: 1,
                        max: 1,
                    });
                    continue;
                }
            };
            chars.next();
            pieces.push(Piece {
                class: class.into(),
                min,
                max,
            });
        }
        Some(Pattern {
            pieces: pieces.into(),
            anchored_start,
            anchored_end,
        })
    }

    /// True when `text` matches (unanchored sides match anywhere, as in JSON Schema).
    pub(crate) fn is_match(&self, text: &str) -> bool {
        // The texts the schemas match are short (ids, codes, numbers): natively their characters
        // are kept on the stack, not allocated. The WASM module, whose size counts for more,
        // collects them.
        #[cfg(not(target_arch = "wasm32"))]
        let mut short = ['\0'; SHORT_TEXT];
        #[cfg(not(target_arch = "wasm32"))]
        let chars: &[char] = if text.len() < SHORT_TEXT {
            // Fewer bytes than places, so fewer characters too.
            let mut count = 0;
            for (slot, c) in short.iter_mut().zip(text.chars()) {
                *slot = c;
                count += 1;
            }
            short.get(..count).unwrap_or_default()
        } else {
            &text.chars().collect::<Vec<char>>()
        };
        #[cfg(target_arch = "wasm32")]
        let chars: &[char] = &text.chars().collect::<Vec<char>>();
        let starts = if self.anchored_start {
            0..=0
        } else {
            0..=chars.len()
        };
        starts
            .into_iter()
            .any(|start| self.match_at(chars, start, 0))
    }

    fn match_at(&self, chars: &[char], pos: usize, piece: usize) -> bool {
        let Some(current) = self.pieces.get(piece) else {
            return !self.anchored_end || pos == chars.len();
        };
        let accepts = |c: char| current.class.iter().any(|&(lo, hi)| lo <= c && c <= hi);
        let mut count = 0;
        while count < current.max && chars.get(pos + count).is_some_and(|&c| accepts(c)) {
            count += 1;
        }
        // Greedy first, then give back one character at a time.
        (current.min..=count)
            .rev()
            .any(|taken| self.match_at(chars, pos + taken, piece + 1))
    }

    /// Rust source of this pattern: its pieces, each built with [`Piece::new`], their count,
    /// and whether it is anchored at the start and at the end, for [`Pattern::new`].
    #[cfg(any(test, feature = "codegen"))]
    pub(crate) fn source(&self) -> (String, usize, bool, bool) {
        let pieces: Vec<String> = self
            .pieces
            .iter()
            .map(|piece| {
                let class: Vec<String> = piece
                    .class
                    .iter()
                    .map(|(lo, hi)| format!("({lo:?}, {hi:?})"))
                    .collect();
                let max = match piece.max {
                    usize::MAX => "usize::MAX".to_owned(),
                    max => max.to_string(),
                };
                format!("Piece::new(&[{}], {}, {max})", class.join(", "), piece.min)
            })
            .collect();
        (
            pieces.join(", "),
            pieces.len(),
            self.anchored_start,
            self.anchored_end,
        )
    }
}

/// A character escaped for itself: ASCII punctuation, as a Unicode-mode ECMA-262 pattern (what
/// JSON Schema validators compile) allows; `\d` and the like are not read here.
#[cfg(any(test, feature = "codegen"))]
fn escaped(c: char) -> Option<char> {
    c.is_ascii_punctuation().then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_patterns_match_as_a_regex_engine_would() {
        let cases: &[(&str, &str, bool)] = &[
            (r"^[A-Za-z0-9._-]{1,64}$", "KTK-2026.001_a", true),
            (r"^[A-Za-z0-9._-]{1,64}$", "", false),
            (r"^[A-Za-z0-9._-]{1,64}$", "a b", false),
            (r"^[A-Za-z0-9._-]{1,64}$", &"a".repeat(64), true),
            (r"^[A-Za-z0-9._-]{1,64}$", &"a".repeat(65), false),
            (r"^[0-9]{2}$", "63", true),
            (r"^[0-9]{2}$", "6", false),
            (r"^[0-9]{2}$", "063", false),
            (r"^[0-9]{2}\.[0-9]{2}$", "63.71", true),
            (r"^[0-9]{2}\.[0-9]{2}$", "63x71", false),
            (r"^[0-9]{16}$", "6371012345678901", true),
            (r"^[0-9]{16}$", "637101234567890", false),
            (r"^[0-9]{16}$", "637101234567890a", false),
            (r"^[A-Z]{2}$", "ID", true),
            (r"^[A-Z]{2}$", "id", false),
            (r"^\+?[0-9][0-9 -]{2,19}$", "+62 812-3456-7890", true),
            (r"^\+?[0-9][0-9 -]{2,19}$", "129", true),
            (r"^\+?[0-9][0-9 -]{2,19}$", "+12", false),
            (r"^\+?[0-9][0-9 -]{2,19}$", "++129", false),
            (r"^[a-z]{2,3}$", "bjn", true),
            (r"^[a-z]{2,3}$", "b", false),
            (r"^[a-z]{2,3}$", "bjnx", false),
            (r"[0-9]", "ab1", true),
            (r"[0-9]", "abc", false),
            (r"^a*b+$", "b", true),
            (r"^a*b+$", "aa", false),
            (r"^[a-]$", "-", true),
            ("^é{2}$", "éé", true),
            // Around the length past which the characters are collected on the heap.
            (r"^[a-z]{31}$", &"a".repeat(31), true),
            (r"^[a-z]{31}$", &"a".repeat(32), false),
            (r"^[a-z]{32}$", &"a".repeat(32), true),
            (r"^[a-z]{32}$", &"a".repeat(33), false),
            (r"^[a-z]{33}$", &"a".repeat(33), true),
            (r"^[a-z]{33}$", &"a".repeat(32), false),
            (r"[0-9]", &format!("{}1", "é".repeat(40)), true),
            (r"[0-9]$", &format!("{}1x", "a".repeat(40)), false),
        ];
        for (source, text, expected) in cases {
            let pattern = Pattern::compile(source);
            assert_eq!(
                pattern.map(|p| p.is_match(text)),
                Some(*expected),
                "{source} on {text:?}"
            );
        }
    }

    #[test]
    fn unsupported_patterns_are_refused() {
        for source in [
            "^(a|b)$", "^a.b$", "^[^a]$", "^\\d$", "^[a-$", "^a{2$", "^a{3,1}$", "^[z-a]$", "^\\é$",
        ] {
            assert_eq!(Pattern::compile(source), None, "{source}");
        }
    }
}
