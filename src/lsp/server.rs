//! The main loop: messages in, the check run when something changed, answers and
//! diagnostics out.

use std::collections::HashMap;
use std::path::PathBuf;

use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, GotoDefinition, HoverRequest, References,
    Request as _, WorkspaceSymbolRequest,
};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, CompletionOptions, CompletionParams, CompletionResponse,
    Diagnostic, DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, DocumentSymbolParams, DocumentSymbolResponse, GotoDefinitionParams,
    GotoDefinitionResponse, Hover, HoverContents, HoverParams, HoverProviderCapability,
    InitializeParams, MarkupContent, MarkupKind, OneOf, PublishDiagnosticsParams, ReferenceParams,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind, TextEdit,
    Url, WorkspaceEdit, WorkspaceSymbolParams, WorkspaceSymbolResponse,
};

use super::diagnostics::DocsLink;
use super::workspace::Workspace;
use super::{actions, convert, diagnostics, handlers, rules};
use crate::i18n::Lang;
use crate::source::FileId;

/// What the client said at initialization that the server keeps.
struct Settings {
    docs: DocsLink,
}

/// What was last published for a file.
struct Published {
    /// The URI it was published under.
    uri: Url,
    /// The fingerprint of its findings ([`diagnostics::by_file`]).
    fingerprint: u64,
    /// The refresh that last saw findings in it.
    seen: u64,
}

/// The server: the connection, the workspace, and what was published.
struct Server {
    connection: Connection,
    workspace: Workspace,
    settings: Settings,
    /// The files diagnostics were last published for, by path (a file is sent again only
    /// when its findings change, or when its buffer was edited).
    published: rustc_hash::FxHashMap<std::ffi::OsString, Published>,
    /// The number of the last refresh.
    generation: u64,
    /// Open rule files (their diagnostics come from compiling their text, not from a run).
    rule_buffers: HashMap<Url, String>,
    /// The problem that stops the run, last shown to the user.
    shown_problem: Option<String>,
}

/// Why the server stopped on an error.
pub(crate) type Error = Box<dyn std::error::Error + Send + Sync>;

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![
                "/".to_owned(),
                ".".to_owned(),
                " ".to_owned(),
                "[".to_owned(),
            ]),
            ..CompletionOptions::default()
        }),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

/// The folder the client opened: the first workspace folder, else the root URI, else the
/// current folder.
#[expect(
    deprecated,
    reason = "`root_uri` is deprecated in favour of workspace folders, which older clients lack"
)]
fn folder(params: &InitializeParams) -> PathBuf {
    params
        .workspace_folders
        .as_ref()
        .and_then(|folders| folders.first())
        .map(|folder| &folder.uri)
        .or(params.root_uri.as_ref())
        .and_then(convert::path_of)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Serves the protocol on standard input and output until the client exits; `lang` is
/// `--lang`, which the client's `lang` initialization option overrides.
///
/// # Errors
/// When the connection breaks or the client breaks the protocol.
pub(crate) fn serve(lang: Option<Lang>) -> Result<(), Error> {
    let (connection, io_threads) = Connection::stdio();
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let option = |name: &str| {
        params
            .initialization_options
            .as_ref()
            .and_then(|options| options.get(name))
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned)
    };
    let lang = option("lang")
        .as_deref()
        .and_then(Lang::parse_exact)
        .or(lang);
    let settings = Settings {
        docs: DocsLink {
            base: option("rulesUrl"),
        },
    };
    let result = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": ServerInfo {
            name: "alinea".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        },
    });
    connection.initialize_finish(id, result)?;
    let workspace = Workspace::new(&folder(&params), lang);
    let mut server = Server {
        connection,
        workspace,
        settings,
        published: rustc_hash::FxHashMap::default(),
        generation: 0,
        rule_buffers: HashMap::new(),
        shown_problem: None,
    };
    server.refresh(&[])?;
    server.main_loop()?;
    drop(server);
    io_threads.join()?;
    Ok(())
}

impl Server {
    fn main_loop(&mut self) -> Result<(), Error> {
        while let Ok(first) = self.connection.receiver.recv() {
            // What arrived meanwhile is handled together: one run for a burst of edits.
            let mut batch = vec![first];
            batch.extend(self.connection.receiver.try_iter());
            let mut edited: Vec<Url> = Vec::new();
            for message in batch {
                match message {
                    Message::Request(request) => {
                        if self.connection.handle_shutdown(&request)? {
                            return Ok(());
                        }
                        self.refresh(&edited)?;
                        edited.clear();
                        let response = self.answer(request);
                        self.connection.sender.send(response.into())?;
                    }
                    Message::Notification(notification) => {
                        if notification.method == "exit" {
                            return Ok(());
                        }
                        edited.extend(self.notice(notification)?);
                    }
                    Message::Response(_) => {}
                }
            }
            self.refresh(&edited)?;
        }
        Ok(())
    }

    fn send<N: lsp_types::notification::Notification>(
        &self,
        params: N::Params,
    ) -> Result<(), Error> {
        let notification = Notification::new(N::METHOD.to_owned(), params);
        self.connection
            .sender
            .send(Message::Notification(notification))?;
        Ok(())
    }

    /// Runs the check if something changed, then publishes the diagnostics of the files
    /// whose findings changed (told by a fingerprint of each file's findings, so that
    /// unchanged files cost no conversion), an empty list for the files whose findings went
    /// away, and always the diagnostics of the buffers just `edited`.
    fn refresh(&mut self, edited: &[Url]) -> Result<(), Error> {
        if !self.workspace.dirty {
            return Ok(());
        }
        self.workspace.check();
        // A problem that stops the run is shown once, not at every edit.
        if self.workspace.problem != self.shown_problem {
            if let Some(problem) = &self.workspace.problem {
                self.send::<lsp_types::notification::ShowMessage>(lsp_types::ShowMessageParams {
                    typ: lsp_types::MessageType::ERROR,
                    message: problem.clone(),
                })?;
            }
            self.shown_problem.clone_from(&self.workspace.problem);
        }
        let Some(run) = self.workspace.run.as_ref() else {
            return Ok(());
        };
        let edited: Vec<FileId> = edited
            .iter()
            .filter_map(|uri| self.workspace.file_id(uri))
            .collect();
        // The open buffers' files, under the client's URIs.
        let open: Vec<(FileId, Url)> = self
            .workspace
            .buffers
            .values()
            .filter_map(|buffer| Some((self.workspace.file_id(&buffer.uri)?, buffer.uri.clone())))
            .collect();
        self.generation += 1;
        let generation = self.generation;
        let mut publish: Vec<(Url, Vec<Diagnostic>)> = Vec::new();
        for (file, findings, fingerprint) in diagnostics::by_file(run) {
            let opened = open.iter().find(|(id, _)| *id == file).map(|(_, uri)| uri);
            let path = run.sources.file(file).path();
            let changed = if let Some(entry) = self.published.get_mut(path.as_os_str()) {
                let renamed = opened.filter(|uri| **uri != entry.uri);
                if let Some(uri) = renamed {
                    // Published under another name before the client opened it.
                    publish.push((std::mem::replace(&mut entry.uri, uri.clone()), Vec::new()));
                }
                let changed = renamed.is_some() || entry.fingerprint != fingerprint;
                entry.fingerprint = fingerprint;
                entry.seen = generation;
                changed.then(|| entry.uri.clone())
            } else {
                let Some(uri) = opened.cloned().or_else(|| self.workspace.uri(file)) else {
                    continue;
                };
                let entry = Published {
                    uri: uri.clone(),
                    fingerprint,
                    seen: generation,
                };
                self.published.insert(path.as_os_str().to_owned(), entry);
                Some(uri)
            };
            let uri = match changed {
                Some(uri) => uri,
                None if edited.contains(&file) => match self.published.get(path.as_os_str()) {
                    Some(entry) => entry.uri.clone(),
                    None => continue,
                },
                None => continue,
            };
            let list = findings
                .iter()
                .map(|finding| {
                    diagnostics::of_finding(
                        &self.workspace,
                        &run.sources,
                        finding,
                        &self.settings.docs,
                        run.report.lang,
                    )
                })
                .collect();
            publish.push((uri, list));
        }
        // Files whose findings went away get an empty list, once; an edited buffer without
        // findings gets one at each edit.
        self.published.retain(|_, entry| {
            let kept = entry.seen == generation;
            if !kept {
                publish.push((entry.uri.clone(), Vec::new()));
            }
            kept
        });
        for &file in &edited {
            if let Some(uri) = open
                .iter()
                .find(|(id, _)| *id == file)
                .map(|(_, uri)| uri.clone())
                .or_else(|| self.workspace.uri(file))
                && !publish.iter().any(|(published, _)| *published == uri)
            {
                publish.push((uri, Vec::new()));
            }
        }
        for (uri, list) in publish {
            let version = self.workspace.buffer(&uri).map(|buffer| buffer.version);
            self.send::<PublishDiagnostics>(PublishDiagnosticsParams {
                uri,
                diagnostics: list,
                version,
            })?;
        }
        Ok(())
    }

    /// Publishes a rule file's problems, from its text.
    fn publish_rule(&self, uri: &Url, text: &str, version: i32) -> Result<(), Error> {
        let Some(path) = convert::path_of(uri) else {
            return Ok(());
        };
        let list = diagnostics::of_rule_text(&path, text, self.workspace.lang());
        self.send::<PublishDiagnostics>(PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics: list,
            version: Some(version),
        })
    }

    /// Handles a notification; returns the plan buffer it edited, if any.
    fn notice(&mut self, notification: Notification) -> Result<Option<Url>, Error> {
        let is_rule = |uri: &Url| {
            std::path::Path::new(uri.path())
                .extension()
                .is_some_and(|extension| extension.eq_ignore_ascii_case("rule"))
        };
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let params: DidOpenTextDocumentParams =
                    serde_json::from_value(notification.params)?;
                let document = params.text_document;
                if is_rule(&document.uri) {
                    self.publish_rule(&document.uri, &document.text, document.version)?;
                    self.rule_buffers.insert(document.uri, document.text);
                    return Ok(None);
                }
                self.workspace
                    .set_buffer(document.uri.clone(), document.text, document.version);
                Ok(Some(document.uri))
            }
            DidChangeTextDocument::METHOD => {
                let params: DidChangeTextDocumentParams =
                    serde_json::from_value(notification.params)?;
                let uri = params.text_document.uri;
                // Full synchronisation: the last change holds the whole text.
                let Some(change) = params.content_changes.into_iter().last() else {
                    return Ok(None);
                };
                if is_rule(&uri) {
                    self.publish_rule(&uri, &change.text, params.text_document.version)?;
                    self.rule_buffers.insert(uri, change.text);
                    return Ok(None);
                }
                self.workspace
                    .set_buffer(uri.clone(), change.text, params.text_document.version);
                Ok(Some(uri))
            }
            DidSaveTextDocument::METHOD => {
                let params: DidSaveTextDocumentParams =
                    serde_json::from_value(notification.params)?;
                let uri = params.text_document.uri;
                // A saved configuration or rule file changes the run itself.
                if uri.path().ends_with(crate::config::FILE_NAME) || is_rule(&uri) {
                    self.workspace.reload_options();
                }
                // A save is when other tools' changes to the repository are looked for:
                // the next run walks it and reads every file.
                self.workspace.rescan();
                Ok(None)
            }
            DidCloseTextDocument::METHOD => {
                let params: DidCloseTextDocumentParams =
                    serde_json::from_value(notification.params)?;
                let uri = params.text_document.uri;
                if self.rule_buffers.remove(&uri).is_some() {
                    self.send::<PublishDiagnostics>(PublishDiagnosticsParams {
                        uri,
                        diagnostics: Vec::new(),
                        version: None,
                    })?;
                    return Ok(None);
                }
                self.workspace.close_buffer(&uri);
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    /// Answers a request.
    fn answer(&self, request: Request) -> Response {
        let id = request.id.clone();
        match self.dispatch(request) {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code, message),
        }
    }

    fn dispatch(&self, request: Request) -> Result<serde_json::Value, (i32, String)> {
        fn params<P: serde::de::DeserializeOwned>(request: Request) -> Result<P, (i32, String)> {
            serde_json::from_value(request.params).map_err(|error| {
                (
                    lsp_server::ErrorCode::InvalidParams as i32,
                    error.to_string(),
                )
            })
        }
        let json = |value: serde_json::Result<serde_json::Value>| {
            value.map_err(|error| {
                (
                    lsp_server::ErrorCode::InternalError as i32,
                    error.to_string(),
                )
            })
        };
        let workspace = &self.workspace;
        match request.method.as_str() {
            HoverRequest::METHOD => {
                let params: HoverParams = params(request)?;
                let at = params.text_document_position_params;
                let found = if let Some(text) = self.rule_buffers.get(&at.text_document.uri) {
                    rule_hover(&at.text_document.uri, text, at.position, workspace.lang())
                } else {
                    handlers::hover(workspace, &at.text_document.uri, at.position).map(
                        |(text, range)| Hover {
                            contents: HoverContents::Markup(MarkupContent {
                                kind: MarkupKind::Markdown,
                                value: text,
                            }),
                            range: Some(range),
                        },
                    )
                };
                json(serde_json::to_value(found))
            }
            GotoDefinition::METHOD => {
                let params: GotoDefinitionParams = params(request)?;
                let at = params.text_document_position_params;
                let found = handlers::definition(workspace, &at.text_document.uri, at.position)
                    .map(GotoDefinitionResponse::Scalar);
                json(serde_json::to_value(found))
            }
            References::METHOD => {
                let params: ReferenceParams = params(request)?;
                let at = params.text_document_position;
                json(serde_json::to_value(handlers::references(
                    workspace,
                    &at.text_document.uri,
                    at.position,
                    params.context.include_declaration,
                )))
            }
            Completion::METHOD => {
                let params: CompletionParams = params(request)?;
                let at = params.text_document_position;
                let items = if let Some(text) = self.rule_buffers.get(&at.text_document.uri) {
                    let Some(path) = convert::path_of(&at.text_document.uri) else {
                        return json(Ok(serde_json::Value::Null));
                    };
                    let source = diagnostics::source_of(&path, text);
                    let offset = convert::offset(&source, at.position);
                    rules::complete(text, offset, workspace.lang())
                } else {
                    handlers::complete(workspace, &at.text_document.uri, at.position)
                };
                json(serde_json::to_value(CompletionResponse::Array(items)))
            }
            DocumentSymbolRequest::METHOD => {
                let params: DocumentSymbolParams = params(request)?;
                json(serde_json::to_value(DocumentSymbolResponse::Nested(
                    handlers::document_symbols(workspace, &params.text_document.uri),
                )))
            }
            WorkspaceSymbolRequest::METHOD => {
                let params: WorkspaceSymbolParams = params(request)?;
                json(serde_json::to_value(WorkspaceSymbolResponse::Flat(
                    handlers::workspace_symbols(workspace, &params.query),
                )))
            }
            CodeActionRequest::METHOD => {
                let params: CodeActionParams = params(request)?;
                json(serde_json::to_value(self.code_actions(&params)))
            }
            _ => Err((
                lsp_server::ErrorCode::MethodNotFound as i32,
                request.method.clone(),
            )),
        }
    }

    /// The actions for the findings whose range meets the requested one.
    fn code_actions(&self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let workspace = &self.workspace;
        let (Some(run), Some(file)) = (
            workspace.run.as_ref(),
            workspace.file_id(&params.text_document.uri),
        ) else {
            return Vec::new();
        };
        let wanted = params.range;
        let fixer = workspace
            .options()
            .map(|options| crate::fix::Fixer::new(run, options));
        let mut found = Vec::new();
        for finding in run
            .report
            .findings
            .iter()
            .filter(|finding| finding.span.file == file)
        {
            let range = convert::range(&run.sources, finding.span);
            if range.end < wanted.start || wanted.end < range.start {
                continue;
            }
            let diagnostic = diagnostics::of_finding(
                workspace,
                &run.sources,
                finding,
                &self.settings.docs,
                run.report.lang,
            );
            for action in actions::for_finding(finding, run, fixer.as_ref(), run.report.lang) {
                let mut changes: HashMap<Url, Vec<TextEdit>> = HashMap::new();
                for (span, text) in &action.edits {
                    if let Some(uri) = workspace.uri(span.file) {
                        changes.entry(uri).or_default().push(TextEdit {
                            range: convert::range(&run.sources, *span),
                            new_text: text.clone(),
                        });
                    }
                }
                found.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: action.title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(WorkspaceEdit {
                        changes: Some(changes),
                        ..WorkspaceEdit::default()
                    }),
                    is_preferred: Some(action.preferred),
                    ..CodeAction::default()
                }));
            }
        }
        found
    }
}

fn rule_hover(uri: &Url, text: &str, position: lsp_types::Position, lang: Lang) -> Option<Hover> {
    let path = convert::path_of(uri)?;
    let source = diagnostics::source_of(&path, text);
    let offset = convert::offset(&source, position);
    let value = rules::hover(text, offset, lang)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: None,
    })
}
