{{ urlParse "https://user:pa%20ss@host.example:8443/p/a%2Fth?q=1&r=2#frag" }}
{{ (urlParse "mailto:x@y").opaque }} {{ (urlParse "/rel/path?x").path }} {{ (urlParse "http://[::1]:80/").hostname }}