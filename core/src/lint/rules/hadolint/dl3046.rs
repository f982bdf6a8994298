use super::util;
use crate::lint::prelude::*;

declare_rule! {
    /// Use `useradd -l` with a high UID.
    ///
    /// ## What it does
    /// Flags `useradd -u UID` with a UID of six digits or more and no `-l`
    /// (`--no-log-init`).
    ///
    /// ## Why
    /// `useradd` records the user in the sparse files `/var/log/lastlog`
    /// and `faillog` at an offset proportional to the UID. Docker's layers
    /// do not keep files sparse, so a UID like 123456789 adds gigabytes of
    /// zeros to the image.
    ///
    /// ## Example
    /// ```dockerfile
    /// RUN useradd -u 123456 app
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// RUN useradd -l -u 123456 app
    /// ```
    pub static RULE = Rule {
        code: "DP346",
        name: "useradd-high-uid",
        also: Some("DL3046"),
        severity: Severity::Warning,
        category: Category::Size,
        messages: &[&LASTLOG, &ADD_L],
        check,
    };
}

static LASTLOG: Message = Message::new(
    "DP346.lastlog",
    "`useradd` with UID {uid} needs `-l`, or the image grows by the lastlog file",
    "UID 为 {uid} 时 `useradd` 需要加 `-l`，否则 lastlog 文件会让镜像变大",
);
static ADD_L: Message = Message::new("DP346.add_l", "Add `-l`", "加上 `-l`");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for r in util::runs(ctx) {
        for cmd in util::commands(ctx, r.run) {
            if !util::is(&cmd, "useradd") || util::has_option(&cmd, &["l", "no-log-init"]) {
                continue;
            }
            let Some(uid) = util::option_value(&cmd, "u", "uid") else { continue };
            // A variable is unknown until build time.
            if uid.len() > 5 && uid.bytes().all(|b| b.is_ascii_digit()) {
                let program = util::program_span(&cmd);
                let fix = Fix::safe(ADD_L.msg(), vec![Edit::insert(program.end, " -l")]);
                out.push(util::with_fix(&cmd, RULE.finding(cmd.span, LASTLOG.msg().arg("uid", uid)), fix));
            }
        }
    }
}
