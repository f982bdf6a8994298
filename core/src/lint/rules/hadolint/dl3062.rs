use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Pin versions in `go install`.
    ///
    /// ## What it does
    /// Flags `go install`, `go get` and `go run` of a module path without a
    /// version (`golang.org/x/tools/gopls` rather than
    /// `golang.org/x/tools/gopls@v0.16.1`), or with `@latest`. Local
    /// packages (`.`, `./...`) are fine.
    ///
    /// ## Why
    /// Without a version the newest release is fetched at build time, so
    /// rebuilding the same Dockerfile can give a different tool.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN go install golang.org/x/tools/gopls@latest
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN go install golang.org/x/tools/gopls@v0.16.1
    /// ```
    pub static RULE = Rule {
        code: "DP362",
        name: "go-pin-versions",
        also: Some("DL3062"),
        severity: Severity::Warning,
        category: Category::Maintainability,
        messages: &[&PIN],
        check,
    };
}

static PIN: Message = Message::new(
    "DP362.pin",
    "Pin the version of `{module}`: `go install {module}@<version>`",
    "请固定 `{module}` 的版本：`go install {module}@<版本>`",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            // `-o file`, `-C dir`, `-p n`, `-ldflags x`... take the next word.
            let with_value = [
                "o", "C", "p", "ldflags", "gcflags", "tags", "mod", "modfile", "exec", "overlay", "pkgdir", "toolexec",
                "asmflags",
            ];
            let mut packages = util::packages(&cmd, &["go"], &["install", "get", "run"], &with_value);
            // `go run pkg@v args...`: only the first operand is a package;
            // the rest are the program's arguments (hadolint: DL3062.hs).
            if util::is(&cmd, "go") && cmd.args().first().is_some_and(|w| w.value == "run") {
                packages.truncate(1);
            }
            for p in packages {
                let v = p.value.as_str();
                let local = v.starts_with('.') || v.starts_with('/') || v.ends_with(".go") || v.starts_with('$');
                let pinned = v.split_once('@').is_some_and(|(_, ver)| ver != "latest" && !ver.is_empty());
                if !local && !pinned {
                    let module = v.split('@').next().unwrap_or(v);
                    out.push(RULE.finding(p.span, PIN.msg().arg("module", module)));
                }
            }
        }
    }
}
