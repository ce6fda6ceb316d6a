{{/* a template parse error: unterminated-string */}}
{"subject": {{ "abc }}}
