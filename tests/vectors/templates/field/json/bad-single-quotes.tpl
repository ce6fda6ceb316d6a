{{/* refused by the JSON decoder: single-quotes */}}
{'subject': 'x'}
