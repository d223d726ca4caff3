"""The language server (`drafting lsp`): check findings, navigation, completion and fixes inside the editor."""
