//! Reading documents from files or standard input: whole JSON files with the size limit checked
//! before reading on, and JSON Lines streamed one line at a time so memory stays flat.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};

/// The largest document accepted, in bytes (the contract's 1 MiB).
pub const MAX_DOCUMENT: usize = 1024 * 1024;

/// Where a document comes from: a path, or `-` for standard input.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as given, `-` for standard input.
    pub name: String,
}

impl Source {
    /// A source from a command-line argument.
    pub fn new(name: &str) -> Source {
        Source {
            name: name.to_owned(),
        }
    }

    /// True when the name says JSON Lines (`.jsonl`, `.ndjson`).
    pub fn is_json_lines(&self) -> bool {
        self.name.ends_with(".jsonl") || self.name.ends_with(".ndjson")
    }

    /// Opens the source for reading.
    pub fn open(&self) -> io::Result<Box<dyn BufRead>> {
        if self.name == "-" {
            Ok(Box::new(BufReader::new(io::stdin().lock())))
        } else {
            Ok(Box::new(BufReader::new(File::open(&self.name)?)))
        }
    }

    /// Reads the whole document, stopping one byte past the limit so that an oversized input is
    /// reported (by the parser, with its code) without reading all of it.
    pub fn read_document(&self) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        self.open()?
            .take(MAX_DOCUMENT as u64 + 1)
            .read_to_end(&mut bytes)?;
        Ok(bytes)
    }
}

/// One line of a JSON Lines input: its 1-based number and its bytes (cut one byte past the limit).
#[derive(Debug)]
pub struct Line {
    /// 1-based line number.
    pub number: usize,
    /// The line without its end-of-line bytes.
    pub bytes: Vec<u8>,
}

/// Streams the lines of `reader`, skipping blank ones. A line longer than the limit is cut one
/// byte past it (the parser then reports it as too large) and the rest of it is skipped.
pub fn lines(reader: Box<dyn BufRead>) -> impl Iterator<Item = io::Result<Line>> {
    let mut reader = reader;
    let mut number = 0;
    std::iter::from_fn(move || loop {
        number += 1;
        let mut bytes = Vec::new();
        let read = (&mut reader)
            .take(MAX_DOCUMENT as u64 + 1)
            .read_until(b'\n', &mut bytes);
        match read {
            Err(e) => return Some(Err(e)),
            Ok(0) => return None,
            Ok(_) => {}
        }
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
        } else if bytes.len() > MAX_DOCUMENT {
            if let Err(e) = skip_line(&mut reader) {
                return Some(Err(e));
            }
        }
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        return Some(Ok(Line { number, bytes }));
    })
}

fn skip_line(reader: &mut Box<dyn BufRead>) -> io::Result<()> {
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(end) => {
                reader.consume(end + 1);
                return Ok(());
            }
            None => {
                let len = buffer.len();
                reader.consume(len);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(text: &[u8]) -> Vec<(usize, Vec<u8>)> {
        let reader: Box<dyn BufRead> = Box::new(io::Cursor::new(text.to_vec()));
        lines(reader)
            .map(|l| l.map(|l| (l.number, l.bytes)))
            .collect::<io::Result<_>>()
            .unwrap_or_default()
    }

    #[test]
    fn numbers_lines_and_skips_blank_ones() {
        let got = collect(b"{}\n\n  \r\n{\"a\":1}\r\n[]");
        assert_eq!(
            got,
            vec![
                (1, b"{}".to_vec()),
                (4, b"{\"a\":1}".to_vec()),
                (5, b"[]".to_vec())
            ]
        );
    }

    #[test]
    fn cuts_an_oversized_line_and_goes_on() {
        let mut text = vec![b'x'; MAX_DOCUMENT + 10];
        text.extend_from_slice(b"\n{}\n");
        let got = collect(&text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, 1);
        assert_eq!(got[0].1.len(), MAX_DOCUMENT + 1);
        assert_eq!(got[1], (2, b"{}".to_vec()));
    }
}
