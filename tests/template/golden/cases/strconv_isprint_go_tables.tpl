{{- $s := "a\U0001e030b\u2ffcc\u0378d\u00a0e\u00adf\U0001fae9g" -}}
{{ printf "%q" $s }}
{{ printf "%+q" $s }}
{{ printf "%#q" $s }}
{{ quote $s }}
{{ printf "%#U %#U %#U" 0x1e030 0x2ffc 0x1fae9 }}
{{ printf "%q %q" 0x1e030 0x2ffc }}
{{ squote $s }}
