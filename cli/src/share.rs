//! `dockerplay share FILE [--base URL]` prints a permalink to the playground
//! holding FILE; `dockerplay open URL` prints the Dockerfile a permalink
//! holds (exit code 2 and the reason on a bad link; URL may be `-` for
//! standard input). The link format is
//! described in `dockerplay_core::permalink`.

use crate::args;
use dockerplay_core::permalink::{self, LinkLength, ShareState};
use std::process::ExitCode;

/// Where links point unless `--base` says otherwise: the public playground.
/// Any copy of the built site works as a base, under any path, since the
/// state lives in the fragment.
pub const DEFAULT_BASE: &str = "https://dockerplay.example/";

pub fn run(argv: &[String]) -> Result<ExitCode, String> {
    let args = args::scan(argv, &["base"])?;
    let file = args.file()?;
    let dockerfile = args::read_input(file)?;
    let base = args.options.get("base").map_or(DEFAULT_BASE, String::as_str);
    let (link, note) = share(&dockerfile, base).map_err(|e| format!("cannot share {file}: {e}"))?;
    // The note goes to standard error so that `$(dockerplay share FILE)`
    // captures only the link.
    if let Some(note) = note {
        eprintln!("dockerplay: note: {note}");
    }
    println!("{link}");
    Ok(ExitCode::SUCCESS)
}

pub fn run_open(argv: &[String]) -> Result<ExitCode, String> {
    let args = args::scan(argv, &[])?;
    let link = match args.positional.as_slice() {
        // Long links may exceed a command line's limit: `-` reads standard input.
        [dash] if dash == "-" => args::read_input("-")?,
        [link] => link.clone(),
        [] => return Err("missing URL (a permalink, or the part after its #; - for standard input)".into()),
        _ => return Err("expected exactly one URL".into()),
    };
    let dockerfile = open(&link).map_err(|e| format!("cannot open the link: {e}"))?;
    // The Dockerfile exactly as shared, with no newline added, so that
    // `dockerplay open URL > Dockerfile` restores the file byte for byte.
    print!("{dockerfile}");
    Ok(ExitCode::SUCCESS)
}

/// The link for a Dockerfile, and a note when it is long enough that some
/// places will not carry it.
fn share(dockerfile: &str, base: &str) -> Result<(String, Option<String>), permalink::DecodeError> {
    let state = ShareState::from_dockerfile(dockerfile);
    // Refuse now what `open` and the playground would refuse later.
    permalink::validate(&state)?;
    let link = permalink::url(base, &state);
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

fn open(link: &str) -> Result<String, permalink::DecodeError> {
    permalink::decode_url(link).map(|state| state.dockerfile)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_then_open_restores_the_file() {
        let text = "# 多阶段构建\nFROM golang:1.23 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n";
        let (link, note) = share(text, DEFAULT_BASE).unwrap();
        assert!(link.starts_with("https://dockerplay.example/#1"), "{link}");
        assert_eq!(note, None);
        assert_eq!(open(&link).as_deref(), Ok(text));
        let (link, _) = share(text, "http://localhost:8080/play/?embed=1").unwrap();
        assert!(link.starts_with("http://localhost:8080/play/?embed=1#1"), "{link}");
        assert_eq!(open(&link).as_deref(), Ok(text));
    }

    #[test]
    fn long_links_get_a_note_and_huge_files_are_refused() {
        // Text that does not compress: distinct numbers on every line.
        let text: String =
            (0..2_000u64).map(|i| format!("ENV V{i}={}\n", i.wrapping_mul(0x9e37_79b9_7f4a_7c15))).collect();
        let (_, note) = share(&text, DEFAULT_BASE).unwrap();
        assert!(note.is_some_and(|n| n.contains("some hosts refuse")));
        let huge = "RUN true\n".repeat(100_000);
        assert!(matches!(share(&huge, DEFAULT_BASE), Err(permalink::DecodeError::DockerfileTooLarge { .. })));
    }

    #[test]
    fn bad_links_say_why() {
        assert_eq!(
            open("https://dockerplay.example/#7abc").unwrap_err().to_string(),
            "the link is in an unknown format `7`: it may come from a newer Dockerplay"
        );
        assert!(matches!(open("https://dockerplay.example/"), Err(permalink::DecodeError::Empty)));
    }
}
