{{
.s
|
printf
"%s"
}}