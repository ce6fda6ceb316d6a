{{/* a template that is not defined: an execution error */}}
{"subject": "x", "dnsNames": [{{ template "nope" }}]}
