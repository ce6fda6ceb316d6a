{{/* a template parse error: bad-number */}}
{"subject": "{{ 0x }}"}
