//! `dockerplay share FILE [--base URL]` prints a permalink to the playground
//! holding FILE; `dockerplay share --lesson FILE [--step N]` one that opens
//! the lesson in FILE (its JSON, as a link carries it) at step N.
//! `dockerplay open URL` prints the Dockerfile a permalink holds, and
//! `--print lesson` the lesson's JSON, which `share --lesson` takes back
//! (exit code 2 and the reason on a bad link; URL may be `-` for standard
//! input). The link format is described in `dockerplay_core::permalink`.

use crate::args;
use dockerplay_core::lesson::Lesson;
use dockerplay_core::permalink::{self, LinkLength, ShareState};
use std::process::ExitCode;
use std::sync::Arc;

/// Where links point unless `--base` says otherwise: the public playground.
/// Any copy of the built site works as a base, under any path, since the
/// state lives in the fragment.
pub const DEFAULT_BASE: &str = "https://dockerplay.example/";

pub fn run(argv: &[String]) -> Result<ExitCode, String> {
    let args = args::scan(argv, &["base", "lesson", "step"])?;
    let base = args.options.get("base").map_or(DEFAULT_BASE, String::as_str);
    let (link, note) = match args.options.get("lesson") {
        Some(file) => {
            if !args.positional.is_empty() {
                return Err("--lesson FILE takes the place of the Dockerfile: give one or the other".into());
            }
            let step = match args.options.get("step") {
                Some(n) => n.parse::<usize>().ok().filter(|n| *n >= 1).ok_or("--step must be a number from 1")?,
                None => 1,
            };
            let lesson =
                read_lesson(&args::read_input(file)?).map_err(|e| format!("cannot read the lesson {file}: {e}"))?;
            share_lesson(lesson, step - 1, base).map_err(|e| format!("cannot share {file}: {e}"))?
        }
        None => {
            if args.options.contains_key("step") {
                return Err("--step needs --lesson".into());
            }
            let file = args.file()?;
            let dockerfile = args::read_input(file)?;
            share(&ShareState::from_dockerfile(&dockerfile), base).map_err(|e| format!("cannot share {file}: {e}"))?
        }
    };
    // The note goes to standard error so that `$(dockerplay share FILE)`
    // captures only the link.
    if let Some(note) = note {
        eprintln!("dockerplay: note: {note}");
    }
    println!("{link}");
    Ok(ExitCode::SUCCESS)
}

pub fn run_open(argv: &[String]) -> Result<ExitCode, String> {
    let args = args::scan(argv, &["print"])?;
    let link = match args.positional.as_slice() {
        // Long links may exceed a command line's limit: `-` reads standard input.
        [dash] if dash == "-" => args::read_input("-")?,
        [link] => link.clone(),
        [] => return Err("missing URL (a permalink, or the part after its #; - for standard input)".into()),
        _ => return Err("expected exactly one URL".into()),
    };
    let state = permalink::decode_url(&link).map_err(|e| format!("cannot open the link: {e}"))?;
    match args.options.get("print").map_or("dockerfile", String::as_str) {
        // The Dockerfile exactly as shared, with no newline added, so that
        // `dockerplay open URL > Dockerfile` restores the file byte for byte.
        "dockerfile" => {
            if let Some(lesson) = &state.lesson {
                eprintln!(
                    "dockerplay: note: the link holds a lesson of {} steps, at step {}; --print lesson prints it",
                    lesson.steps.len(),
                    state.lesson_step + 1
                );
            }
            print!("{}", state.dockerfile);
        }
        "lesson" => match &state.lesson {
            Some(lesson) => println!("{}", lesson_json(lesson)),
            None => return Err("the link holds no lesson".into()),
        },
        _ => return Err("--print must be one of dockerfile, lesson".into()),
    }
    Ok(ExitCode::SUCCESS)
}

/// A lesson file: the JSON `open --print lesson` prints.
fn read_lesson(text: &str) -> Result<Lesson, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

fn lesson_json(lesson: &Lesson) -> String {
    serde_json::to_string_pretty(lesson).unwrap_or_default()
}

/// The link that opens `lesson` at `step` (0-based).
fn share_lesson(lesson: Lesson, step: usize, base: &str) -> Result<(String, Option<String>), permalink::DecodeError> {
    // Check the lesson before building its states, as opening it would.
    let unchecked = ShareState { lesson: Some(Arc::new(lesson)), lesson_step: step, ..ShareState::default() };
    permalink::validate(&unchecked)?;
    let lesson = unchecked.lesson.unwrap_or_default();
    share(&ShareState::at_lesson_step(lesson, step), base)
}

/// The link for a state, and a note when it is long enough that some
/// places will not carry it.
fn share(state: &ShareState, base: &str) -> Result<(String, Option<String>), permalink::DecodeError> {
    // Refuse now what `open` and the playground would refuse later.
    permalink::validate(state)?;
    let link = permalink::url(base, state);
    let chars = link.chars().count();
    let note = match permalink::link_length(chars) {
        LinkLength::Fine => None,
        LinkLength::TooLongForChat => Some(format!(
            "the link is {chars} characters long; chat apps may cut links over {}",
            permalink::CHAT_LINK_LIMIT
        )),
        LinkLength::TooLongForHosts => Some(format!(
            "the link is {chars} characters long; some hosts refuse links over {}",
            permalink::HOST_LINK_LIMIT
        )),
    };
    Ok((link, note))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dockerplay_core::lesson::builtin;

    fn share_text(text: &str, base: &str) -> Result<(String, Option<String>), permalink::DecodeError> {
        share(&ShareState::from_dockerfile(text), base)
    }

    fn open(link: &str) -> Result<String, permalink::DecodeError> {
        permalink::decode_url(link).map(|state| state.dockerfile)
    }

    #[test]
    fn share_then_open_restores_the_file() {
        let text = "# 多阶段构建\nFROM golang:1.23 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n";
        let (link, note) = share_text(text, DEFAULT_BASE).unwrap();
        assert!(link.starts_with("https://dockerplay.example/#1"), "{link}");
        assert_eq!(note, None);
        assert_eq!(open(&link).as_deref(), Ok(text));
        let (link, _) = share_text(text, "http://localhost:8080/play/?embed=1").unwrap();
        assert!(link.starts_with("http://localhost:8080/play/?embed=1#1"), "{link}");
        assert_eq!(open(&link).as_deref(), Ok(text));
    }

    #[test]
    fn long_links_get_a_note_and_huge_files_are_refused() {
        // Text that does not compress: distinct numbers on every line.
        let text: String =
            (0..2_000u64).map(|i| format!("ENV V{i}={}\n", i.wrapping_mul(0x9e37_79b9_7f4a_7c15))).collect();
        let (_, note) = share_text(&text, DEFAULT_BASE).unwrap();
        assert!(note.is_some_and(|n| n.contains("some hosts refuse")));
        let huge = "RUN true\n".repeat(100_000);
        assert!(matches!(share_text(&huge, DEFAULT_BASE), Err(permalink::DecodeError::DockerfileTooLarge { .. })));
    }

    #[test]
    fn bad_links_say_why() {
        assert_eq!(
            open("https://dockerplay.example/#7abc").unwrap_err().to_string(),
            "the link is in an unknown format `7`: it may come from a newer Dockerplay"
        );
        assert!(matches!(open("https://dockerplay.example/"), Err(permalink::DecodeError::Empty)));
    }

    /// A lesson file shared at a step opens on that step's Dockerfile, and
    /// the JSON `open --print lesson` prints is a lesson file again.
    #[test]
    fn lessons_go_through_share_and_open() {
        let mut lesson = builtin::lesson("caching").unwrap();
        lesson.steps.iter_mut().for_each(|s| s.claims.clear());
        let file = lesson_json(&lesson);
        let (link, _) = share_lesson(read_lesson(&file).unwrap(), 2, DEFAULT_BASE).unwrap();
        let state = permalink::decode_url(&link).unwrap();
        assert_eq!((state.dockerfile.as_str(), state.lesson_step), (lesson.input(2).dockerfile.as_str(), 2));
        assert_eq!(state.lesson.as_deref(), Some(&lesson));
        assert_eq!(lesson_json(state.lesson.as_deref().unwrap()), file);
    }

    #[test]
    fn bad_lesson_files_say_why() {
        let err = |json: &str, step: usize| match read_lesson(json) {
            Err(e) => format!("read: {e}"),
            Ok(lesson) => {
                share_lesson(lesson, step, DEFAULT_BASE).map(|_| "ok".to_string()).unwrap_or_else(|e| e.to_string())
            }
        };
        assert_eq!(err(r#"{"steps":[]}"#, 0), "the link's lesson cannot be opened: the lesson has no steps");
        assert_eq!(
            err(r#"{"steps":[{"state":{"dockerfile":"FROM a\n"}}]}"#, 1),
            "the link's lesson cannot be opened: the link opens step 2 of a lesson of 1 steps"
        );
        assert_eq!(err(r#"{"steps":[{"state":{"dockerfile":"FROM a\n"}}]}"#, 0), "ok");
        assert!(err(r#"{"title":"no steps"}"#, 0).starts_with("read: invalid type"), "{}", err(r#"{"title":"x"}"#, 0));
    }
}
