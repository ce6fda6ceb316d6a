{{/* a template parse error: expandenv-removed */}}
{"subject": {{ expandenv "$HOME" | toJson }}}
