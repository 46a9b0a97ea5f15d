// Starts `alinea lsp` for YAML plan files and `.rule` files of the open folder.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration('alinea');
  const command = settings.get('path') || 'alinea';
  client = new LanguageClient(
    'alinea',
    'alinea',
    { command, args: ['lsp'] },
    {
      documentSelector: [
        { scheme: 'file', language: 'yaml' },
        { scheme: 'file', language: 'alinea-rule' },
      ],
      initializationOptions: {
        lang: settings.get('lang') || undefined,
        rulesUrl: settings.get('rulesUrl') || undefined,
      },
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
