//! Where the page's first state comes from, and how a draft is kept: pure
//! functions over strings, so that the rules are tested natively; the app
//! feeds them the URL fragment and localStorage through `browser`.
//!
//! The rules: a permalink in the URL wins; a damaged one leaves a banner
//! and the page as it would be without it. Else the autosaved draft comes
//! back, else the default sample. Opening a link never loses a different
//! draft: it is copied to a backup key and stays one click away.

use dockerplay_core::lesson::{limits, Lesson};
use dockerplay_core::permalink::{self, DecodeError, ShareState};

/// localStorage key of the autosaved state (a permalink fragment, so that
/// restoring it goes through the same defensive decoding as a link).
pub const DRAFT_KEY: &str = "dockerplay.draft";
/// localStorage key of the draft that an opened link displaced.
pub const BACKUP_KEY: &str = "dockerplay.draft.backup";
/// localStorage key of the lesson being recorded ("Record a lesson"), as
/// JSON: an author's notes outlive a reload, though not a link.
pub const RECORDING_KEY: &str = "dockerplay.recording";

/// Autosave and the URL wait this long after the last change, so typing
/// does not encode the state on every keystroke.
pub const DEBOUNCE_MS: u32 = 750;

/// What the page starts with.
#[derive(Debug, Clone, PartialEq)]
pub struct Startup {
    pub state: ShareState,
    pub notice: Option<Notice>,
    /// A draft displaced by the opened link, to be written to `BACKUP_KEY`.
    pub backup: Option<String>,
}

/// A banner above the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The link in the URL could not be opened.
    BadLink(DecodeError),
    /// A shared state is showing; the user's different draft can be
    /// restored with one click.
    DraftKept(ShareState),
}

/// Decides the first state from the URL fragment (without `#`), the
/// autosaved draft (a fragment too) and the default. `embedded` pages
/// neither restore nor displace the draft: it belongs to the full page.
pub fn startup(fragment: &str, draft: Option<&str>, default: ShareState, embedded: bool) -> Startup {
    let draft = if embedded { None } else { draft.and_then(|d| permalink::decode(d).ok()) };
    if fragment.trim().is_empty() {
        return Startup { state: draft.unwrap_or(default), notice: None, backup: None };
    }
    match permalink::decode(fragment) {
        Ok(shared) => match draft {
            Some(d) if !same_work(&d, &shared) => {
                Startup { state: shared, backup: Some(permalink::encode(&d)), notice: Some(Notice::DraftKept(d)) }
            }
            _ => Startup { state: shared, notice: None, backup: None },
        },
        Err(e) => Startup { state: draft.unwrap_or(default), notice: Some(Notice::BadLink(e)), backup: None },
    }
}

/// A link opened in a tab that already shows `current` (the fragment
/// changed without a reload): the new state and the notice, or `None` when
/// nothing changes. The displaced work is kept as `startup` keeps a draft.
pub fn navigate(fragment: &str, current: &ShareState) -> Option<Startup> {
    if fragment.trim().is_empty() {
        return None;
    }
    match permalink::decode(fragment) {
        Ok(shared) if same_work(&shared, current) => None,
        Ok(shared) => Some(Startup {
            state: shared,
            backup: Some(permalink::encode(current)),
            notice: Some(Notice::DraftKept(current.clone())),
        }),
        Err(e) => Some(Startup { state: current.clone(), notice: Some(Notice::BadLink(e)), backup: None }),
    }
}

/// Whether two states hold the same work: the open panel and the language
/// are view choices, and differing only in them loses nothing.
pub fn same_work(a: &ShareState, b: &ShareState) -> bool {
    let strip = |s: &ShareState| ShareState { panel: None, lang: None, ..s.clone() };
    strip(a) == strip(b)
}

/// The saved recording, or an empty one when there is none or it is not
/// a lesson the page could open (storage is as untrusted as a link).
pub fn recording_from(saved: Option<&str>) -> Lesson {
    let Some(lesson) = saved.and_then(|json| serde_json::from_str::<Lesson>(json).ok()) else {
        return Lesson::default();
    };
    let fits = lesson.steps.is_empty() || limits::check(&lesson, 0, permalink::MAX_DOCKERFILE_BYTES).is_ok();
    if fits {
        lesson
    } else {
        Lesson::default()
    }
}

/// What to save of a recording: `None` (remove the key) when it is empty.
pub fn recording_to(lesson: &Lesson) -> Option<String> {
    let empty = lesson.steps.is_empty() && lesson.title.is_empty();
    if empty {
        None
    } else {
        serde_json::to_string(lesson).ok()
    }
}

/// The page's URL without its fragment, for building links.
pub fn base_of(href: &str) -> &str {
    href.split_once('#').map_or(href, |(base, _)| base)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(text: &str) -> ShareState {
        ShareState::from_dockerfile(text)
    }

    fn frag(text: &str) -> String {
        permalink::encode(&state(text))
    }

    /// Each case: fragment, draft, embedded; the Dockerfile shown, whether
    /// a backup is written, and the notice's kind.
    fn check(fragment: &str, draft: Option<&str>, embedded: bool, expect: (&str, bool, &str)) {
        let s = startup(fragment, draft, state("DEFAULT"), embedded);
        let kind = match &s.notice {
            None => "none",
            Some(Notice::BadLink(_)) => "bad-link",
            Some(Notice::DraftKept(_)) => "draft-kept",
        };
        assert_eq!((s.state.dockerfile.as_str(), s.backup.is_some(), kind), expect, "{fragment:?} {draft:?}");
        if let (Some(b), Some(Notice::DraftKept(d))) = (&s.backup, &s.notice) {
            assert_eq!(&permalink::decode(b).unwrap(), d, "the backup holds the displaced draft");
        }
    }

    #[test]
    fn the_first_state_is_the_link_then_the_draft_then_the_default() {
        check("", None, false, ("DEFAULT", false, "none"));
        check("", Some(&frag("FROM draft")), false, ("FROM draft", false, "none"));
        check(&frag("FROM shared"), None, false, ("FROM shared", false, "none"));
        // An embedded page leaves the full page's draft alone.
        check("", Some(&frag("FROM draft")), true, ("DEFAULT", false, "none"));
        check(&frag("FROM shared"), Some(&frag("FROM draft")), true, ("FROM shared", false, "none"));
    }

    #[test]
    fn a_link_never_loses_a_different_draft() {
        check(&frag("FROM shared"), Some(&frag("FROM draft")), false, ("FROM shared", true, "draft-kept"));
        check(&frag("FROM same"), Some(&frag("FROM same")), false, ("FROM same", false, "none"));
        // Only the panel differs: nothing to keep.
        let with_panel = permalink::encode(&ShareState { panel: Some("graph".into()), ..state("FROM same") });
        check(&with_panel, Some(&frag("FROM same")), false, ("FROM same", false, "none"));
    }

    #[test]
    fn a_damaged_link_gives_a_banner_and_the_page_without_it() {
        for bad in ["9abc", "1***", "1AAAA", "1", "1eJzLSM3JyVcozy_KSQEAGgQEXQ"] {
            check(bad, None, false, ("DEFAULT", false, "bad-link"));
            check(bad, Some(&frag("FROM draft")), false, ("FROM draft", false, "bad-link"));
        }
        // A damaged draft is dropped rather than trusted.
        check("", Some("1%%%"), false, ("DEFAULT", false, "none"));
    }

    /// A lesson link opens like any link, and a damaged lesson in one is
    /// refused with the lesson's reason while the draft stays.
    #[test]
    fn a_corrupt_lesson_link_keeps_the_draft() {
        use dockerplay_core::lesson::{Lesson, Text};
        use std::sync::Arc;
        let lesson = Arc::new(Lesson::recorded(
            Text::new("Mine", ""),
            [(state("FROM lesson").current_build(), Text::new("Step one.", ""))],
        ));
        let good = permalink::encode(&ShareState::at_lesson_step(lesson.clone(), 0));
        check(&good, Some(&frag("FROM draft")), false, ("FROM lesson", true, "draft-kept"));
        // The same lesson opened at a step it does not have.
        let bad = permalink::encode(&ShareState { lesson_step: 4, ..ShareState::at_lesson_step(lesson, 0) });
        check(&bad, Some(&frag("FROM draft")), false, ("FROM draft", false, "bad-link"));
        let s = startup(&bad, None, state("DEFAULT"), false);
        assert!(matches!(s.notice, Some(Notice::BadLink(DecodeError::BadLesson(_)))), "{:?}", s.notice);
    }

    #[test]
    fn a_link_pasted_into_an_open_tab_keeps_what_it_showed() {
        let current = state("FROM mine");
        assert_eq!(navigate("", &current), None);
        assert_eq!(navigate(&frag("FROM mine"), &current), None);
        let opened = navigate(&frag("FROM shared"), &current).unwrap();
        assert_eq!(opened.state.dockerfile, "FROM shared");
        assert_eq!(opened.notice, Some(Notice::DraftKept(current.clone())));
        assert_eq!(permalink::decode(&opened.backup.unwrap()).unwrap(), current);
        let damaged = navigate("1!!!", &current).unwrap();
        assert_eq!(damaged.state, current);
        assert!(matches!(damaged.notice, Some(Notice::BadLink(DecodeError::BadBase64 { .. }))));
    }

    #[test]
    fn a_recording_outlives_a_reload_unless_it_is_damaged() {
        use dockerplay_core::lesson::Text;
        assert_eq!(recording_to(&Lesson::default()), None, "nothing to keep");
        let titled = Lesson { title: Text::new("Mine", ""), ..Lesson::default() };
        assert_eq!(recording_from(recording_to(&titled).as_deref()), titled);
        let lesson = Lesson::recorded(Text::default(), [(state("FROM a").current_build(), Text::new("", "第一步"))]);
        assert_eq!(recording_from(recording_to(&lesson).as_deref()), lesson);
        for bad in [None, Some("not json"), Some(r#"{"steps":[{"text":{}}]}"#)] {
            assert_eq!(recording_from(bad), Lesson::default(), "{bad:?}");
        }
        let steps = vec![r#"{"edit":{}}"#; limits::MAX_STEPS + 1].join(",");
        assert_eq!(recording_from(Some(&format!(r#"{{"steps":[{steps}]}}"#))), Lesson::default(), "too many steps");
    }

    #[test]
    fn links_are_built_on_the_page_without_its_fragment() {
        assert_eq!(base_of("https://x.dev/play/?embed=1#1abc"), "https://x.dev/play/?embed=1");
        assert_eq!(base_of("file:///tmp/dist/index.html"), "file:///tmp/dist/index.html");
    }
}
