//! `alinea lsp` through the protocol: the built binary is spawned and spoken to in JSON-RPC
//! over its standard input and output, as an editor does; and Neovim's own client, headless.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long a test waits for one message (the first run of a debug build included).
const PATIENCE: Duration = Duration::from_mins(2);

/// A language client speaking to `alinea lsp`.
struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
    /// Notifications seen while waiting for something else.
    seen: Vec<Value>,
}

impl Client {
    fn start(dir: &Path) -> Self {
        let mut child = Command::new(crate::binary())
            .arg("lsp")
            .current_dir(dir)
            .env_remove("ALINEA_LANG")
            .env("LANG", "C")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(value) = line.strip_prefix("Content-Length:") {
                        length = value.trim().parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.unwrap()];
                stdout.read_exact(&mut body).unwrap();
                if sender.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Self {
            child,
            stdin,
            messages,
            next_id: 0,
            seen: Vec::new(),
        }
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: &Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: &Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let response = self
            .wait(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
            .unwrap();
        assert!(response.get("error").is_none(), "{method}: {response}");
        response.get("result").cloned().unwrap_or(Value::Null)
    }

    /// The next message that satisfies `wanted` (others are kept in `seen`), or what was
    /// seen instead.
    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Result<Value, String> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(message) if wanted(&message) => return Ok(message),
                Ok(message) => self.seen.push(message),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                    return Err(format!("no such message; seen: {:#?}", self.seen));
                }
            }
        }
    }

    /// The next diagnostics published for `uri` at the buffer's `version`.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let message = self
            .wait(|m| {
                m.get("method") == Some(&json!("textDocument/publishDiagnostics"))
                    && m.pointer("/params/uri") == Some(&json!(uri))
                    && m.pointer("/params/version") == Some(&json!(version))
            })
            .unwrap();
        message
            .pointer("/params/diagnostics")
            .and_then(Value::as_array)
            .unwrap()
            .clone()
    }

    fn stop(mut self) {
        self.request("shutdown", &Value::Null);
        self.notify("exit", &Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "{status}");
    }
}

/// The labels of a completion's items.
fn labels(completion: &Value) -> Vec<&str> {
    completion
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|item| item.get("label").and_then(Value::as_str))
        .collect()
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// The protocol's position of the end of the first `needle` in `text` (UTF-16 columns).
fn position_after(text: &str, needle: &str) -> Value {
    position_at(text, text.find(needle).unwrap() + needle.len())
}

/// The protocol's position of a byte offset of `text`.
fn position_at(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let character: usize = before[line_start..].chars().map(char::len_utf16).sum();
    json!({"line": line, "character": character})
}

/// A copy of the sample repository whose configuration reports only the REF checks, so that
/// a plan's diagnostics are exactly its reference problems; and the PEI, with one reference
/// broken on disk.
struct Repository {
    _dir: tempfile::TempDir,
    root: PathBuf,
    pei: PathBuf,
    good: String,
    broken: String,
}

const REFERENCE: &str = "pdrc-san-martin-2030/AET.1.3,";

fn repository() -> Repository {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    crate::copy_tree(Path::new("plans"), &root);
    std::fs::write(root.join("alinea.yaml"), "select: [REF]\n").unwrap();
    let pei = root.join("regional/san-martin/pei-2024-2028.yaml");
    let good = std::fs::read_to_string(&pei).unwrap();
    let broken = good.replacen(REFERENCE, "pdrc-san-martin-2030/AET.1.33,", 1);
    assert_ne!(good, broken);
    std::fs::write(&pei, &broken).unwrap();
    Repository {
        _dir: dir,
        root,
        pei,
        good,
        broken,
    }
}

fn initialize(client: &mut Client, root: &Path) {
    let result = client.request(
        "initialize",
        &json!({
            "processId": null,
            "rootUri": uri(root),
            "capabilities": {},
            "initializationOptions": {"rulesUrl": "https://example.org/alinea/rules.md"},
        }),
    );
    assert_eq!(result.pointer("/serverInfo/name"), Some(&json!("alinea")));
    client.notify("initialized", &json!({}));
}

#[test]
fn diagnostics_follow_the_buffer_and_match_check() {
    let repo = repository();
    // What `check` says about the file, in JSON.
    let output = Command::new(crate::binary())
        .args(["check", "--format", "json", "."])
        .current_dir(&repo.root)
        .env_remove("ALINEA_LANG")
        .env("LANG", "C")
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let expected: Vec<(String, u64, u64, String, usize)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["file"] == "regional/san-martin/pei-2024-2028.yaml")
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["message"].as_str().unwrap().to_owned(),
                f["related"].as_array().unwrap().len(),
            )
        })
        .collect();
    assert!(!expected.is_empty(), "the broken reference is a finding");

    let mut client = Client::start(&repo.root);
    initialize(&mut client, &repo.root);
    let pei = uri(&repo.pei);
    client.notify(
        "textDocument/didOpen",
        &json!({"textDocument": {"uri": pei, "languageId": "yaml", "version": 1, "text": repo.broken}}),
    );
    let diagnostics = client.diagnostics(&pei, 1);
    let got: Vec<(String, u64, u64, String, usize)> = diagnostics
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["range"]["start"]["line"].as_u64().unwrap() + 1,
                d["range"]["start"]["character"].as_u64().unwrap() + 1,
                d["message"]
                    .as_str()
                    .unwrap()
                    .lines()
                    .next()
                    .unwrap()
                    .to_owned(),
                d["relatedInformation"].as_array().map_or(0, Vec::len),
            )
        })
        .collect();
    assert_eq!(got, expected);
    let first = &diagnostics[0];
    assert_eq!(first["severity"], 1);
    assert_eq!(first["source"], "alinea");
    assert_eq!(
        first["codeDescription"]["href"],
        "https://example.org/alinea/rules.md#ref-01"
    );
    // The other end of the broken link: the code it most likely meant, in the PDRC.
    let related = &first["relatedInformation"][0]["location"];
    assert_eq!(
        related["uri"],
        uri(&repo.root.join("regional/san-martin/pdrc-2030.yaml"))
    );

    // Fixing the reference in the buffer, unsaved, clears the file's diagnostics.
    client.notify(
        "textDocument/didChange",
        &json!({"textDocument": {"uri": pei, "version": 2}, "contentChanges": [{"text": repo.good}]}),
    );
    assert_eq!(client.diagnostics(&pei, 2), Vec::<Value>::new());
    // Nothing was written: the file on disk still has the broken reference.
    assert_eq!(std::fs::read_to_string(&repo.pei).unwrap(), repo.broken);

    // Back to the broken text: the waiver action is offered for the finding.
    client.notify(
        "textDocument/didChange",
        &json!({"textDocument": {"uri": pei, "version": 3}, "contentChanges": [{"text": repo.broken}]}),
    );
    let diagnostics = client.diagnostics(&pei, 3);
    assert_eq!(diagnostics.len(), expected.len());
    let actions = client.request(
        "textDocument/codeAction",
        &json!({"textDocument": {"uri": pei}, "range": diagnostics[0]["range"], "context": {"diagnostics": [diagnostics[0]]}}),
    );
    let action = &actions[0];
    assert_eq!(action["title"], "Add a waiver for this REF-01 finding");
    let edit = &action["edit"]["changes"][&pei][0];
    let inserted = edit["newText"].as_str().unwrap();
    assert!(
        inserted.starts_with("waivers:\n  - rule: REF-01\n    at: OEI.01\n    reason: "),
        "{inserted}"
    );
    // The sample PEI has no `waivers`: a new one at the end of the file.
    assert_eq!(
        edit["range"]["start"],
        position_after(&repo.broken, &repo.broken)
    );
    assert!(inserted.contains("    until: "), "{inserted}");
    client.stop();
}

#[test]
fn a_repository_opened_through_a_symbolic_link_gets_diagnostics_under_the_clients_names() {
    let repo = repository();
    let links = tempfile::tempdir().unwrap();
    let linked = links.path().join("plans");
    std::os::unix::fs::symlink(&repo.root, &linked).unwrap();
    let pei = linked.join("regional/san-martin/pei-2024-2028.yaml");
    let mut client = Client::start(&linked);
    initialize(&mut client, &linked);
    client.notify(
        "textDocument/didOpen",
        &json!({"textDocument": {"uri": uri(&pei), "languageId": "yaml", "version": 1, "text": repo.broken}}),
    );
    let diagnostics = client.diagnostics(&uri(&pei), 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    client.notify(
        "textDocument/didChange",
        &json!({"textDocument": {"uri": uri(&pei), "version": 2}, "contentChanges": [{"text": repo.good}]}),
    );
    assert_eq!(client.diagnostics(&uri(&pei), 2), Vec::<Value>::new());
    client.stop();
}

#[test]
fn hover_definition_completion_and_symbols_come_from_the_graph() {
    let repo = repository();
    std::fs::write(&repo.pei, &repo.good).unwrap();
    // The facts asserted, read through the library from the same repository.
    let run = crate::run(&[&repo.root]);
    let graph = &run.graph;
    let pdrc_id = graph.plan_by_id("pdrc-san-martin-2030").unwrap();
    let pdrc = graph.plan(pdrc_id);
    let target = pdrc
        .objectives
        .iter()
        .flat_map(|o| std::iter::once(o).chain(&o.actions))
        .find(|e| e.code.value == "AET.1.2")
        .unwrap();
    let statement = target.statement.as_ref().unwrap().value.clone();
    let declared = run.sources.start(target.code.span);
    let pdrc_codes: Vec<String> = graph
        .plan_node(pdrc_id)
        .elements
        .iter()
        .map(|&e| format!("pdrc-san-martin-2030/{}", graph.element(e).code.value))
        .collect();
    let pei_id = graph.plan_by_id("pei-gore-san-martin-2024-2028").unwrap();
    let objectives: Vec<String> = graph
        .plan(pei_id)
        .objectives
        .iter()
        .map(|o| o.code.value.to_string())
        .collect();

    let mut client = Client::start(&repo.root);
    initialize(&mut client, &repo.root);
    let pei = uri(&repo.pei);
    client.notify(
        "textDocument/didOpen",
        &json!({"textDocument": {"uri": pei, "languageId": "yaml", "version": 1, "text": repo.good}}),
    );
    client.diagnostics(&pei, 1);
    let on_aet_1_2 = position_after(&repo.good, "{ref: pdrc-san-martin-2030/AET.1.2");

    // Hover on a reference: the target's statement, plan, kind.
    let hover = client.request(
        "textDocument/hover",
        &json!({"textDocument": {"uri": pei}, "position": on_aet_1_2}),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains(statement.as_str()), "{text}");
    assert!(text.contains("`pdrc-san-martin-2030`"), "{text}");
    assert!(
        text.contains("**pdrc-san-martin-2030/AET.1.2** · action"),
        "{text}"
    );

    // Definition: the target's code in the PDRC's file.
    let definition = client.request(
        "textDocument/definition",
        &json!({"textDocument": {"uri": pei}, "position": on_aet_1_2}),
    );
    assert_eq!(
        definition["uri"],
        uri(&repo.root.join("regional/san-martin/pdrc-2030.yaml"))
    );
    assert_eq!(definition["range"]["start"]["line"], declared.line - 1);

    // References: the PEI's own trace to AET.1.2 is among those who trace to it.
    let references = client.request(
        "textDocument/references",
        &json!({"textDocument": {"uri": pei}, "position": on_aet_1_2, "context": {"includeDeclaration": false}}),
    );
    assert!(
        references
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["uri"] == pei),
        "{references}"
    );

    // Completion inside `traces_to`, in an unsaved buffer: the upper plan's codes.
    let typing = repo.good.replacen(
        "      - pgg-2023-2026/LIN.3.6\n",
        "      - pgg-2023-2026/LIN.3.6\n      - pdrc\n",
        1,
    );
    client.notify(
        "textDocument/didChange",
        &json!({"textDocument": {"uri": pei, "version": 2}, "contentChanges": [{"text": typing}]}),
    );
    let completion = client.request(
        "textDocument/completion",
        &json!({"textDocument": {"uri": pei}, "position": position_after(&typing, "LIN.3.6\n      - pdrc")}),
    );
    let labels = labels(&completion);
    for code in &pdrc_codes {
        assert!(
            labels.contains(&code.as_str()),
            "{code} missing: {labels:?}"
        );
    }
    assert!(
        !labels.iter().any(|l| l.starts_with("pei-gore-san-martin")),
        "not its own plan"
    );
    let documented = completion
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["label"] == "pdrc-san-martin-2030/AET.1.2")
        .unwrap();
    assert!(
        documented["documentation"]["value"]
            .as_str()
            .unwrap()
            .contains(statement.as_str())
    );

    // Document symbols: the plan, then its objectives.
    let symbols = client.request(
        "textDocument/documentSymbol",
        &json!({"textDocument": {"uri": pei}}),
    );
    assert_eq!(symbols[0]["name"], "pei-gore-san-martin-2024-2028");
    let children: Vec<String> = symbols[0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(children, objectives);
    client.stop();
}

#[test]
fn a_rule_file_gets_its_problems_as_it_is_typed_and_its_fields_completed() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    crate::copy_tree(Path::new("plans"), &root);
    let rule = root.join("mine.rule");
    let text = "rule X-01 x {\n  title \"t\"\n  severity warning\n  for p in plans\n  require exists(p.aproval)\n  message \"m\" at p\n}\n";
    std::fs::write(&rule, text).unwrap();
    let mut client = Client::start(&root);
    initialize(&mut client, &root);
    let rule_uri = uri(&rule);
    client.notify(
        "textDocument/didOpen",
        &json!({"textDocument": {"uri": rule_uri, "languageId": "alinea-rule", "version": 1, "text": text}}),
    );
    let diagnostics = client.diagnostics(&rule_uri, 1);
    // The same problems `alinea rules check` reports for the file.
    let output = Command::new(crate::binary())
        .args(["rules", "check", "--no-default-rules", "mine.rule"])
        .current_dir(&root)
        .env_remove("ALINEA_LANG")
        .env("LANG", "C")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!diagnostics.is_empty());
    for diagnostic in &diagnostics {
        let message = diagnostic["message"]
            .as_str()
            .unwrap()
            .lines()
            .next()
            .unwrap();
        assert!(stderr.contains(message), "{message} not in {stderr}");
    }
    let fixed = text.replace("aproval", "approval.");
    client.notify(
        "textDocument/didChange",
        &json!({"textDocument": {"uri": rule_uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    client.diagnostics(&rule_uri, 2);
    let completion = client.request(
        "textDocument/completion",
        &json!({"textDocument": {"uri": rule_uri}, "position": position_after(&fixed, "p.approval.")}),
    );
    let labels = labels(&completion);
    let expected: Vec<&str> = alinea::dsl::schema::fields(alinea::dsl::schema::ObjType::Approval)
        .into_iter()
        .map(|(name, _, _)| name)
        .collect();
    assert_eq!(labels, expected);
    let hover = client.request(
        "textDocument/hover",
        &json!({"textDocument": {"uri": rule_uri}, "position": position_after(&fixed, "p.appr")}),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.starts_with("`plan.approval`: "), "{text}");
    client.stop();
}

#[test]
fn headless_neovim_gets_diagnostics_and_jumps_to_a_definition() {
    let repo = repository();
    let out = repo.root.join("nvim-result.txt");
    let needle = "pdrc-san-martin-2030/AET.1.2";
    let status = Command::new("nvim")
        .args(["--headless", "--clean", "-u", "NONE", "-c"])
        .arg(format!(
            "luafile {}",
            std::fs::canonicalize("tests/lsp/nvim.lua")
                .unwrap()
                .display()
        ))
        .current_dir(&repo.root)
        .env("ALINEA_ROOT", &repo.root)
        .env("ALINEA_PLAN", &repo.pei)
        .env("ALINEA_BIN", crate::binary())
        .env("ALINEA_NEEDLE", needle)
        .env("ALINEA_OUT", &out)
        .env_remove("ALINEA_LANG")
        .env("LANG", "C")
        .stdin(Stdio::null())
        .status()
        .expect("Neovim (`nvim`) is not installed: .ci/run installs Debian's `neovim`");
    assert!(status.success(), "{status}");
    let result = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = result.lines().collect();
    assert_eq!(lines[0], "diagnostics true", "{result}");
    // The one finding: the broken reference, where the text has it.
    let at = position_at(
        &repo.broken,
        repo.broken.find("pdrc-san-martin-2030/AET.1.33").unwrap(),
    );
    let (line, column) = (
        at["line"].as_u64().unwrap() + 1,
        at["character"].as_u64().unwrap() + 1,
    );
    assert!(
        lines[1].starts_with(&format!(
            "diagnostic {line} {column} REF-01 `pdrc-san-martin-2030` has no element `AET.1.33`"
        )),
        "{result}"
    );
    // The jump: the PDRC's file, at AET.1.2's code.
    let run = crate::run(&[&repo.root]);
    let pdrc = run
        .graph
        .plan(run.graph.plan_by_id("pdrc-san-martin-2030").unwrap());
    let code = pdrc
        .objectives
        .iter()
        .flat_map(|o| &o.actions)
        .find(|a| a.code.value == "AET.1.2")
        .unwrap();
    let at = run.sources.start(code.code.span);
    assert_eq!(
        lines.last().unwrap(),
        &format!(
            "definition {} {} {}",
            repo.root
                .join("regional/san-martin/pdrc-2030.yaml")
                .display(),
            at.line,
            at.column
        ),
        "{result}"
    );
}

#[test]
fn the_language_of_the_initialization_options_is_the_language_of_the_diagnostics() {
    let repo = repository();
    let output = Command::new(crate::binary())
        .args(["check", "--lang", "es", "--format", "json", "."])
        .current_dir(&repo.root)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let expected = report["findings"][0]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut client = Client::start(&repo.root);
    client.request(
        "initialize",
        &json!({"processId": null, "rootUri": uri(&repo.root), "capabilities": {}, "initializationOptions": {"lang": "es"}}),
    );
    client.notify("initialized", &json!({}));
    let pei = uri(&repo.pei);
    client.notify(
        "textDocument/didOpen",
        &json!({"textDocument": {"uri": pei, "languageId": "yaml", "version": 1, "text": repo.broken}}),
    );
    let diagnostics = client.diagnostics(&pei, 1);
    let message = diagnostics[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with(&format!("{expected}\nayuda: ")),
        "{message}"
    );
    client.stop();
}

#[test]
fn a_broken_rule_file_of_the_configuration_is_shown_once_and_the_run_goes_on_after_it_is_fixed() {
    let repo = repository();
    std::fs::write(repo.root.join("mine.rule"), "rule X-01 x {\n").unwrap();
    std::fs::write(
        repo.root.join("alinea.yaml"),
        "select: [REF]\nrules: [mine.rule]\n",
    )
    .unwrap();
    let mut client = Client::start(&repo.root);
    initialize(&mut client, &repo.root);
    let shown = client
        .wait(|m| m.get("method") == Some(&json!("window/showMessage")))
        .unwrap();
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(
        message.ends_with("in rule files; no plan was checked"),
        "{message}"
    );
    // The rule file is fixed and saved: the run starts, and the PEI gets its diagnostics.
    std::fs::remove_file(repo.root.join("mine.rule")).unwrap();
    std::fs::write(repo.root.join("alinea.yaml"), "select: [REF]\n").unwrap();
    client.notify(
        "textDocument/didSave",
        &json!({"textDocument": {"uri": uri(&repo.root.join("alinea.yaml"))}}),
    );
    let pei = uri(&repo.pei);
    client.notify(
        "textDocument/didOpen",
        &json!({"textDocument": {"uri": pei, "languageId": "yaml", "version": 1, "text": repo.broken}}),
    );
    assert_eq!(client.diagnostics(&pei, 1).len(), 1);
    assert!(
        !client
            .seen
            .iter()
            .any(|m| m.get("method") == Some(&json!("window/showMessage"))),
        "shown once"
    );
    client.stop();
}

/// A finding with a fix (`alinea check --fix`'s) gets it as a code action, preferred when it
/// is safe, before the waiver; its edit is the fix library's.
#[test]
fn a_fixable_finding_gets_its_fix_as_a_preferred_code_action() {
    let repo = repository();
    let mut client = Client::start(&repo.root);
    initialize(&mut client, &repo.root);
    let pei = uri(&repo.pei);
    // The code written in small letters: REF-01, whose fix writes the existing code.
    let text = repo
        .good
        .replacen(REFERENCE, "pdrc-san-martin-2030/aet.1.3,", 1);
    client.notify(
        "textDocument/didOpen",
        &json!({"textDocument": {"uri": pei, "languageId": "yaml", "version": 1, "text": text}}),
    );
    let diagnostics = client.diagnostics(&pei, 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let actions = client.request(
        "textDocument/codeAction",
        &json!({"textDocument": {"uri": pei}, "range": diagnostics[0]["range"], "context": {"diagnostics": [diagnostics[0]]}}),
    );
    let fix = &actions[0];
    assert_eq!(
        fix["title"],
        "Write `aet.1.3` as the existing code `AET.1.3`"
    );
    assert_eq!(fix["isPreferred"], true);
    let edits = fix["edit"]["changes"][&pei].as_array().unwrap();
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0]["newText"], "AET.1.3");
    // The code, at the end of the reference the diagnostic points at.
    assert_eq!(edits[0]["range"]["end"], diagnostics[0]["range"]["end"]);
    assert_eq!(actions[1]["title"], "Add a waiver for this REF-01 finding");
    client.stop();
}
