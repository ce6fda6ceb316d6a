abc {{ .x 

