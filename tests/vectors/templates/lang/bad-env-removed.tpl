{{/* a template parse error: env-removed */}}
{"subject": {{ env "HOME" | toJson }}}
