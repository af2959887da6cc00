//! # lindung
//!
//! Assessment, risk scoring, trafficking identification and referral for victims of violence
//! (KTK, *Korban Tindak Kekerasan*) and of human trafficking (KPO, *Korban Perdagangan Orang*).
//!
//! lindung is decision support, not a decision: every conclusion names the rules and the answers
//! that produced it, and the officer's professional judgement stays beside the computed level.
//!
//! The core reads no clock and does no I/O: `assessedAt` is the "now" of every computation.
#![deny(missing_docs)]

/// The README's examples, run as doctests so the quick start stays true.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

pub mod completeness;
pub mod condition;
mod decode;
pub mod directory;
pub mod encode;
pub mod engine;
pub mod fields;
pub mod form;
pub mod json;
pub mod model;
pub mod parse;
pub mod problem;
pub mod referral;
pub mod result;
pub mod risk;
pub mod rules;
pub mod schema;
pub mod service;
pub mod text;
pub mod trafficking;
pub mod validate;

pub use engine::Engine;
pub use model::*;
pub use problem::{Problem, Severity};
pub use result::AssessmentResult;
pub use rules::RuleSet;
pub use service::ServiceKind;

/// Sorts a short list by key, keeping the order of items with equal keys: an insertion sort, as
/// the lists sorted here hold a few dozen items at most and the standard sorts are large in WASM.
pub(crate) fn sort_short_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for next in 1..items.len() {
        let mut at = next;
        while at > 0 && key(&items[at - 1]) > key(&items[at]) {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

/// Sorts `positions` so that none is `less` than one before it, in O(n log n) time whatever
/// their order: a heapsort, one body for every caller, small in WASM where the standard sorts are
/// large. It is not stable; callers order equal keys by position.
pub(crate) fn heap_sort(positions: &mut [usize], less: &dyn Fn(usize, usize) -> bool) {
    // Moves the position at `root` down the heap held in `positions[..end]` until its children
    // are not greater.
    let sift = |positions: &mut [usize], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(positions[child], positions[child + 1]) {
            child += 1;
        }
        if !less(positions[root], positions[child]) {
            break;
        }
        positions.swap(root, child);
        root = child;
    };
    for start in (0..positions.len() / 2).rev() {
        sift(positions, start, positions.len());
    }
    for end in (1..positions.len()).rev() {
        positions.swap(0, end);
        sift(positions, 0, end);
    }
}

/// The number of characters (Unicode scalar values) in `text`: its bytes that do not continue a
/// character, which is what `chars().count()` gives, in less code.
pub(crate) fn char_count(text: &str) -> usize {
    text.bytes().filter(|byte| byte & 0xC0 != 0x80).count()
}

/// Adds `item` to a sorted list unless it is there already; true when it was added. A set for
/// the few hundred texts checked here, without the code a `BTreeSet` of strings brings to WASM.
pub(crate) fn insert_sorted(list: &mut Vec<String>, item: String) -> bool {
    match list.binary_search(&item) {
        Ok(_) => false,
        Err(at) => {
            list.insert(at, item);
            true
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn characters_are_counted_as_chars_counts_them() {
        for text in [
            "",
            "a",
            "é",
            "ü ẞ 中文 🙂",
            "\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}",
        ] {
            assert_eq!(super::char_count(text), text.chars().count(), "{text}");
        }
    }

    #[test]
    fn a_sorted_list_holds_each_text_once() {
        let mut list = Vec::new();
        let mut set = std::collections::BTreeSet::new();
        let mut state: u32 = 11;
        for _ in 0..500 {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let text = format!("t{}", (state >> 16) % 97);
            assert_eq!(
                super::insert_sorted(&mut list, text.clone()),
                set.insert(text)
            );
        }
        assert_eq!(list, set.into_iter().collect::<Vec<_>>());
    }

    #[test]
    fn the_heap_sort_sorts() {
        let mut state: u32 = 3;
        for len in 0..200 {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|index| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((state >> 16) % 8, index)
                })
                .collect();
            let mut heap: Vec<usize> = (0..items.len()).collect();
            super::heap_sort(&mut heap, &|a, b| items[a] < items[b]);
            let heap: Vec<(u32, usize)> = heap.into_iter().map(|at| items[at]).collect();
            let mut sorted = items;
            sorted.sort();
            assert_eq!(heap, sorted);
        }
    }

    #[test]
    fn the_short_sort_is_the_stable_sort() {
        let mut state: u32 = 7;
        for len in 0..40 {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|index| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((state >> 16) % 4, index)
                })
                .collect();
            let mut short = items.clone();
            super::sort_short_by_key(&mut short, |item| item.0);
            let mut stable = items;
            stable.sort_by_key(|item| item.0);
            assert_eq!(short, stable);
        }
    }
}
