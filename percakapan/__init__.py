"""One module per conversation: parse the update, call a use-case, render a template, reply."""
