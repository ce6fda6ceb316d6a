{{/* refused by the JSON decoder: empty-output */}}
{{/* renders nothing */}}
