{{/* a template parse error: undefined-variable */}}
{"subject": {{ toJson $nope }}}
