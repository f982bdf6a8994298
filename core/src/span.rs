//! Byte-offset spans into the Dockerfile text, and a line index to turn them
//! into 1-based lines. UTF-16 columns are the UI's business, not ours.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the source text.
/// Invariant: `start <= end`, both on `char` boundaries of the text they index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end: end.max(start) }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// The text this span covers, or "" if it does not fit `text`.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Start offsets of every line, for offset -> (line, column) look-ups.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        // A plain byte loop: lines are short, and starting a search for
        // every one costs more than it saves.
        starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        LineIndex { starts, len: text.len() }
    }

    /// 1-based line of a byte offset (offsets past the end map to the last line).
    pub fn line(&self, offset: usize) -> u32 {
        let offset = offset.min(self.len);
        (self.starts.partition_point(|&s| s <= offset)) as u32
    }

    /// 1-based line and 1-based column counted in Unicode scalar values.
    pub fn line_col(&self, text: &str, offset: usize) -> (u32, u32) {
        let line = self.line(offset);
        let start = self.starts[(line - 1) as usize];
        let col = text.get(start..offset.min(text.len())).map_or(0, |s| s.chars().count());
        (line, col as u32 + 1)
    }

    /// Byte offset of the start of a 1-based line (clamped).
    pub fn line_start(&self, line: u32) -> usize {
        let i = (line.max(1) as usize - 1).min(self.starts.len() - 1);
        self.starts[i]
    }

    pub fn line_count(&self) -> u32 {
        self.starts.len() as u32
    }
}
