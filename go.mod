module kembang

go 1.24
