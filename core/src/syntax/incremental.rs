//! Re-parsing after an edit. An editor parses on every keystroke and the
//! cache simulation parses every build of a history, while an edit touches a
//! line or two: [`Incremental::edit`] re-parses only the logical lines
//! between the text's unchanged head and its unchanged tail, and reuses the
//! others, moved by the edit's length. The result is exactly what [`parse`]
//! returns for the new text; `core/tests/incremental.rs` checks that on
//! random edits of real Dockerfiles.
//!
//! [`parse`]: super::parse

use super::ast::*;
use super::parse::{assemble, scan, Unit};
use crate::diag::Diagnostic;
use crate::span::Span;
use std::ops::Range;
use std::sync::Arc;

/// A parse that can be updated after an edit of its text.
#[derive(Debug, Clone)]
pub struct Incremental {
    text: Arc<str>,
    dockerfile: Arc<Dockerfile>,
    /// In text order, as `parse` returns them.
    diagnostics: Arc<[Diagnostic]>,
    /// The logical lines, and the diagnostics of the first pass (before
    /// stages are built) that their ranges point into.
    units: Arc<[Unit]>,
    scan_diags: Arc<[Diagnostic]>,
    head_comments: usize,
    head_diags: usize,
    newlines: usize,
}

impl Incremental {
    /// Parses `text` from scratch.
    pub fn new(text: &str) -> Incremental {
        let scan = scan(text, None, &mut |_| false);
        let (df, diags) =
            assemble(scan.directives, scan.escape, scan.instructions, scan.comments, scan.diags.clone(), &scan.index);
        Incremental {
            text: text.into(),
            dockerfile: Arc::new(df),
            diagnostics: diags.into(),
            units: scan.units.into(),
            scan_diags: scan.diags.into(),
            head_comments: scan.head_comments,
            head_diags: scan.head_diags,
            newlines: scan.index.line_count() as usize - 1,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn dockerfile(&self) -> &Arc<Dockerfile> {
        &self.dockerfile
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The parse of `text`, an edited version of this parse's text.
    pub fn edit(&self, text: &str) -> Incremental {
        let old: &str = &self.text;
        if old == text {
            return self.clone();
        }
        let prefix = common_prefix(old, text);
        let suffix = common_suffix(old, text, (old.len() - prefix).min(text.len() - prefix));
        // Logical lines that end, line break included, inside the unchanged
        // head parse as before. One that ran to the end of the text could
        // have gone on, so it never counts. With none, the directive block
        // may have changed: parse from scratch.
        let kept = self.units.partition_point(|u| u.next <= prefix && u.next < old.len());
        if kept == 0 {
            return Incremental::new(text);
        }
        let resume = self.units[kept - 1].next;
        let delta = text.len() as isize - old.len() as isize;
        let tail_start = text.len() - suffix;
        // Scan until a logical line starts inside the unchanged tail where an
        // old one started: from there on the lines are the old ones, moved.
        let mut resync = None;
        let scan = scan(text, Some((resume, self.dockerfile.escape)), &mut |at| {
            if at < tail_start {
                return false;
            }
            let old_at = (at as isize - delta) as usize;
            resync = self.units.binary_search_by_key(&old_at, |u| u.start).ok();
            resync.is_some()
        });

        let old_df = &self.dockerfile;
        let newlines = scan.index.line_count() as usize - 1;
        let lines = newlines as i64 - self.newlines as i64;
        let mut out = Parts {
            instructions: Vec::with_capacity(old_df.instructions.len() + scan.instructions.len()),
            comments: Vec::with_capacity(old_df.comments.len() + scan.comments.len()),
            diags: Vec::with_capacity(self.scan_diags.len() + scan.diags.len()),
            units: Vec::with_capacity(self.units.len() + scan.units.len()),
        };
        out.comments.extend(old_df.comments[..self.head_comments].iter().cloned());
        out.diags.extend(self.scan_diags[..self.head_diags].iter().cloned());
        for u in &self.units[..kept] {
            out.push(u, old_df, &self.scan_diags, 0, 0);
        }
        let (base_i, base_c, base_d) = (out.instructions.len(), out.comments.len(), out.diags.len());
        out.units.extend(scan.units.into_iter().map(|u| Unit {
            instructions: offset(u.instructions, base_i),
            comments: offset(u.comments, base_c),
            diags: offset(u.diags, base_d),
            ..u
        }));
        out.instructions.extend(scan.instructions);
        out.comments.extend(scan.comments.into_iter().skip(scan.head_comments));
        out.diags.extend(scan.diags.into_iter().skip(scan.head_diags));
        if let Some(j) = resync {
            for u in &self.units[j..] {
                out.push(u, old_df, &self.scan_diags, delta, lines);
            }
        }

        let (df, diags) = assemble(
            old_df.directives.clone(),
            old_df.escape,
            out.instructions,
            out.comments,
            out.diags.clone(),
            &scan.index,
        );
        Incremental {
            text: text.into(),
            dockerfile: Arc::new(df),
            diagnostics: diags.into(),
            units: out.units.into(),
            scan_diags: out.diags.into(),
            head_comments: self.head_comments,
            head_diags: self.head_diags,
            newlines,
        }
    }
}

/// The lists of a parse being assembled from old and new logical lines.
#[derive(Default)]
struct Parts {
    instructions: Vec<Arc<Instruction>>,
    comments: Vec<Comment>,
    diags: Vec<Diagnostic>,
    units: Vec<Unit>,
}

impl Parts {
    /// Appends an old logical line, moved by `bytes` and `lines`.
    fn push(&mut self, u: &Unit, old: &Dockerfile, old_diags: &[Diagnostic], bytes: isize, lines: i64) {
        let moved = |r: &Range<usize>, len: usize| len..len + r.len();
        let unit = Unit {
            start: shift_offset(u.start, bytes),
            next: shift_offset(u.next, bytes),
            instructions: moved(&u.instructions, self.instructions.len()),
            comments: moved(&u.comments, self.comments.len()),
            diags: moved(&u.diags, self.diags.len()),
        };
        for i in &old.instructions[u.instructions.clone()] {
            // An instruction that has not moved is shared, not copied.
            if bytes == 0 && lines == 0 {
                self.instructions.push(i.clone());
            } else {
                let mut i = Instruction::clone(i);
                i.shift(bytes, lines);
                self.instructions.push(Arc::new(i));
            }
        }
        for c in &old.comments[u.comments.clone()] {
            let mut c = c.clone();
            c.shift(bytes, lines);
            self.comments.push(c);
        }
        for d in &old_diags[u.diags.clone()] {
            let mut d = d.clone();
            d.shift(bytes, lines);
            self.diags.push(d);
        }
        self.units.push(unit);
    }
}

fn offset(r: Range<usize>, by: usize) -> Range<usize> {
    r.start + by..r.end + by
}

/// Where `offset` in `from` stands in `to`, an edit of it: the same place
/// before what the edit changed, moved with the text after it, and at the
/// edit's start inside it. The page's panels show the text as it was when
/// typing last paused; the editor's caret, in the text being typed, reaches
/// them through this.
pub fn map_offset(from: &str, to: &str, offset: usize) -> usize {
    let offset = offset.min(from.len());
    let prefix = common_prefix(from, to);
    let at = if offset <= prefix {
        offset
    } else {
        let suffix = common_suffix(from, to, (from.len() - prefix).min(to.len() - prefix));
        if offset >= from.len() - suffix {
            to.len() - (from.len() - offset)
        } else {
            prefix
        }
    };
    // The common prefix may end inside a character both texts begin.
    let mut at = at.min(to.len());
    while !to.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn common_prefix(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len().min(b.len());
    // Equal blocks are compared whole (one memcmp each), then bytes.
    let mut i = 0;
    while i + BLOCK <= n && a[i..i + BLOCK] == b[i..i + BLOCK] {
        i += BLOCK;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// The length of the common tail of `a` and `b`, at most `max`.
fn common_suffix(a: &str, b: &str, max: usize) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len().min(b.len()).min(max);
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut i = 0;
    while i + BLOCK <= n && a[n - i - BLOCK..n - i] == b[n - i - BLOCK..n - i] {
        i += BLOCK;
    }
    while i < n && a[n - i - 1] == b[n - i - 1] {
        i += 1;
    }
    i
}

/// The block size of the common prefix and suffix searches.
const BLOCK: usize = 64;

fn shift_offset(at: usize, by: isize) -> usize {
    (at as isize + by).max(0) as usize
}

fn shift_line(line: &mut u32, by: i64) {
    *line = (i64::from(*line) + by).clamp(0, i64::from(u32::MAX)) as u32;
}

/// Moving what a logical line produced to where the line now stands. Every
/// impl destructures its struct without `..`, so that a new field with a
/// span or a line fails to compile until it is moved too.
trait Shift {
    fn shift(&mut self, bytes: isize, lines: i64);
}

impl Shift for Span {
    fn shift(&mut self, bytes: isize, _: i64) {
        *self = Span::new(shift_offset(self.start, bytes), shift_offset(self.end, bytes));
    }
}

impl<T: Shift> Shift for Option<T> {
    fn shift(&mut self, bytes: isize, lines: i64) {
        if let Some(x) = self {
            x.shift(bytes, lines);
        }
    }
}

impl<T: Shift> Shift for Vec<T> {
    fn shift(&mut self, bytes: isize, lines: i64) {
        for x in self {
            x.shift(bytes, lines);
        }
    }
}

impl Shift for Diagnostic {
    fn shift(&mut self, bytes: isize, lines: i64) {
        let Diagnostic { span, severity: _, message: _ } = self;
        span.shift(bytes, lines);
    }
}

impl Shift for Comment {
    fn shift(&mut self, bytes: isize, lines: i64) {
        let Comment { text: _, span, line } = self;
        span.shift(bytes, lines);
        shift_line(line, lines);
    }
}

impl Shift for Instruction {
    fn shift(&mut self, bytes: isize, lines: i64) {
        let Instruction {
            keyword: _,
            keyword_text: _,
            keyword_span,
            span,
            line,
            end_line,
            text: _,
            command: _,
            flags,
            args,
            heredocs,
            stage: _,
            empty_continuation: _,
        } = self;
        keyword_span.shift(bytes, lines);
        span.shift(bytes, lines);
        shift_line(line, lines);
        shift_line(end_line, lines);
        flags.shift(bytes, lines);
        args.shift(bytes, lines);
        heredocs.shift(bytes, lines);
    }
}

impl Shift for Flag {
    fn shift(&mut self, bytes: isize, lines: i64) {
        let Flag { name: _, value: _, span } = self;
        span.shift(bytes, lines);
    }
}

impl Shift for Word {
    fn shift(&mut self, bytes: isize, lines: i64) {
        let Word { text: _, span } = self;
        span.shift(bytes, lines);
    }
}

impl Shift for KeyValue {
    fn shift(&mut self, bytes: isize, lines: i64) {
        let KeyValue { key: _, value: _, span } = self;
        span.shift(bytes, lines);
    }
}

impl Shift for ArgDecl {
    fn shift(&mut self, bytes: isize, lines: i64) {
        let ArgDecl { name: _, default: _, span } = self;
        span.shift(bytes, lines);
    }
}

impl Shift for Heredoc {
    fn shift(&mut self, bytes: isize, lines: i64) {
        let Heredoc { name: _, expand: _, chomp: _, content: _, span } = self;
        span.shift(bytes, lines);
    }
}

impl Shift for Mount {
    fn shift(&mut self, bytes: isize, lines: i64) {
        let Mount {
            kind: _,
            target: _,
            source: _,
            from: _,
            id: _,
            sharing: _,
            mode: _,
            uid: _,
            gid: _,
            size: _,
            env: _,
            readonly: _,
            required: _,
            raw: _,
            span,
        } = self;
        span.shift(bytes, lines);
    }
}

impl Shift for Args {
    fn shift(&mut self, bytes: isize, lines: i64) {
        match self {
            Args::From(FromArgs { image, name, as_keyword, platform: _ }) => {
                image.shift(bytes, lines);
                name.shift(bytes, lines);
                as_keyword.shift(bytes, lines);
            }
            Args::Run(RunArgs { command: _, mounts, network: _, security: _ }) => mounts.shift(bytes, lines),
            Args::Copy(c) | Args::Add(c) => {
                let CopyArgs {
                    sources,
                    dest,
                    from: _,
                    chown: _,
                    chmod: _,
                    link: _,
                    parents: _,
                    exclude: _,
                    checksum: _,
                    keep_git_dir: _,
                    json: _,
                } = c;
                sources.shift(bytes, lines);
                dest.shift(bytes, lines);
            }
            Args::Env { pairs, legacy: _ } | Args::Label { pairs, legacy: _ } => pairs.shift(bytes, lines),
            Args::Arg(decls) => decls.shift(bytes, lines),
            Args::Expose(words) | Args::Volume(words) => words.shift(bytes, lines),
            Args::User(w) | Args::Workdir(w) | Args::Stopsignal(w) => w.shift(bytes, lines),
            Args::Onbuild(inner) => inner.shift(bytes, lines),
            Args::Healthcheck(HealthcheckArgs {
                command: _,
                interval: _,
                timeout: _,
                start_period: _,
                start_interval: _,
                retries: _,
            }) => {}
            Args::Cmd(_) | Args::Entrypoint(_) | Args::Shell(_) | Args::Maintainer(_) | Args::Invalid => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{common_prefix, common_suffix, map_offset};

    /// Each case: a text with `|` marking an offset, the edited text, and
    /// the edited text with `|` where the offset lands.
    fn check(from: &str, to: &str, expect: &str) {
        let offset = from.find('|').unwrap();
        let from = from.replace('|', "");
        let at = map_offset(&from, to, offset);
        let got = format!("{}|{}", &to[..at], &to[at..]);
        assert_eq!(got, expect, "{from:?} -> {to:?}");
    }

    #[test]
    fn offsets_follow_an_edit() {
        // Before the change: where it was; after it: moved with the text.
        check("FROM a\nRUN |x\n", "FROM a\nRUN x\nCMD y\n", "FROM a\nRUN |x\nCMD y\n");
        check("FROM a\nRUN x|\n", "FROM abc\nRUN x\n", "FROM abc\nRUN x|\n");
        check("FROM a\nRUN x|\nCMD y\n", "FROM a\nRUN \nCMD y\n", "FROM a\nRUN |\nCMD y\n");
        // A caret after a typed letter stands where the letter is not yet:
        // on the same line of the text without it.
        check("RUN apt-get x|\nCMD y\n", "RUN apt-get \nCMD y\n", "RUN apt-get |\nCMD y\n");
        // Inside what was replaced: the change's start.
        check("RUN a|bc d\n", "RUN xyz d\n", "RUN |xyz d\n");
        // Equal texts, past the end, empty texts.
        check("RUN a|\n", "RUN a\n", "RUN a|\n");
        check("|", "", "|");
        check("RUN a\n|", "", "|");
        // Never inside a character: `é` and `è` share their first byte.
        check("RUN é|x\n", "RUN èy\n", "RUN |èy\n");
        check("RUN é|\n", "RUN è\n", "RUN è|\n");
    }

    /// The block-wise searches agree with a byte-by-byte walk wherever the
    /// first difference falls, around block edges and text ends included.
    #[test]
    fn common_prefix_and_suffix_agree_with_a_byte_walk() {
        for len in [0, 1, 63, 64, 65, 128, 200] {
            let base: String = (0..len).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
            for at in 0..=len {
                let rest = base.get(at + 1..).unwrap_or("");
                let others = [
                    ("replaced", format!("{}#{rest}", &base[..at])),
                    ("removed", format!("{}{rest}", &base[..at])),
                    ("cut", base[..at].to_string()),
                    ("cut front", base[at..].to_string()),
                ];
                for (name, other) in others {
                    let prefix = base.bytes().zip(other.bytes()).take_while(|(x, y)| x == y).count();
                    assert_eq!(common_prefix(&base, &other), prefix, "{name} at {at} of {len}");
                    for max in [0, 7, 64, 65, 500] {
                        let suffix =
                            base.bytes().rev().zip(other.bytes().rev()).take(max).take_while(|(x, y)| x == y).count();
                        assert_eq!(common_suffix(&base, &other, max), suffix, "{name} at {at} of {len}, max {max}");
                    }
                }
            }
        }
    }
}
