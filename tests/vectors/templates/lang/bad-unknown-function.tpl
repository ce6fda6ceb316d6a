{{/* a template parse error: unknown-function */}}
{"subject": {{ nosuchfunc 1 }}}
