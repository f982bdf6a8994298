//! Messages of the parser's diagnostics. The English follows BuildKit's
//! errors where BuildKit has one; the Chinese is written for the reader.

use crate::message::Message;

pub static NO_INSTRUCTIONS: Message = Message::new(
    "parse.no-instructions",
    "file with no instructions: a Dockerfile needs at least a FROM",
    "文件里没有任何指令：Dockerfile 至少要有一条 FROM",
);
pub static DUPLICATE_DIRECTIVE: Message = Message::new(
    "parse.duplicate-directive",
    "only one {name} parser directive can be used",
    "解析器指令 {name} 只能写一次",
);
pub static INVALID_ESCAPE: Message = Message::new(
    "parse.invalid-escape",
    "invalid escape token '{value}' does not match ` or \\",
    "转义字符 '{value}' 无效：只能是 ` 或 \\",
);
pub static UNTERMINATED_HEREDOC: Message = Message::new(
    "parse.unterminated-heredoc",
    "unterminated heredoc: no line `{name}` ends it",
    "heredoc 没有结束：后面没有单独一行 `{name}` 来结束它",
);
pub static EMPTY_CONTINUATION: Message = Message::new(
    "parse.empty-continuation",
    "empty continuation line: a blank line inside a continued instruction is dropped, and future Dockerfile versions may reject it",
    "续行中间有空行：续行指令里的空行会被忽略，今后的 Dockerfile 版本可能直接报错",
);
pub static BAD_JSON: Message = Message::new(
    "parse.bad-json",
    "{keyword} looks like a JSON array but is not valid JSON, so BuildKit runs it through the shell as text; use double quotes: [\"a\", \"b\"]",
    "{keyword} 看起来是 JSON 数组，但不是合法的 JSON，BuildKit 会把整段文本交给 shell 执行；请改用双引号：[\"a\", \"b\"]",
);
pub static UNKNOWN_INSTRUCTION: Message =
    Message::new("parse.unknown-instruction", "unknown instruction: {word}", "未知指令：{word}");
pub static UNKNOWN_INSTRUCTION_TYPO: Message = Message::new(
    "parse.unknown-instruction-typo",
    "unknown instruction: {word} (did you mean {keyword}?)",
    "未知指令：{word}（是不是想写 {keyword}？）",
);
pub static JSON_STRINGS_ONLY: Message = Message::new(
    "parse.json-strings-only",
    "when using JSON array syntax, arrays must be comprised of strings only",
    "使用 JSON 数组写法时，数组里只能放字符串",
);
pub static UNKNOWN_FLAG: Message =
    Message::new("parse.unknown-flag", "unknown flag: --{flag} (on {keyword})", "{keyword} 不支持选项 --{flag}");
pub static FLAG_MISSING_VALUE: Message =
    Message::new("parse.flag-missing-value", "missing a value on flag: --{flag}", "选项 --{flag} 缺少取值");
pub static FLAG_NOT_BOOL: Message = Message::new(
    "parse.flag-not-bool",
    "expecting boolean value for flag --{flag}, not: {value}",
    "选项 --{flag} 只接受布尔值（true 或 false），不能是：{value}",
);
pub static AT_LEAST_ONE_ARGUMENT: Message = Message::new(
    "parse.at-least-one-argument",
    "{keyword} requires at least one argument",
    "{keyword} 后面至少要有一个参数",
);
pub static EXACTLY_ONE_ARGUMENT: Message = Message::new(
    "parse.exactly-one-argument",
    "{keyword} requires exactly one argument",
    "{keyword} 后面只能有一个参数",
);
pub static INVALID_NETWORK: Message = Message::new(
    "parse.invalid-network",
    "invalid --network value {value}: use default, none or host",
    "--network 的取值 {value} 无效：只能是 default、none 或 host",
);
pub static INVALID_SECURITY: Message = Message::new(
    "parse.invalid-security",
    "invalid --security value {value}: use sandbox or insecure",
    "--security 的取值 {value} 无效：只能是 sandbox 或 insecure",
);
pub static SHELL_NEEDS_JSON: Message = Message::new(
    "parse.shell-needs-json",
    "SHELL requires the arguments to be in JSON form, e.g. SHELL [\"/bin/bash\", \"-c\"]",
    "SHELL 的参数必须写成 JSON 数组，例如 SHELL [\"/bin/bash\", \"-c\"]",
);
pub static COPY_NEEDS_DESTINATION: Message = Message::new(
    "parse.copy-needs-destination",
    "{keyword} requires at least two arguments, but only {count} provided: the destination could not be determined",
    "{keyword} 至少要有两个参数（源路径和目标路径），这里只有 {count} 个，无法确定复制到哪里",
);
pub static BLANK_ARG_NAME: Message =
    Message::new("parse.blank-arg-name", "ARG names can not be blank: {value}", "ARG 的变量名不能为空：{value}");
pub static EMPTY_VOLUME: Message = Message::new(
    "parse.empty-volume",
    "VOLUME specified can not be an empty string",
    "VOLUME 指定的路径不能是空字符串",
);
pub static ONBUILD_ONBUILD: Message = Message::new(
    "parse.onbuild-onbuild",
    "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
    "不能用 `ONBUILD ONBUILD` 嵌套 ONBUILD",
);
pub static ONBUILD_TRIGGER: Message = Message::new(
    "parse.onbuild-trigger",
    "{keyword} isn't allowed as an ONBUILD trigger",
    "{keyword} 不能作为 ONBUILD 的触发指令",
);
pub static FROM_EXPECTS_AS: Message = Message::new(
    "parse.from-expects-as",
    "FROM expects `AS` as its second word, found {word}",
    "FROM 的第二个词应该是 `AS`，这里却是 {word}",
);
pub static FROM_NO_ARGUMENTS: Message = Message::new(
    "parse.from-no-arguments",
    "FROM requires either one or three arguments; none given",
    "FROM 需要一个或三个参数，这里一个都没有",
);
pub static FROM_ARGUMENT_COUNT: Message = Message::new(
    "parse.from-argument-count",
    "FROM requires either one or three arguments; {count} given",
    "FROM 需要一个或三个参数，这里有 {count} 个",
);
pub static INVALID_STAGE_NAME: Message = Message::new(
    "parse.invalid-stage-name",
    "invalid name for build stage: {name}, name can't start with a number or contain symbols",
    "构建阶段名 {name} 无效：名字不能以数字开头，也不能含有符号",
);
pub static NEEDS_TWO_ARGUMENTS: Message =
    Message::new("parse.needs-two-arguments", "{keyword} must have two arguments", "{keyword} 需要两个参数：名字和值");
pub static MISSING_EQUALS: Message = Message::new(
    "parse.missing-equals",
    "Syntax error - can't find = in {word}. Must be of the form: name=value",
    "语法错误：{word} 里没有 =，应写成 name=value 的形式",
);
pub static BLANK_NAME: Message =
    Message::new("parse.blank-name", "{keyword} names can not be blank", "{keyword} 的名字不能为空");
pub static MOUNT_TYPE: Message =
    Message::new("parse.mount-type", "unsupported mount type {value}", "不支持的挂载类型 {value}");
pub static MOUNT_BOOL: Message =
    Message::new("parse.mount-bool", "invalid value for {key}: {value}", "{key} 的取值无效：{value}");
pub static MOUNT_FIELD: Message = Message::new(
    "parse.mount-field",
    "invalid field '{key}' must be a key=value pair",
    "字段 '{key}' 无效：必须写成 key=value",
);
pub static MOUNT_SHARING: Message = Message::new(
    "parse.mount-sharing",
    "unsupported sharing value {value}: use shared, private or locked",
    "不支持的 sharing 取值 {value}：只能是 shared、private 或 locked",
);
pub static MOUNT_KEY: Message =
    Message::new("parse.mount-key", "unexpected key '{key}' in '{field}'", "'{field}' 中有无法识别的键 '{key}'");
pub static MOUNT_TARGET: Message = Message::new(
    "parse.mount-target",
    "--mount=type={kind} requires a target (target=/path)",
    "--mount=type={kind} 必须指定挂载点（target=/路径）",
);
pub static MOUNT_FROM: Message = Message::new(
    "parse.mount-from",
    "--mount: `from` only works with type=bind or type=cache",
    "--mount：`from` 只能和 type=bind 或 type=cache 一起用",
);
pub static HEALTHCHECK_NONE: Message = Message::new(
    "parse.healthcheck-none",
    "HEALTHCHECK NONE takes no arguments and no flags",
    "HEALTHCHECK NONE 后面不能再跟参数或选项",
);
pub static HEALTHCHECK_TYPE: Message = Message::new(
    "parse.healthcheck-type",
    "Unknown type {kind} in HEALTHCHECK (try CMD)",
    "HEALTHCHECK 不认识类型 {kind}（应该写 CMD）",
);
pub static HEALTHCHECK_COMMAND: Message = Message::new(
    "parse.healthcheck-command",
    "HEALTHCHECK CMD requires a command",
    "HEALTHCHECK CMD 后面要写检查用的命令",
);
pub static HEALTHCHECK_DURATION: Message = Message::new(
    "parse.healthcheck-duration",
    "HEALTHCHECK: invalid duration {value} (use e.g. 30s, 1m30s)",
    "HEALTHCHECK：时长 {value} 无效（请写成 30s、1m30s 这样的形式）",
);
pub static HEALTHCHECK_RETRIES: Message = Message::new(
    "parse.healthcheck-retries",
    "HEALTHCHECK: --retries must be a whole number, not {value}",
    "HEALTHCHECK：--retries 必须是整数，不能是 {value}",
);
pub static BEFORE_FROM: Message = Message::new(
    "parse.before-from",
    "{keyword} before the first FROM: only ARG may come before FROM (no build stage in current context)",
    "{keyword} 写在了第一条 FROM 之前：FROM 之前只能有 ARG（这里还没有任何构建阶段）",
);
pub static NO_FROM: Message = Message::new(
    "parse.no-from",
    "no FROM instruction: a Dockerfile needs at least one build stage",
    "没有 FROM 指令：Dockerfile 至少需要一个构建阶段",
);

pub static ALL: &[&Message] = &[
    &NO_INSTRUCTIONS,
    &DUPLICATE_DIRECTIVE,
    &INVALID_ESCAPE,
    &UNTERMINATED_HEREDOC,
    &EMPTY_CONTINUATION,
    &BAD_JSON,
    &UNKNOWN_INSTRUCTION,
    &UNKNOWN_INSTRUCTION_TYPO,
    &JSON_STRINGS_ONLY,
    &UNKNOWN_FLAG,
    &FLAG_MISSING_VALUE,
    &FLAG_NOT_BOOL,
    &AT_LEAST_ONE_ARGUMENT,
    &EXACTLY_ONE_ARGUMENT,
    &INVALID_NETWORK,
    &INVALID_SECURITY,
    &SHELL_NEEDS_JSON,
    &COPY_NEEDS_DESTINATION,
    &BLANK_ARG_NAME,
    &EMPTY_VOLUME,
    &ONBUILD_ONBUILD,
    &ONBUILD_TRIGGER,
    &FROM_EXPECTS_AS,
    &FROM_NO_ARGUMENTS,
    &FROM_ARGUMENT_COUNT,
    &INVALID_STAGE_NAME,
    &NEEDS_TWO_ARGUMENTS,
    &MISSING_EQUALS,
    &BLANK_NAME,
    &MOUNT_TYPE,
    &MOUNT_BOOL,
    &MOUNT_FIELD,
    &MOUNT_SHARING,
    &MOUNT_KEY,
    &MOUNT_TARGET,
    &MOUNT_FROM,
    &HEALTHCHECK_NONE,
    &HEALTHCHECK_TYPE,
    &HEALTHCHECK_COMMAND,
    &HEALTHCHECK_DURATION,
    &HEALTHCHECK_RETRIES,
    &BEFORE_FROM,
    &NO_FROM,
];
