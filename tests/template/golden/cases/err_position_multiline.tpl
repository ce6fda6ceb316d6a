line1
  line2 {{ .s }}
  {{ index .l 10 }}